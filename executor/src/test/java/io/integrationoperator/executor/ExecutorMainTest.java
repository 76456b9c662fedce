package io.integrationoperator.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutorMainTest {

  @Test
  void defaultsWithoutOptions() {
    ExecutorSettings settings = ExecutorMain.parseSettings(new String[0], Map.of());

    assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.authorization()).isTrue();
    assertThat(settings.authorizationCacheTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.authorizationCacheSize()).isEqualTo(10_000);
    assertThat(settings.maxResponseBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(settings.mode()).isEqualTo(ExecutorMode.SIDECAR);
    assertThat(settings.gatewayCluster()).isEmpty();
    assertThat(settings.threads()).isEqualTo(32);
    assertThat(settings.gatewayNamespace()).isEqualTo("default");
    assertThat(settings.tokenAudience()).isEmpty();
  }

  @Test
  void tokenAudienceFromOptionOrEnvironment() {
    ExecutorSettings fromOption =
        ExecutorMain.parseSettings(
            new String[] {"--token-audience=integration-operator"},
            Map.of("TOKEN_AUDIENCE", "other"));
    ExecutorSettings fromEnvironment =
        ExecutorMain.parseSettings(new String[0], Map.of("TOKEN_AUDIENCE", " edge "));
    ExecutorSettings blank =
        ExecutorMain.parseSettings(new String[] {"--token-audience="}, Map.of());

    assertThat(fromOption.tokenAudience()).contains("integration-operator");
    assertThat(fromEnvironment.tokenAudience()).contains("edge");
    assertThat(blank.tokenAudience()).isEmpty();
  }

  @Test
  void gatewayNamespaceDefaultsToPodNamespace() {
    ExecutorSettings fromPod =
        ExecutorMain.parseSettings(new String[0], Map.of("POD_NAMESPACE", "shop"));
    ExecutorSettings configured =
        ExecutorMain.parseSettings(
            new String[] {"--gateway-namespace=gateways"}, Map.of("POD_NAMESPACE", "shop"));
    ExecutorSettings fromEnvironment =
        ExecutorMain.parseSettings(
            new String[0], Map.of("POD_NAMESPACE", "shop", "GATEWAY_NAMESPACE", "edge"));

    assertThat(fromPod.gatewayNamespace()).isEqualTo("shop");
    assertThat(configured.gatewayNamespace()).isEqualTo("gateways");
    assertThat(fromEnvironment.gatewayNamespace()).isEqualTo("edge");
  }

  @Test
  void sidecarMayServeGatewayCluster() {
    ExecutorSettings settings =
        ExecutorMain.parseSettings(new String[] {"--gateway-cluster=local"}, Map.of());

    assertThat(settings.mode()).isEqualTo(ExecutorMode.SIDECAR);
    assertThat(settings.servedClusters()).containsExactly("local");
  }

  @Test
  void optionsOverrideEnvironment() {
    ExecutorSettings settings =
        ExecutorMain.parseSettings(
            new String[] {
              "--port=9090",
              "--namespaces=shop, billing",
              "--authorization=false",
              "--authorization-cache-ttl=1m30s",
              "--max-response-body-size=512Ki",
              "--mode=gateway",
              "--gateway-cluster=edge-1"
            },
            Map.of("EXECUTOR_PORT", "7070", "EXECUTOR_THREADS", "4", "WATCH_NAMESPACES", "other"));

    assertThat(settings.port()).isEqualTo(9090);
    assertThat(settings.namespaces()).isEqualTo(Set.of("shop", "billing"));
    assertThat(settings.authorization()).isFalse();
    assertThat(settings.authorizationCacheTtl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.maxResponseBodyBytes()).isEqualTo(512L * 1024);
    assertThat(settings.mode()).isEqualTo(ExecutorMode.GATEWAY);
    assertThat(settings.gatewayCluster()).isEqualTo(Optional.of("edge-1"));
    assertThat(settings.threads()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--colour=red | unknown option --colour, known options: --port, --bind-address,"
            + " --namespaces, --authorization, --authorization-cache-ttl,"
            + " --authorization-cache-size, --max-response-body-size, --mode,"
            + " --gateway-cluster, --gateway-namespace, --threads, --token-audience",
        "--authorization=yes | invalid --authorization yes, expected true or false",
        "--authorization-cache-ttl=soon | invalid --authorization-cache-ttl soon, expected a"
            + " duration such as 10s or 1m",
        "--max-response-body-size=lots | invalid --max-response-body-size lots, expected a"
            + " positive size below 2Gi such as 10Mi or 500000",
        "--mode=gateway | --mode=gateway needs --gateway-cluster (or GATEWAY_CLUSTER) naming the"
            + " cluster",
        "--mode=proxy | invalid --mode proxy, expected sidecar or gateway",
        "--port=70000 | invalid --port 70000, expected a whole number from 0 to 65535",
        "port=1 | invalid argument port=1, expected --name=value"
      })
  void invalidOptionIsRejected(String argument, String message) {
    assertThatThrownBy(() -> ExecutorMain.parseSettings(new String[] {argument}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
