package io.integrationoperator.client.token;

import io.integrationoperator.client.connection.IntegrationId;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The token caches of one process, one per Integration. A cache lives as long as the settings it
 * was created for: when an Integration's token settings or credentials change, the next lookup
 * replaces its cache, so a token obtained with old credentials is not used again.
 */
public final class TokenCaches {

  private static final TokenCaches SHARED = new TokenCaches(id -> TokenStore.inMemory());

  /** Receives the outcome of every token or key request, for example to count them. */
  @FunctionalInterface
  public interface RequestListener {
    /** Called after each request that {@code id}'s cache sent, whether it succeeded or failed. */
    void requested(IntegrationId id, boolean succeeded);
  }

  private final Function<IntegrationId, TokenStore> stores;
  private final Clock clock;
  private final RequestListener listener;
  private final Map<IntegrationId, Entry> caches = new ConcurrentHashMap<>();

  private record Entry(String configuration, TokenCache cache) {}

  /**
   * Creates caches whose tokens are stored in the store that {@code stores} returns, timed by the
   * UTC clock.
   */
  public TokenCaches(Function<IntegrationId, TokenStore> stores) {
    this(stores, Clock.systemUTC());
  }

  /**
   * Creates caches whose tokens are stored in the store that {@code stores} returns, timed by
   * {@code clock}.
   */
  public TokenCaches(Function<IntegrationId, TokenStore> stores, Clock clock) {
    this(stores, clock, (id, succeeded) -> {});
  }

  /**
   * Creates caches whose tokens are stored in the store that {@code stores} returns, timed by
   * {@code clock}, that report each token request to {@code listener}.
   */
  public TokenCaches(
      Function<IntegrationId, TokenStore> stores, Clock clock, RequestListener listener) {
    this.stores = stores;
    this.clock = clock;
    this.listener = listener;
  }

  /** Returns the process-wide caches that keep tokens in memory only. */
  public static TokenCaches shared() {
    return SHARED;
  }

  /**
   * Returns the cache of {@code id}, creating it with {@code source} when there is none or when it
   * was created for a different {@code configuration}.
   *
   * @param configuration a digest of every setting and credential the token depends on. It is never
   *     the credentials themselves, because it is kept beside the cache and in the token Secret.
   */
  public TokenCache cacheFor(IntegrationId id, String configuration, TokenSource source) {
    Entry entry =
        caches.compute(
            id,
            (key, existing) ->
                existing != null && existing.configuration().equals(configuration)
                    ? existing
                    : new Entry(
                        configuration,
                        new TokenCache(
                            reporting(id, source),
                            stores.apply(id).forSettings(configuration),
                            clock)));
    return entry.cache();
  }

  /**
   * Returns the cache of {@code id} as {@link #cacheFor(IntegrationId, String, TokenSource)} does,
   * creating the source only when a new cache is created, from the store that cache uses. Sources
   * that keep state in the store, such as used authorization codes, need this form.
   */
  public TokenCache cacheWithSourceFactory(
      IntegrationId id, String configuration, Function<TokenStore, ? extends TokenSource> sources) {
    Entry entry =
        caches.compute(
            id,
            (key, existing) -> {
              if (existing != null && existing.configuration().equals(configuration)) {
                return existing;
              }
              TokenStore store = stores.apply(id).forSettings(configuration);
              return new Entry(
                  configuration, new TokenCache(reporting(id, sources.apply(store)), store, clock));
            });
    return entry.cache();
  }

  private TokenSource reporting(IntegrationId id, TokenSource source) {
    return previous -> {
      try {
        Token token = source.request(previous);
        listener.requested(id, true);
        return token;
      } catch (TokenRequestException e) {
        listener.requested(id, false);
        throw e;
      }
    };
  }

  /** Drops the cache of {@code id}, for example after its Integration was deleted. */
  public void remove(IntegrationId id) {
    caches.remove(id);
  }
}
