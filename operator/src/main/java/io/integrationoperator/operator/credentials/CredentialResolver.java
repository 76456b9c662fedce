package io.integrationoperator.operator.credentials;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the values an Integration's credential requirements name, with one direct GET per
 * referenced Secret or ConfigMap. The informers keep metadata only, so the data is read here when a
 * reconcile needs it.
 */
public final class CredentialResolver {
  private final KubernetesClient client;

  public CredentialResolver(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Result of resolving: the credentials, or the failed CredentialsResolved outcome that names the
   * first missing Secret, ConfigMap or key, or the first required key whose value is empty.
   */
  public record Resolution(Optional<ResolvedCredentials> credentials, Outcome outcome) {

    /**
     * Returns this failed resolution, or else the failed {@code next} one, or else both sets of
     * values together. {@code next} runs only when this one passed.
     */
    public Resolution and(Supplier<Resolution> next) {
      if (credentials.isEmpty()) {
        return this;
      }
      Resolution other = next.get();
      if (other.credentials.isEmpty()) {
        return other;
      }
      Map<String, String> values = new LinkedHashMap<>(credentials.get().base64Data());
      values.putAll(other.credentials.get().base64Data());
      return passed(values);
    }
  }

  /**
   * Resolves the requirements in their order. Several values for the same projected key, such as a
   * CA bundle and a mutual TLS Secret's ca.crt, are joined with a line break.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException on API errors other than "not
   *     found"
   */
  public Resolution resolve(String namespace, List<CredentialRequirement> requirements) {
    Map<String, Optional<Map<String, String>>> objects = new HashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (CredentialRequirement requirement : requirements) {
      String kind = requirement.source().kind();
      if (requirement.name() == null || requirement.name().isBlank()) {
        return failure(
            notFoundReason(requirement),
            "A " + kind + " reference has no name; set the name of the " + kind + ".");
      }
      Optional<Map<String, String>> data =
          objects.computeIfAbsent(
              requirement.source() + "/" + requirement.name(), k -> read(namespace, requirement));
      if (data.isEmpty()) {
        if (!requirement.required()) {
          continue;
        }
        return failure(
            notFoundReason(requirement),
            kind
                + " "
                + requirement.name()
                + " not found in namespace "
                + namespace
                + "; create it or correct the reference.");
      }
      String value = data.get().get(requirement.key());
      if (value == null) {
        if (!requirement.required()) {
          continue;
        }
        return failure(
            keyNotFoundReason(requirement),
            kind
                + " "
                + requirement.name()
                + " has no key "
                + requirement.key()
                + "; add the key or correct the reference.");
      }
      if (value.isEmpty()) {
        if (!requirement.required()) {
          continue;
        }
        return failure(
            IntegrationConditions.CREDENTIAL_EMPTY,
            kind
                + " "
                + requirement.name()
                + " has an empty value under key "
                + requirement.key()
                + "; put the value into the key or correct the reference.");
      }
      values.merge(requirement.targetKey(), value, CredentialResolver::joinBase64);
    }
    return passed(values);
  }

  /** Returns a passed resolution of base64-encoded values by projected key. */
  static Resolution passed(Map<String, String> values) {
    return new Resolution(
        Optional.of(new ResolvedCredentials(values)),
        Outcome.passed(
            IntegrationConditions.CREDENTIALS_RESOLVED,
            switch (values.size()) {
              case 0 -> "The Integration references no credentials.";
              case 1 -> "The referenced credential value was found.";
              default -> "All " + values.size() + " referenced credential values were found.";
            }));
  }

  /** Reads the object's data as base64 text by key; empty when the object does not exist. */
  private Optional<Map<String, String>> read(String namespace, CredentialRequirement requirement) {
    if (requirement.source() == CredentialRequirement.Source.SECRET) {
      Secret secret = client.secrets().inNamespace(namespace).withName(requirement.name()).get();
      return Optional.ofNullable(secret).map(CredentialResolver::secretData);
    }
    ConfigMap configMap =
        client.configMaps().inNamespace(namespace).withName(requirement.name()).get();
    return Optional.ofNullable(configMap).map(CredentialResolver::configMapData);
  }

  static Map<String, String> secretData(Secret secret) {
    Map<String, String> data = new HashMap<>();
    if (secret.getData() != null) {
      data.putAll(secret.getData());
    }
    // The API server turns stringData into data, but objects from other sources may carry it.
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((key, value) -> data.putIfAbsent(key, encode(value)));
    }
    return data;
  }

  private static Map<String, String> configMapData(ConfigMap configMap) {
    Map<String, String> data = new HashMap<>();
    if (configMap.getBinaryData() != null) {
      data.putAll(configMap.getBinaryData());
    }
    if (configMap.getData() != null) {
      configMap.getData().forEach((key, value) -> data.put(key, encode(value)));
    }
    return data;
  }

  private static String joinBase64(String first, String second) {
    byte[] a = Base64.getDecoder().decode(first);
    byte[] b = Base64.getDecoder().decode(second);
    byte[] joined = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    joined[a.length] = '\n';
    System.arraycopy(b, 0, joined, a.length + 1, b.length);
    return Base64.getEncoder().encodeToString(joined);
  }

  private static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String notFoundReason(CredentialRequirement requirement) {
    return requirement.source() == CredentialRequirement.Source.SECRET
        ? IntegrationConditions.SECRET_NOT_FOUND
        : IntegrationConditions.CONFIG_MAP_NOT_FOUND;
  }

  private static String keyNotFoundReason(CredentialRequirement requirement) {
    return requirement.source() == CredentialRequirement.Source.SECRET
        ? IntegrationConditions.SECRET_KEY_NOT_FOUND
        : IntegrationConditions.CONFIG_MAP_KEY_NOT_FOUND;
  }

  static Resolution failure(String reason, String message) {
    return new Resolution(Optional.empty(), Outcome.failed(reason, message));
  }
}
