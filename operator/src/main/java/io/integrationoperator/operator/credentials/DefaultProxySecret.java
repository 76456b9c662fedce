package io.integrationoperator.operator.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.operator.status.IntegrationConditions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Secret of the operator's default proxy from the operator's own namespace. Its keys are
 * optional, {@code username} and {@code password} for Basic proxy authentication (together) and
 * {@code ca.crt} for the CA of an https proxy, and they are projected as {@code proxyUsername},
 * {@code proxyPassword} and {@code proxyCaBundle}. The Secret itself must exist, because the
 * operator's configuration names it.
 */
public final class DefaultProxySecret {
  /** Operator option that names the Secret, for messages. */
  static final String OPTION = "--default-proxy-secret";

  private final KubernetesClient client;

  public DefaultProxySecret(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Reads the Secret.
   *
   * @param namespace the operator's namespace; null when the operator does not know it
   * @throws io.fabric8.kubernetes.client.KubernetesClientException on API errors other than "not
   *     found"
   */
  public CredentialResolver.Resolution read(String namespace, String name) {
    if (namespace == null) {
      return CredentialResolver.failure(
          IntegrationConditions.SECRET_NOT_FOUND,
          "The operator's default proxy Secret "
              + name
              + " cannot be read because the operator's namespace is unknown; set the"
              + " environment variable OPERATOR_NAMESPACE of the operator.");
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return CredentialResolver.failure(
          IntegrationConditions.SECRET_NOT_FOUND,
          "Secret "
              + name
              + " not found in namespace "
              + namespace
              + ", which the operator option "
              + OPTION
              + " names for the default proxy; create it there or correct the option.");
    }
    Map<String, String> data = CredentialResolver.secretData(secret);
    String username = data.get("username");
    String password = data.get("password");
    if ((username == null) != (password == null)) {
      String missing = username == null ? "username" : "password";
      return CredentialResolver.failure(
          IntegrationConditions.SECRET_KEY_NOT_FOUND,
          "Secret "
              + name
              + " in namespace "
              + namespace
              + " (the default proxy's) has no key "
              + missing
              + ", which proxy authentication needs together with the other; add the key, or"
              + " remove both for a proxy without authentication.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    put(values, CredentialKeys.PROXY_USERNAME, username);
    put(values, CredentialKeys.PROXY_PASSWORD, password);
    put(values, CredentialKeys.PROXY_CA_BUNDLE, data.get("ca.crt"));
    return CredentialResolver.passed(values);
  }

  private static void put(Map<String, String> values, String key, String base64) {
    if (base64 != null && !base64.isEmpty()) {
      values.put(key, base64);
    }
  }
}
