package io.integrationoperator.client.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.client.connection.IntegrationId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class SecretTokenStoreIT {

  private static final IntegrationId ID = new IntegrationId("default", "petstore");
  private static final Instant OBTAINED = Instant.parse("2026-01-01T00:00:00Z");

  KubernetesClient client;

  @BeforeEach
  void createTokenSecret() {
    client
        .secrets()
        .inNamespace("default")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("petstore-token")
                .endMetadata()
                .withType("Opaque")
                .build())
        .create();
  }

  private static Token token(String value, Optional<String> refreshToken) {
    return new Token(
        value,
        Optional.of("Bearer"),
        OBTAINED,
        Optional.of(OBTAINED.plusSeconds(300)),
        refreshToken);
  }

  private Secret secret() {
    return client.secrets().inNamespace("default").withName("petstore-token").get();
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  @Test
  void usedAuthorizationCodeIsSharedThroughSecret() {
    SecretTokenStore first = new SecretTokenStore(client, ID, "a");
    SecretTokenStore second = new SecretTokenStore(client, ID, "b");

    boolean firstMark = first.markAuthorizationCodeUsed("digest-1");
    boolean secondMark = second.markAuthorizationCodeUsed("digest-1");
    first.save(token("access-1", Optional.of("refresh-1")));

    assertThat(firstMark).isTrue();
    assertThat(secondMark).isFalse();
    assertThat(second.isAuthorizationCodeUsed("digest-1")).isTrue();
    assertThat(second.isAuthorizationCodeUsed("digest-2")).isFalse();
    assertThat(secret().getMetadata().getAnnotations())
        .containsEntry(SecretTokenStore.USED_CODE_ANNOTATION, "digest-1");
  }

  @Test
  void saveWritesTokenFieldsToSecret() {
    new SecretTokenStore(client, ID, "a").save(token("access-1", Optional.of("refresh-1")));

    Secret secret = secret();
    assertThat(decode(secret.getData().get("accessToken"))).isEqualTo("access-1");
    assertThat(decode(secret.getData().get("refreshToken"))).isEqualTo("refresh-1");
    assertThat(decode(secret.getData().get("tokenType"))).isEqualTo("Bearer");
    assertThat(decode(secret.getData().get("obtainedAt"))).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(decode(secret.getData().get("expiresAt"))).isEqualTo("2026-01-01T00:05:00Z");
  }

  @Test
  void otherProcessLoadsSavedToken() {
    Token saved = token("access-1", Optional.empty());
    new SecretTokenStore(client, ID, "a").save(saved);

    assertThat(new SecretTokenStore(client, ID, "b").load()).contains(saved);
  }

  @Test
  void tokenOfOtherSettingsIsIgnored() {
    SecretTokenStore store = new SecretTokenStore(client, ID, "a");
    Token saved = token("access-1", Optional.empty());
    store.forSettings("digest-1").save(saved);

    assertThat(secret().getMetadata().getAnnotations())
        .containsEntry(SecretTokenStore.SETTINGS_ANNOTATION, "digest-1");
    assertThat(store.forSettings("digest-1").load()).contains(saved);
    assertThat(store.forSettings("digest-2").load()).isEmpty();
  }

  @Test
  void discardKeepsRefreshToken() {
    SecretTokenStore store = new SecretTokenStore(client, ID, "a");
    Token saved = token("access-1", Optional.of("refresh-1"));
    store.save(saved);

    store.discard(saved);

    assertThat(secret().getData()).containsOnlyKeys("refreshToken", "obtainedAt");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void discardLeavesNewerTokenAlone() {
    SecretTokenStore store = new SecretTokenStore(client, ID, "a");
    store.save(token("access-2", Optional.empty()));

    store.discard(token("access-1", Optional.empty()));

    assertThat(store.load().map(Token::value)).contains("access-2");
  }

  @Test
  void liveClaimOfOtherProcessBlocksClaim() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(new SecretTokenStore(client, ID, "a").claim(now, Duration.ofSeconds(10))).isTrue();

    assertThat(
            new SecretTokenStore(client, ID, "b").claim(now.plusSeconds(9), Duration.ofSeconds(10)))
        .isFalse();
    assertThat(
            new SecretTokenStore(client, ID, "b")
                .claim(now.plusSeconds(10), Duration.ofSeconds(10)))
        .isTrue();
    assertThat(secret().getMetadata().getAnnotations())
        .containsEntry(SecretTokenStore.HOLDER_ANNOTATION, "b")
        .containsEntry(SecretTokenStore.CLAIM_UNTIL_ANNOTATION, "2026-01-01T00:00:20Z");
  }

  @Test
  void saveReleasesClaimAndFailureIsRecorded() {
    SecretTokenStore store = new SecretTokenStore(client, ID, "a");
    store.claim(Instant.now(), Duration.ofSeconds(10));
    store.recordFailure("the token endpoint returned 401");

    assertThat(secret().getMetadata().getAnnotations())
        .containsEntry(SecretTokenStore.LAST_ERROR_ANNOTATION, "the token endpoint returned 401")
        .doesNotContainKey(SecretTokenStore.HOLDER_ANNOTATION);

    store.save(token("access-1", Optional.empty()));
    assertThat(secret().getMetadata().getAnnotations())
        .doesNotContainKey(SecretTokenStore.LAST_ERROR_ANNOTATION);
  }

  @Test
  void staleWriteIsRejected() {
    Secret stale = secret();
    new SecretTokenStore(client, ID, "a").save(token("access-1", Optional.empty()));

    stale.getMetadata().setAnnotations(new java.util.HashMap<>());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.secrets().resource(stale).update())
        .hasMessageContaining("409");
  }

  @Test
  void missingSecretKeepsTokenInCaller() {
    IntegrationId other = new IntegrationId("default", "no-secret");
    SecretTokenStore store = new SecretTokenStore(client, other, "a");

    store.save(token("access-1", Optional.empty()));

    assertThat(store.load()).isEmpty();
    assertThat(store.claim(Instant.now(), Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void twoReplicasMakeOneTokenRequest() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    TokenSource slow =
        previous -> {
          requests.incrementAndGet();
          sleep(300);
          Instant now = Instant.now();
          return new Token(
              "shared",
              Optional.of("Bearer"),
              now,
              Optional.of(now.plusSeconds(300)),
              Optional.empty());
        };
    Clock clock = Clock.systemUTC();
    TokenCache replicaA =
        new TokenCache(slow, new SecretTokenStore(client, ID, "replica-a"), clock, () -> 0.0);
    TokenCache replicaB =
        new TokenCache(slow, new SecretTokenStore(client, ID, "replica-b"), clock, () -> 0.0);

    ExecutorService pool = Executors.newFixedThreadPool(100);
    List<Future<Token>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        TokenCache replica = i % 2 == 0 ? replicaA : replicaB;
        results.add(pool.submit((Callable<Token>) replica::get));
      }
      for (Future<Token> result : results) {
        assertThat(result.get().value()).isEqualTo("shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(requests).hasValue(1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
