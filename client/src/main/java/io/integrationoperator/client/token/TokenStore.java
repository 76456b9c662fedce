package io.integrationoperator.client.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Storage of one Integration's token that processes share, such as the {@code <name>-token} Secret.
 * A {@link TokenCache} reads it before requesting a token, so that a token another process obtained
 * is reused, and writes each new token to it.
 */
public interface TokenStore {

  /** Returns the stored token, if any. */
  Optional<Token> load();

  /** Stores {@code token}, replacing the stored one. */
  void save(Token token);

  /** Removes the stored token if it is still {@code rejected}, after the API refused it. */
  void discard(Token rejected);

  /**
   * Claims the right to request a token for {@code validity}, so that processes sharing the store
   * send one request between them. Returns false while another process holds a live claim; that
   * process stores its token, which {@link #load()} then returns. Stores of one process return
   * true.
   */
  default boolean claim(Instant now, Duration validity) {
    return true;
  }

  /**
   * Records that a token request failed, with an error that contains no credential, and releases
   * this process's claim.
   */
  default void recordFailure(String error) {}

  /** Creates a store that keeps the token in this process only. */
  static TokenStore inMemory() {
    AtomicReference<Token> stored = new AtomicReference<>();
    return new TokenStore() {
      @Override
      public Optional<Token> load() {
        return Optional.ofNullable(stored.get());
      }

      @Override
      public void save(Token token) {
        stored.set(token);
      }

      @Override
      public void discard(Token rejected) {
        stored.compareAndSet(rejected, null);
      }

      @Override
      public String toString() {
        return "TokenStore.inMemory";
      }
    };
  }
}
