package io.integrationoperator.client.token;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.integrationoperator.client.connection.IntegrationId;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an Integration's token in its {@code <name>-token} Secret, which the operator creates, so
 * that every executor replica and the operator's probe share one token.
 *
 * <p>Every write is a replace with the resourceVersion that was read (optimistic concurrency), so
 * two processes never overwrite each other's token unseen. Before requesting a token a process
 * writes a claim, the annotations {@link #HOLDER_ANNOTATION} and {@link #CLAIM_UNTIL_ANNOTATION};
 * while another process has a live claim, this one waits for the token it stores instead of
 * requesting its own. A claim that was not released expires, so a crashed holder blocks nobody for
 * long.
 *
 * <p>When the Secret does not exist (the operator has not created it yet), tokens are kept by the
 * calling process only and every claim succeeds.
 */
public final class SecretTokenStore implements TokenStore {

  /** Annotation naming the process that is requesting a token. */
  public static final String HOLDER_ANNOTATION = "integration-operator.io/token-request-holder";

  /** Annotation with the time, RFC 3339, until which the holder's claim is valid. */
  public static final String CLAIM_UNTIL_ANNOTATION = "integration-operator.io/token-request-until";

  /** Annotation with the error of the last failed token request, without credentials. */
  public static final String LAST_ERROR_ANNOTATION = "integration-operator.io/last-token-error";

  /**
   * Annotation with the SHA-256 digest of the last OAuth 2.0 authorization code sent to the token
   * endpoint, so that no process sharing the Secret sends that code again.
   */
  public static final String USED_CODE_ANNOTATION =
      "integration-operator.io/used-authorization-code";

  /**
   * Annotation with the digest of the settings and credentials the stored token was requested with.
   * A process whose settings have another digest ignores the token, so a token or key obtained
   * before a credential or URL change is not used after it.
   */
  public static final String SETTINGS_ANNOTATION = "integration-operator.io/token-settings";

  static final String ACCESS_TOKEN = "accessToken";
  static final String TOKEN_TYPE = "tokenType";
  static final String REFRESH_TOKEN = "refreshToken";
  static final String OBTAINED_AT = "obtainedAt";
  static final String EXPIRES_AT = "expiresAt";

  private static final Logger LOG = LoggerFactory.getLogger(SecretTokenStore.class);
  private static final int WRITE_ATTEMPTS = 3;

  private final KubernetesClient client;
  private final IntegrationId id;
  private final String holder;
  private final String settings;

  /**
   * Creates the store of {@code id}'s token.
   *
   * @param holder a name unique to this process, for example its pod name plus a random suffix
   */
  public SecretTokenStore(KubernetesClient client, IntegrationId id, String holder) {
    this(client, id, holder, null);
  }

  private SecretTokenStore(
      KubernetesClient client, IntegrationId id, String holder, String settings) {
    this.client = client;
    this.id = id;
    this.holder = holder;
    this.settings = settings;
  }

  /**
   * Returns a store that marks the tokens it saves with {@code digest} and loads only tokens with
   * that mark, or without any mark.
   */
  @Override
  public TokenStore forSettings(String digest) {
    return new SecretTokenStore(client, id, holder, digest);
  }

  /** Returns the name of the Secret that contains the token of the Integration {@code name}. */
  public static String secretName(String integrationName) {
    return integrationName + "-token";
  }

  @Override
  public Optional<Token> load() {
    Secret secret = secret().get();
    if (secret == null || !sameSettings(secret)) {
      return Optional.empty();
    }
    return token(secret);
  }

  private boolean sameSettings(Secret secret) {
    String stored = annotations(secret).get(SETTINGS_ANNOTATION);
    return settings == null || stored == null || settings.equals(stored);
  }

  @Override
  public void save(Token token) {
    boolean written =
        write(
            secret -> {
              Map<String, String> data = new HashMap<>();
              put(data, ACCESS_TOKEN, token.value());
              token.type().ifPresent(type -> put(data, TOKEN_TYPE, type));
              token.refreshToken().ifPresent(refresh -> put(data, REFRESH_TOKEN, refresh));
              put(data, OBTAINED_AT, token.obtainedAt().toString());
              token.expiresAt().ifPresent(expiry -> put(data, EXPIRES_AT, expiry.toString()));
              secret.setData(data);
              annotations(secret).remove(HOLDER_ANNOTATION);
              annotations(secret).remove(CLAIM_UNTIL_ANNOTATION);
              annotations(secret).remove(LAST_ERROR_ANNOTATION);
              if (settings != null) {
                annotations(secret).put(SETTINGS_ANNOTATION, settings);
              }
              return secret;
            });
    LOG.debug("token of {} {}", id, written ? "stored in its Secret" : "kept in memory only");
  }

  @Override
  public void discard(Token rejected) {
    write(
        secret -> {
          Optional<Token> stored = token(secret);
          if (stored.isEmpty() || !stored.get().value().equals(rejected.value())) {
            return null;
          }
          // The refresh token stays, because a rejected access token does not mean it is invalid.
          Map<String, String> data = new HashMap<>(secret.getData());
          data.remove(ACCESS_TOKEN);
          data.remove(TOKEN_TYPE);
          data.remove(EXPIRES_AT);
          secret.setData(data);
          return secret;
        });
  }

  @Override
  public boolean claim(Instant now, Duration validity) {
    Resource<Secret> resource = secret();
    Secret secret = resource.get();
    if (secret == null) {
      return true;
    }
    Map<String, String> annotations = annotations(secret);
    String current = annotations.get(HOLDER_ANNOTATION);
    Optional<Instant> until = instant(annotations.get(CLAIM_UNTIL_ANNOTATION));
    if (current != null && !current.equals(holder) && until.map(now::isBefore).orElse(false)) {
      return false;
    }
    annotations.put(HOLDER_ANNOTATION, holder);
    annotations.put(CLAIM_UNTIL_ANNOTATION, now.plus(validity).toString());
    try {
      client.secrets().resource(secret).update();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // Another process wrote first: it claimed, or stored a token, which the caller reads.
        return false;
      }
      throw e;
    }
  }

  @Override
  public void recordFailure(String error) {
    write(
        secret -> {
          annotations(secret).put(LAST_ERROR_ANNOTATION, error);
          annotations(secret).remove(HOLDER_ANNOTATION);
          annotations(secret).remove(CLAIM_UNTIL_ANNOTATION);
          return secret;
        });
  }

  /** Records the digest in {@link #USED_CODE_ANNOTATION}, which keeps only the latest code. */
  @Override
  public boolean markAuthorizationCodeUsed(String codeDigest) {
    AtomicBoolean recordedBefore = new AtomicBoolean();
    write(
        secret -> {
          recordedBefore.set(codeDigest.equals(annotations(secret).get(USED_CODE_ANNOTATION)));
          if (recordedBefore.get()) {
            return null;
          }
          annotations(secret).put(USED_CODE_ANNOTATION, codeDigest);
          return secret;
        });
    return !recordedBefore.get();
  }

  @Override
  public boolean isAuthorizationCodeUsed(String codeDigest) {
    Secret secret = secret().get();
    return secret != null && codeDigest.equals(annotations(secret).get(USED_CODE_ANNOTATION));
  }

  /**
   * Reads the Secret, applies {@code change} and replaces it with the resourceVersion read, trying
   * again after a conflict. A change that returns null means nothing to write.
   *
   * @return false when the Secret does not exist
   */
  private boolean write(UnaryOperator<Secret> change) {
    Resource<Secret> resource = secret();
    for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      Secret secret = resource.get();
      if (secret == null) {
        return false;
      }
      Secret changed = change.apply(secret);
      if (changed == null) {
        return true;
      }
      try {
        // update() sends the resourceVersion read above, so a concurrent write fails with 409.
        client.secrets().resource(changed).update();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == WRITE_ATTEMPTS) {
          throw e;
        }
      }
    }
    return true;
  }

  private Resource<Secret> secret() {
    return client.secrets().inNamespace(id.namespace()).withName(secretName(id.name()));
  }

  /** Reads the token from the Secret's data; a Secret without an access token contains none. */
  public static Optional<Token> token(Secret secret) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    Optional<String> value = decoded(data, ACCESS_TOKEN);
    Optional<Instant> obtainedAt = decoded(data, OBTAINED_AT).flatMap(SecretTokenStore::instant);
    if (value.isEmpty() || obtainedAt.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Token(
            value.get(),
            decoded(data, TOKEN_TYPE),
            obtainedAt.get(),
            decoded(data, EXPIRES_AT).flatMap(SecretTokenStore::instant),
            decoded(data, REFRESH_TOKEN)));
  }

  private static Map<String, String> annotations(Secret secret) {
    if (secret.getMetadata().getAnnotations() == null) {
      secret.getMetadata().setAnnotations(new HashMap<>());
    }
    return secret.getMetadata().getAnnotations();
  }

  private static void put(Map<String, String> data, String key, String value) {
    data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<String> decoded(Map<String, String> data, String key) {
    String encoded = data.get(key);
    if (encoded == null || encoded.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "SecretTokenStore[" + id.namespace() + "/" + secretName(id.name()) + "]";
  }
}
