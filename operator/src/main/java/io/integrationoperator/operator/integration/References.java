package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.operator.GeneratedObjects;
import io.integrationoperator.operator.ReferenceIndex;
import io.integrationoperator.operator.credentials.CredentialRequirement;
import io.integrationoperator.operator.credentials.CredentialRequirements;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Index functions that list the objects an Integration refers to, for event mapping. */
final class References {

  private References() {}

  static String modelName(Integration integration) {
    IntegrationSpec spec = integration.getSpec();
    return spec == null || spec.getModelRef() == null ? null : spec.getModelRef().getName();
  }

  static List<String> modelKeys(Integration integration) {
    String name = modelName(integration);
    return name == null ? List.of() : List.of(key(integration, name));
  }

  /** Lists the referenced Secrets and the projected Secret, whose edits must be undone. */
  static List<String> secretKeys(Integration integration) {
    List<String> keys = new ArrayList<>();
    keys.add(
        key(
            integration,
            GeneratedObjects.credentialsSecretName(integration.getMetadata().getName())));
    // Token refreshes by the executors change the token Secret, and status.token follows them.
    keys.add(key(integration, SecretTokenStore.secretName(integration.getMetadata().getName())));
    keys.addAll(keys(integration, CredentialRequirement.Source.SECRET));
    return keys.stream().distinct().toList();
  }

  static List<String> configMapKeys(Integration integration) {
    return keys(integration, CredentialRequirement.Source.CONFIG_MAP);
  }

  /** Maps a generated Role to its Integration through the Integration label. */
  static Set<ResourceID> roleOwner(Role role) {
    Map<String, String> labels = role.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(GeneratedObjects.INTEGRATION_LABEL);
    return owner == null
        ? Set.of()
        : Set.of(new ResourceID(owner, role.getMetadata().getNamespace()));
  }

  private static List<String> keys(Integration integration, CredentialRequirement.Source source) {
    if (integration.getSpec() == null) {
      return List.of();
    }
    // The object names do not depend on the scheme details, so none are passed.
    return CredentialRequirements.list(integration.getSpec(), Map.of()).stream()
        .filter(r -> r.source() == source && r.name() != null)
        .map(r -> key(integration, r.name()))
        .distinct()
        .toList();
  }

  private static String key(Integration integration, String name) {
    return ReferenceIndex.key(integration.getMetadata().getNamespace(), name);
  }
}
