package io.integrationoperator.client.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one Integration's token and requests a new one when it is due, one request at a time.
 *
 * <ul>
 *   <li>Single flight: callers that find the token due wait on one lock, and only the first sends a
 *       request; the others reuse its result.
 *   <li>Refresh before expiry: a token with a lifetime is due after {@link #REFRESH_FRACTION} of it
 *       plus a random jitter of up to {@link #JITTER_FRACTION} of it, so that processes sharing a
 *       token do not all refresh at the same moment. A token without an expiry is kept until the
 *       API rejects it.
 *   <li>A due token that has not expired yet is still returned when the refresh fails.
 *   <li>Backoff: after a failed request, further requests wait 1 s, doubling per failure up to
 *       {@link #MAX_BACKOFF}; within that time callers get the last failure again without a
 *       request, so a failing endpoint is never called in a tight loop.
 *   <li>The {@link TokenStore} is read before each request, so that a token another process has
 *       stored is reused instead of requesting one more.
 * </ul>
 */
public final class TokenCache {

  /** Share of a token's lifetime after which it is refreshed, before the jitter. */
  public static final double REFRESH_FRACTION = 0.75;

  /** Largest jitter added to the refresh time, as a share of the lifetime. */
  public static final double JITTER_FRACTION = 0.10;

  /** Backoff after the first failed token request. */
  public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  /** Longest wait between failed token requests. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  /**
   * How long a claim to request a token lasts, and how long a process waits for the token another
   * process claimed to request.
   */
  public static final Duration CLAIM_VALIDITY = Duration.ofSeconds(10);

  /** Interval at which a waiting process reads the store for the other process's token. */
  static final Duration CLAIM_POLL = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  private final TokenSource source;
  private final TokenStore store;
  private final Clock clock;
  private final DoubleSupplier random;
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock.
  private Token current;
  private Instant refreshAt;
  private int failures;
  private Instant retryAfter = Instant.MIN;
  private TokenRequestException lastFailure;

  /** Creates a cache that refreshes with random jitter. */
  public TokenCache(TokenSource source, TokenStore store, Clock clock) {
    this(source, store, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Creates a cache whose jitter comes from {@code random}, which returns values in [0, 1). Tests
   * pass a constant.
   */
  public TokenCache(TokenSource source, TokenStore store, Clock clock, DoubleSupplier random) {
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Returns a token that is not due, requesting one when needed.
   *
   * @throws TokenRequestException when no usable token is held and the request failed, or the last
   *     request failed less than the backoff ago
   */
  public Token get() throws TokenRequestException {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (current != null && now.isBefore(refreshAt)) {
        return current;
      }
      adopt(store.load(), now);
      if (current != null && now.isBefore(refreshAt)) {
        return current;
      }
      return requestNew(now);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops {@code rejected} after the API answered 401 to it, so that the next {@link #get()}
   * requests a new token. Returns false when a different token is already held, because another
   * caller has replaced the rejected one, or when the last request failed within the backoff.
   */
  public boolean invalidate(Token rejected) {
    lock.lock();
    try {
      store.discard(rejected);
      if (current != null && !current.equals(rejected)) {
        return true;
      }
      current = null;
      refreshAt = null;
      return !clock.instant().isBefore(retryAfter);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the token held now without requesting one, for status reporting. */
  public Optional<Token> peek() {
    lock.lock();
    try {
      return Optional.ofNullable(current);
    } finally {
      lock.unlock();
    }
  }

  private Token requestNew(Instant now) throws TokenRequestException {
    if (now.isBefore(retryAfter)) {
      return usableOrThrow(now, lastFailure);
    }
    if (!store.claim(now, CLAIM_VALIDITY)) {
      Optional<Token> stored = awaitStoredToken();
      if (stored.isPresent()) {
        return stored.get();
      }
      // The other process neither stored a token nor released its claim in time.
    }
    try {
      Token token = source.request(Optional.ofNullable(current));
      store.save(token);
      adopt(Optional.of(token), now);
      failures = 0;
      retryAfter = Instant.MIN;
      lastFailure = null;
      return token;
    } catch (TokenRequestException e) {
      failures++;
      retryAfter = now.plus(backoff(failures));
      lastFailure = e;
      store.recordFailure(e.getMessage());
      LOG.debug("token request failed ({} in a row); next attempt after {}", failures, retryAfter);
      return usableOrThrow(now, e);
    }
  }

  /**
   * Waits up to {@link #CLAIM_VALIDITY} for another process to store a token that is not due, and
   * returns it.
   */
  private Optional<Token> awaitStoredToken() {
    long deadline = System.nanoTime() + CLAIM_VALIDITY.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Token> stored = store.load();
      Instant now = clock.instant();
      if (stored.isPresent() && !stored.get().equals(current)) {
        adopt(stored, now);
        if (stored.get().equals(current) && now.isBefore(refreshAt)) {
          return stored;
        }
      }
      try {
        Thread.sleep(CLAIM_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Returns the held token when it has not expired yet, otherwise throws {@code failure}. */
  private Token usableOrThrow(Instant now, TokenRequestException failure)
      throws TokenRequestException {
    boolean unexpired = current != null && current.expiresAt().map(now::isBefore).orElse(false);
    if (unexpired) {
      return current;
    }
    throw failure;
  }

  private void adopt(Optional<Token> token, Instant now) {
    if (token.isEmpty() || token.get().equals(current)) {
      return;
    }
    Token candidate = token.get();
    Instant due = refreshTime(candidate);
    if (current != null && !now.isBefore(due)) {
      // A stored token that is already due is no better than the one held.
      return;
    }
    current = candidate;
    refreshAt = due;
  }

  private Instant refreshTime(Token token) {
    Optional<Duration> lifetime = token.lifetime();
    if (lifetime.isEmpty()) {
      return Instant.MAX;
    }
    long millis = Math.max(0, lifetime.get().toMillis());
    double share = REFRESH_FRACTION + JITTER_FRACTION * random.getAsDouble();
    return token.obtainedAt().plusMillis((long) (millis * share));
  }

  private static Duration backoff(int failures) {
    Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 16));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  @Override
  public String toString() {
    return "TokenCache[source=" + source.getClass().getSimpleName() + ", store=" + store + "]";
  }
}
