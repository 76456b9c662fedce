package io.integrationoperator.operator.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.TokenState;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.client.token.Token;
import io.integrationoperator.operator.GeneratedObjects;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and removes the {@code <integration>-token} Secret, in which the executor replicas and
 * the probe share the tokens they request (see {@link SecretTokenStore}). The operator creates it
 * empty with the owner reference and label of generated objects, and never writes its data, because
 * the token holders do.
 */
public final class TokenSecret {
  private static final Logger LOG = LoggerFactory.getLogger(TokenSecret.class);

  private final KubernetesClient client;

  public TokenSecret(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Creates the token Secret when it is missing.
   *
   * @return the Secret as it is now
   * @throws KubernetesClientException when the API server rejects a call
   */
  public Secret ensure(Integration integration) {
    Resource<Secret> resource = resource(integration);
    Secret current = resource.get();
    if (current != null) {
      return current;
    }
    String name = SecretTokenStore.secretName(integration.getMetadata().getName());
    Secret desired =
        new SecretBuilder()
            .withMetadata(GeneratedObjects.metadata(integration, name))
            .withType("Opaque")
            .build();
    try {
      Secret created = client.secrets().resource(desired).create();
      LOG.info("Created Secret {} for the tokens of the Integration", name);
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      return resource.get();
    }
  }

  /**
   * Deletes the token Secret after the Integration stopped using a method that requests tokens. A
   * Secret of that name that the operator did not generate is kept.
   *
   * @return true when a Secret was deleted
   */
  public boolean delete(Integration integration) {
    Resource<Secret> resource = resource(integration);
    Secret current = resource.get();
    if (current == null || !GeneratedObjects.hasMetadataOf(current, integration)) {
      return false;
    }
    resource.delete();
    LOG.info(
        "Deleted Secret {} because the authentication no longer requests tokens",
        current.getMetadata().getName());
    return true;
  }

  /**
   * Returns the token state for the status: when the token was obtained and expires, and the last
   * request error, never the token. Empty when the Secret holds neither a token nor an error.
   */
  public static Optional<TokenState> state(Secret secret) {
    Optional<Token> token = SecretTokenStore.token(secret);
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    String error =
        annotations == null ? null : annotations.get(SecretTokenStore.LAST_ERROR_ANNOTATION);
    if (token.isEmpty() && error == null) {
      return Optional.empty();
    }
    TokenState state = new TokenState();
    token.ifPresent(
        t -> {
          state.setObtainedAt(t.obtainedAt().toString());
          state.setExpiresAt(t.expiresAt().map(Object::toString).orElse(null));
        });
    state.setLastRefreshError(error);
    return Optional.of(state);
  }

  private Resource<Secret> resource(Integration integration) {
    return client
        .secrets()
        .inNamespace(integration.getMetadata().getNamespace())
        .withName(SecretTokenStore.secretName(integration.getMetadata().getName()));
  }
}
