package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayWaitsTest {
  static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void retriesBackOffUntilLimit() {
    GatewayWaits waits = new GatewayWaits();

    GatewayWaits.Wait first = waits.next("uid", "fp", START);
    GatewayWaits.Wait second = waits.next("uid", "fp", START.plusSeconds(2));
    GatewayWaits.Wait third = waits.next("uid", "fp", START.plusSeconds(6));
    GatewayWaits.Wait fourth = waits.next("uid", "fp", START.plusSeconds(14));
    GatewayWaits.Wait fifth = waits.next("uid", "fp", START.plusSeconds(30));

    assertThat(first.retries()).isZero();
    assertThat(first.nextDelay(START)).isEqualTo(Duration.ofSeconds(2));
    assertThat(second.nextDelay(START.plusSeconds(2))).isEqualTo(Duration.ofSeconds(4));
    assertThat(third.nextDelay(START.plusSeconds(6))).isEqualTo(Duration.ofSeconds(8));
    assertThat(fourth.nextDelay(START.plusSeconds(14))).isEqualTo(Duration.ofSeconds(16));
    assertThat(fourth.expired(START.plusSeconds(14))).isFalse();
    assertThat(fifth.since()).isEqualTo(START);
    assertThat(fifth.expired(START.plusSeconds(30))).isTrue();
  }

  @Test
  void delayStopsAtLimit() {
    GatewayWaits waits = new GatewayWaits();
    waits.next("uid", "fp", START);
    waits.next("uid", "fp", START.plusSeconds(2));
    waits.next("uid", "fp", START.plusSeconds(6));

    GatewayWaits.Wait late = waits.next("uid", "fp", START.plusSeconds(25));

    assertThat(late.nextDelay(START.plusSeconds(25))).isEqualTo(Duration.ofSeconds(5));
    assertThat(late.nextDelay(START.plusSeconds(31))).isEqualTo(Duration.ZERO);
  }

  @Test
  void otherFingerprintStartsNewWait() {
    GatewayWaits waits = new GatewayWaits();
    waits.next("uid", "before", START);
    waits.next("uid", "before", START.plusSeconds(2));

    GatewayWaits.Wait changed = waits.next("uid", "after", START.plusSeconds(20));

    assertThat(changed.retries()).isZero();
    assertThat(changed.since()).isEqualTo(START.plusSeconds(20));
  }

  @Test
  void endForgetsWait() {
    GatewayWaits waits = new GatewayWaits();
    waits.next("uid", "fp", START);
    waits.end("uid");

    GatewayWaits.Wait again = waits.next("uid", "fp", START.plusSeconds(40));

    assertThat(again.retries()).isZero();
    assertThat(again.since()).isEqualTo(START.plusSeconds(40));
  }

  @Test
  void retainOnlyForgetsDeletedIntegrations() {
    GatewayWaits waits = new GatewayWaits();
    waits.next("uid-kept", "fp", START);
    waits.next("uid-deleted", "fp", START);

    waits.retainOnly(Set.of("uid-kept"));

    assertThat(waits.next("uid-kept", "fp", START.plusSeconds(1)).retries()).isEqualTo(1);
    assertThat(waits.next("uid-deleted", "fp", START.plusSeconds(1)).retries()).isZero();
  }
}
