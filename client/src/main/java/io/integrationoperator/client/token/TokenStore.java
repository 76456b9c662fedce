package io.integrationoperator.client.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
   * Records that the OAuth 2.0 authorization code with this SHA-256 digest was sent to the token
   * endpoint, and returns true when it had not been recorded before. An authorization code is valid
   * once, so processes sharing the store must not send it again. Stores shared by several processes
   * override this, for example with an annotation on the token Secret. The default records nothing
   * and returns true.
   */
  default boolean markAuthorizationCodeUsed(String codeDigest) {
    return true;
  }

  /** Returns true when {@link #markAuthorizationCodeUsed} recorded the digest; by default false. */
  default boolean isAuthorizationCodeUsed(String codeDigest) {
    return false;
  }

  /**
   * Claims the right to request a token for {@code validity}, so that processes sharing the store
   * send one request between them. Returns false while another process has a live claim, and that
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

  /**
   * Returns the store for tokens requested with the settings whose digest is {@code digest}. A
   * shared store ignores tokens that were requested with other settings; stores of one process
   * return themselves, because their caches are replaced with the settings.
   */
  default TokenStore forSettings(String digest) {
    return this;
  }

  /** Creates a store that keeps the token in this process only. */
  static TokenStore inMemory() {
    AtomicReference<Token> stored = new AtomicReference<>();
    Set<String> usedCodes = ConcurrentHashMap.newKeySet();
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
      public boolean markAuthorizationCodeUsed(String codeDigest) {
        return usedCodes.add(codeDigest);
      }

      @Override
      public boolean isAuthorizationCodeUsed(String codeDigest) {
        return usedCodes.contains(codeDigest);
      }

      @Override
      public String toString() {
        return "TokenStore.inMemory";
      }
    };
  }
}
