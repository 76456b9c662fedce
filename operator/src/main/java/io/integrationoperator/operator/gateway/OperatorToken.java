package io.integrationoperator.operator.gateway;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.util.Optional;

/**
 * The bearer token the operator's Kubernetes client uses, which gateways verify with a TokenReview.
 * Inside a pod it is the ServiceAccount token, which the fabric8 client reads from the token file
 * and reloads when the kubelet rotates it.
 */
public final class OperatorToken {
  private OperatorToken() {}

  /**
   * Returns a supplier of the client's current token: from its token provider, else its configured
   * token, else the token it loaded itself. It supplies nothing when the client authenticates
   * otherwise (client certificates) or not at all, as against local mode's API server.
   */
  public static GatewayToken of(KubernetesClient client) {
    Config config = client.getConfiguration();
    return () -> {
      OAuthTokenProvider provider = config.getOauthTokenProvider();
      String token = provider != null ? provider.getToken() : null;
      if (blank(token)) {
        token = config.getOauthToken();
      }
      if (blank(token)) {
        token = config.getAutoOAuthToken();
      }
      return blank(token) ? Optional.empty() : Optional.of(token);
    };
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
