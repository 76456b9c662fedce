package io.integrationoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.operator.gateway.GatewayDefaults;
import java.nio.file.Path;
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
    assertThat(settings.gatewayTokenFile()).isNull();
  }

  @Test
  void gatewayTokenFileFromOptionOrEnvironment() {
    OperatorSettings fromOption =
        OperatorMain.parseSettings(
            new String[] {"--gateway-token-file=/var/run/secrets/gateway/token"},
            Map.of("GATEWAY_TOKEN_FILE", "/other"));
    OperatorSettings fromEnvironment =
        OperatorMain.parseSettings(
            new String[0], Map.of("GATEWAY_TOKEN_FILE", " /var/run/gateway-token "));

    assertThat(fromOption.gatewayTokenFile()).isEqualTo(Path.of("/var/run/secrets/gateway/token"));
    assertThat(fromEnvironment.gatewayTokenFile()).isEqualTo(Path.of("/var/run/gateway-token"));
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

  @Test
  void readsGatewayDefaultsFromEnvironment() {
    OperatorSettings settings =
        OperatorMain.parseSettings(
            new String[] {"--default-gateway-cluster=edge-2", "--gateway-namespace=gateways"},
            Map.of(
                "DEFAULT_EXECUTION_MODE", "ClusterNoProxy",
                "DEFAULT_GATEWAY_CLUSTER", "edge-1",
                "DEFAULT_PROXY_URL", "http://proxy.example.test:3128",
                "DEFAULT_PROXY_SECRET", "corp-proxy",
                "DEFAULT_NO_PROXY", ".internal.test",
                "OPERATOR_NAMESPACE", "integration-operator"));

    assertThat(settings.gatewayDefaults().executionMode()).isEqualTo(ExecutionMode.ClusterNoProxy);
    assertThat(settings.gatewayDefaults().cluster()).contains("edge-2");
    assertThat(settings.gatewayDefaults().proxy().orElseThrow().url())
        .isEqualTo("http://proxy.example.test:3128");
    assertThat(settings.gatewayDefaults().proxy().orElseThrow().secretName())
        .contains("corp-proxy");
    assertThat(settings.operatorNamespace()).isEqualTo("integration-operator");
    assertThat(settings.effectiveGatewayNamespace()).isEqualTo("gateways");
  }

  @Test
  void gatewayNamespaceDefaultsToOperatorNamespace() {
    OperatorSettings settings =
        OperatorMain.parseSettings(new String[0], Map.of("OPERATOR_NAMESPACE", "ops"));

    assertThat(settings.gatewayDefaults()).isEqualTo(GatewayDefaults.none());
    assertThat(settings.effectiveGatewayNamespace()).isEqualTo("ops");
  }

  @Test
  void rejectsInvalidExecutionModeFromEnvironment() {
    assertThatThrownBy(
            () ->
                OperatorMain.parseSettings(
                    new String[0], Map.of("DEFAULT_EXECUTION_MODE", "Sidecar")))
        .hasMessage(
            "invalid --default-execution-mode Sidecar, expected Direct, ClusterNoProxy or Proxy");
  }
}
