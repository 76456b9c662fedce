package io.integrationoperator.client.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final AtomicInteger requests = new AtomicInteger();

  /** Issues tokens named token-1, token-2, ... that live {@code lifetime}. */
  private TokenSource issuing(Duration lifetime) {
    return previous -> {
      int n = requests.incrementAndGet();
      Instant now = clock.instant();
      return new Token(
          "token-" + n,
          Optional.of("Bearer"),
          now,
          Optional.of(now.plus(lifetime)),
          Optional.empty());
    };
  }

  private TokenCache cache(TokenSource source) {
    return new TokenCache(source, TokenStore.inMemory(), clock, () -> 0.0);
  }

  @Test
  void concurrentCallersCauseOneRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TokenSource slow =
        previous -> {
          awaitQuietly(release);
          return issuing(Duration.ofMinutes(5)).request(previous);
        };
    TokenCache cache = cache(slow);
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      List<Future<Token>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(pool.submit((Callable<Token>) cache::get));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<Token> result : results) {
        assertThat(result.get().value()).isEqualTo("token-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(requests).hasValue(1);
  }

  @Test
  void refreshesAfterThreeQuartersOfLifetime() throws Exception {
    TokenCache cache = cache(issuing(Duration.ofSeconds(100)));
    assertThat(cache.get().value()).isEqualTo("token-1");

    clock.set(START.plusSeconds(74));
    assertThat(cache.get().value()).isEqualTo("token-1");

    clock.set(START.plusSeconds(75));
    assertThat(cache.get().value()).isEqualTo("token-2");
    assertThat(requests).hasValue(2);
  }

  @Test
  void jitterDelaysRefreshByUpToTenthOfLifetime() throws Exception {
    TokenCache cache =
        new TokenCache(issuing(Duration.ofSeconds(100)), TokenStore.inMemory(), clock, () -> 0.5);
    cache.get();

    clock.set(START.plusSeconds(79));
    assertThat(cache.get().value()).isEqualTo("token-1");
    clock.set(START.plusSeconds(80));
    assertThat(cache.get().value()).isEqualTo("token-2");
  }

  @Test
  void keepsUnexpiredTokenWhenRefreshFails() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TokenSource firstWorks =
        previous -> {
          if (calls.incrementAndGet() == 1) {
            return issuing(Duration.ofSeconds(100)).request(previous);
          }
          throw new TokenRequestException("token endpoint returned 503", (Throwable) null);
        };
    TokenCache cache = cache(firstWorks);
    cache.get();

    clock.set(START.plusSeconds(90));
    assertThat(cache.get().value()).isEqualTo("token-1");

    clock.set(START.plusSeconds(101));
    assertThatThrownBy(cache::get).hasMessage("token endpoint returned 503");
  }

  @Test
  void backsOffAfterFailedRequests() {
    AtomicInteger calls = new AtomicInteger();
    TokenSource failing =
        previous -> {
          calls.incrementAndGet();
          throw new TokenRequestException("invalid_client", (Throwable) null);
        };
    TokenCache cache = cache(failing);

    assertThatThrownBy(cache::get).hasMessage("invalid_client");
    assertThatThrownBy(cache::get).hasMessage("invalid_client");
    assertThat(calls).hasValue(1);

    clock.set(START.plusMillis(1000));
    assertThatThrownBy(cache::get).hasMessage("invalid_client");
    assertThat(calls).hasValue(2);

    clock.set(START.plusMillis(2999));
    assertThatThrownBy(cache::get).hasMessage("invalid_client");
    assertThat(calls).hasValue(2);

    clock.set(START.plusMillis(3000));
    assertThatThrownBy(cache::get).hasMessage("invalid_client");
    assertThat(calls).hasValue(3);
  }

  @Test
  void backoffStopsAtOneMinute() {
    AtomicInteger calls = new AtomicInteger();
    TokenCache cache =
        cache(
            previous -> {
              calls.incrementAndGet();
              throw new TokenRequestException("down", (Throwable) null);
            });
    Instant now = START;
    for (int i = 0; i < 12; i++) {
      clock.set(now);
      assertThatThrownBy(cache::get).hasMessage("down");
      now = now.plus(TokenCache.MAX_BACKOFF);
    }
    assertThat(calls).hasValue(12);
  }

  @Test
  void invalidateMakesNextGetRequestNewToken() throws Exception {
    TokenCache cache = cache(issuing(Duration.ofMinutes(5)));
    Token first = cache.get();

    assertThat(cache.invalidate(first)).isTrue();

    assertThat(cache.get().value()).isEqualTo("token-2");
  }

  @Test
  void invalidateOfReplacedTokenKeepsNewOne() throws Exception {
    TokenCache cache = cache(issuing(Duration.ofMinutes(5)));
    Token first = cache.get();
    cache.invalidate(first);
    Token second = cache.get();

    assertThat(cache.invalidate(first)).isTrue();

    assertThat(cache.get()).isEqualTo(second);
    assertThat(requests).hasValue(2);
  }

  @Test
  void reusesTokenAnotherProcessStored() throws Exception {
    TokenStore store = TokenStore.inMemory();
    store.save(
        new Token(
            "stored",
            Optional.of("Bearer"),
            START,
            Optional.of(START.plusSeconds(600)),
            Optional.empty()));
    TokenCache cache = new TokenCache(issuing(Duration.ofMinutes(5)), store, clock, () -> 0.0);

    assertThat(cache.get().value()).isEqualTo("stored");
    assertThat(requests).hasValue(0);
  }

  @Test
  void passesHeldTokenToSourceForRefresh() throws Exception {
    List<Optional<Token>> previous = new ArrayList<>();
    TokenSource recording =
        held -> {
          previous.add(held);
          return issuing(Duration.ofSeconds(100)).request(held);
        };
    TokenCache cache = cache(recording);
    Token first = cache.get();
    clock.set(START.plusSeconds(80));
    cache.get();

    assertThat(previous).containsExactly(Optional.empty(), Optional.of(first));
  }

  @Test
  void toStringHidesTokenValue() {
    Token token =
        new Token(
            "secret-value",
            Optional.of("Bearer"),
            START,
            Optional.empty(),
            Optional.of("refresh-value"));

    assertThat(token.toString()).doesNotContain("secret-value").doesNotContain("refresh-value");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
