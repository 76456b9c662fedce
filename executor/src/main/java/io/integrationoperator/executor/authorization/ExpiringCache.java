package io.integrationoperator.executor.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map whose entries expire a fixed time after they were stored and which keeps at most a fixed
 * number of entries, dropping the least recently used first. Instances are safe for concurrent use.
 */
final class ExpiringCache<K, V> {
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

  private record Entry<V>(V value, Instant expires) {}

  /**
   * @param ttl how long an entry is returned after it was stored; zero stores nothing
   * @param maxEntries maximum number of entries
   */
  ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** Returns the value stored for {@code key}, unless it expired. */
  synchronized Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Stores {@code value} for the cache's time to live. */
  synchronized void put(K key, V value) {
    if (ttl.isZero()) {
      return;
    }
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    if (entries.size() > maxEntries) {
      Map.Entry<K, Entry<V>> eldest = entries.entrySet().iterator().next();
      entries.remove(eldest.getKey());
    }
  }

  /** Returns the number of stored entries, expired ones included. */
  synchronized int size() {
    return entries.size();
  }
}
