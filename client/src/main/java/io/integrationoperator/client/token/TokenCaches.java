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

  private final Function<IntegrationId, TokenStore> stores;
  private final Clock clock;
  private final Map<IntegrationId, Entry> caches = new ConcurrentHashMap<>();

  private record Entry(String configuration, TokenCache cache) {}

  /** Creates caches whose tokens are stored where {@code stores} says, timed by the UTC clock. */
  public TokenCaches(Function<IntegrationId, TokenStore> stores) {
    this(stores, Clock.systemUTC());
  }

  /** Creates caches whose tokens are stored where {@code stores} says, timed by {@code clock}. */
  public TokenCaches(Function<IntegrationId, TokenStore> stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  /** Returns the process-wide caches that keep tokens in memory only. */
  public static TokenCaches shared() {
    return SHARED;
  }

  /**
   * Returns the cache of {@code id}, creating it with {@code source} when there is none or when it
   * was created for a different {@code configuration}.
   *
   * @param configuration a digest of every setting and credential the token depends on; never the
   *     credentials themselves, because it is kept in memory beside the cache
   */
  public TokenCache cacheFor(IntegrationId id, String configuration, TokenSource source) {
    Entry entry =
        caches.compute(
            id,
            (key, existing) ->
                existing != null && existing.configuration().equals(configuration)
                    ? existing
                    : new Entry(configuration, new TokenCache(source, stores.apply(id), clock)));
    return entry.cache();
  }

  /** Drops the cache of {@code id}, for example after its Integration was deleted. */
  public void remove(IntegrationId id) {
    caches.remove(id);
  }
}
