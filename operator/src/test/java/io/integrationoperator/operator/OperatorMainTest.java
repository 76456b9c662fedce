package io.integrationoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorMainTest {

  @Test
  void defaultsWatchAllWithLeaderElection() {
    OperatorSettings settings = OperatorMain.parseSettings(new String[0], Map.of());

    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.leaseName()).isEqualTo(OperatorSettings.DEFAULT_LEASE_NAME);
    assertThat(settings.leaseNamespace()).isNull();
    assertThat(settings.defaultProbeInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.healthPort()).isEqualTo(8081);
  }

  @Test
  void argumentsOverrideEnvironment() {
    OperatorSettings settings =
        OperatorMain.parseSettings(
            new String[] {"--namespaces=a, b", "--health-port=-1", "--probe-interval=1m30s"},
            Map.of("WATCH_NAMESPACES", "c", "LEADER_ELECTION", "false", "LEASE_NAME", "lease"));

    assertThat(settings.namespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.leaseName()).isEqualTo("lease");
    assertThat(settings.healthPort()).isEqualTo(-1);
    assertThat(settings.defaultProbeInterval()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsUnknownOptionAndInvalidValues() {
    assertThatThrownBy(() -> OperatorMain.parseSettings(new String[] {"--port=1"}, Map.of()))
        .hasMessageContaining("unknown option --port");
    assertThatThrownBy(
            () -> OperatorMain.parseSettings(new String[] {"--probe-interval=soon"}, Map.of()))
        .hasMessageContaining("--probe-interval soon");
    assertThatThrownBy(() -> OperatorMain.parseSettings(new String[] {"--health-port=x"}, Map.of()))
        .hasMessageContaining("--health-port x");
  }
}
