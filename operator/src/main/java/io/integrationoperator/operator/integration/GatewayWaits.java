package io.integrationoperator.operator.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each routed Integration has waited for its gateway cluster to catch up with its current
 * routing and generation, by Integration UID. A wait belongs to one probe fingerprint (settings and
 * routing), so a change of either starts a new wait. The retries back off from {@link #FIRST_RETRY}
 * by doubling, and after {@link #LIMIT} since the wait began the probe counts as failed.
 */
final class GatewayWaits {
  /** First delay before a probe through a gateway that had not caught up is tried again. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);

  /** Time after which a gateway that has not caught up makes Connected False. */
  static final Duration LIMIT = Duration.ofSeconds(30);

  /** One wait: since when, and how many retries were scheduled. */
  record Wait(String fingerprint, Instant since, int retries) {

    /** Returns the delay before the next retry: 2, 4, 8... seconds, never past the limit. */
    Duration nextDelay(Instant now) {
      Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(retries, 10));
      Duration left = LIMIT.minus(Duration.between(since, now));
      if (left.isNegative()) {
        return Duration.ZERO;
      }
      return left.compareTo(backoff) < 0 ? left : backoff;
    }

    boolean expired(Instant now) {
      return Duration.between(since, now).compareTo(LIMIT) >= 0;
    }
  }

  private final Map<String, Wait> waits = new ConcurrentHashMap<>();

  /**
   * Returns the wait for {@code fingerprint}, started now when there is none for it yet, and counts
   * one more retry.
   *
   * @return the wait before this call counted the retry; {@code retries} is 0 when it just began
   */
  Wait next(String uid, String fingerprint, Instant now) {
    Wait current = waits.get(uid);
    Wait before =
        current != null && current.fingerprint().equals(fingerprint)
            ? current
            : new Wait(fingerprint, now, 0);
    waits.put(uid, new Wait(fingerprint, before.since(), before.retries() + 1));
    return before;
  }

  /** Ends the Integration's wait, because the gateway caught up or the wait failed. */
  void end(String uid) {
    waits.remove(uid);
  }

  /** Drops the waits of Integrations whose UID is not in {@code existing}. */
  void retainOnly(Set<String> existing) {
    waits.keySet().retainAll(existing);
  }
}
