package io.integrationoperator.client.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.connection.IntegrationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCachesTest {

  private static final IntegrationId ID = new IntegrationId("default", "api");

  @Test
  void sourceFactoryRunsOnlyForNewCache() {
    TokenStore store = TokenStore.inMemory();
    TokenCaches caches = new TokenCaches(id -> store);
    List<TokenStore> storesGiven = new ArrayList<>();
    TokenSource source = previous -> null;

    TokenCache first =
        caches.cacheWithSourceFactory(
            ID,
            "digest-1",
            given -> {
              storesGiven.add(given);
              return source;
            });
    TokenCache same =
        caches.cacheWithSourceFactory(
            ID,
            "digest-1",
            given -> {
              storesGiven.add(given);
              return source;
            });
    TokenCache replaced =
        caches.cacheWithSourceFactory(
            ID,
            "digest-2",
            given -> {
              storesGiven.add(given);
              return source;
            });

    assertThat(same).isSameAs(first);
    assertThat(replaced).isNotSameAs(first);
    assertThat(storesGiven).containsExactly(store, store);
  }

  @Test
  void inMemoryStoreRecordsUsedCodes() {
    TokenStore store = TokenStore.inMemory();

    boolean firstMark = store.markAuthorizationCodeUsed("abc");
    boolean secondMark = store.markAuthorizationCodeUsed("abc");

    assertThat(firstMark).isTrue();
    assertThat(secondMark).isFalse();
    assertThat(store.isAuthorizationCodeUsed("abc")).isTrue();
    assertThat(store.isAuthorizationCodeUsed("other")).isFalse();
  }

  @Test
  void listenerHearsEveryRequestWithOutcome() throws Exception {
    List<String> heard = new ArrayList<>();
    TokenCaches caches =
        new TokenCaches(
            id -> TokenStore.inMemory(),
            java.time.Clock.systemUTC(),
            (id, succeeded) -> heard.add(id + " " + succeeded));
    TokenCache working =
        caches.cacheFor(
            ID,
            "digest",
            previous ->
                new Token(
                    "value",
                    java.util.Optional.of("Bearer"),
                    java.time.Instant.now(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty()));
    TokenCache failing =
        caches.cacheFor(
            new IntegrationId("default", "down"),
            "digest",
            previous -> {
              throw new TokenRequestException("the token endpoint returned 503", (Throwable) null);
            });

    working.get();
    working.get();
    org.assertj.core.api.Assertions.assertThatThrownBy(failing::get)
        .isInstanceOf(TokenRequestException.class);

    assertThat(heard).containsExactly("default/api true", "default/down false");
  }
}
