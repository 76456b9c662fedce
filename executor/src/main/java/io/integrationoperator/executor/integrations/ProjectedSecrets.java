package io.integrationoperator.executor.integrations;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Names and label of the Secrets the operator generates for an Integration. The values match the
 * operator's {@code GeneratedObjects}, which the executor does not depend on.
 */
final class ProjectedSecrets {
  /** Label whose value is the name of the Integration a generated object belongs to. */
  static final String INTEGRATION_LABEL = "integration-operator.io/integration";

  private ProjectedSecrets() {}

  static String credentialsName(String integration) {
    return integration + "-credentials";
  }

  /** Returns true when the Secret's label names the Integration. */
  static boolean belongsTo(Secret secret, String integration) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    return labels != null && integration.equals(labels.get(INTEGRATION_LABEL));
  }

  /** Decodes the Secret's data into text values by key. */
  static Map<String, String> decoded(Secret secret) {
    Map<String, String> values = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (key, value) ->
                  values.put(
                      key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    }
    return values;
  }
}
