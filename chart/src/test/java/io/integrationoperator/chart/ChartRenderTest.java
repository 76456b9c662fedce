package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.integrationoperator.operator.gateway.GatewayDefaults;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lints the chart and checks the objects it renders, value by value. */
class ChartRenderTest {
  private static final String OPERATOR = "integration-operator-operator";
  private static final Map<String, String> ONE_POOL =
      Map.of("gatewayPools[0].name", "edge-1", "gatewayPools[0].replicas", "3");

  @Test
  void lintPassesInStrictMode() {
    LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
  }

  @Test
  void chartVersionsFollowProjectVersion() throws Exception {
    String chart = Files.readString(RenderedChart.CHART.resolve("Chart.yaml"));
    String projectVersion = System.getProperty("project.version");

    assertThat(chart).contains("\nversion: " + projectVersion + "\n");
    assertThat(chart).contains("\nappVersion: " + projectVersion + "\n");
  }

  @Test
  void operatorRunsConfiguredImage() {
    Container defaults = operatorContainer(RenderedChart.render());
    Container custom =
        operatorContainer(
            RenderedChart.render(
                Map.of("image.registry", "registry.example.com/platform/", "image.tag", "1.2.3")));

    assertThat(defaults.getImage())
        .isEqualTo("integration-operator:" + System.getProperty("project.version"));
    assertThat(custom.getImage())
        .isEqualTo("registry.example.com/platform/integration-operator:1.2.3");
    assertThat(defaults.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void operatorEnvironmentCarriesSettings() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "operator.probeInterval", "2m",
                "operator.logLevel", "DEBUG",
                "operator.leaderElection.leaseName", "io-leader"));
    Container container = operatorContainer(chart);
    Map<String, EnvVar> env = env(container);

    assertThat(env.get("OPERATOR_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("LEASE_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("WATCH_NAMESPACES").getValue()).isEmpty();
    assertThat(env.get("LEADER_ELECTION").getValue()).isEqualTo("true");
    assertThat(env.get("LEASE_NAME").getValue()).isEqualTo("io-leader");
    assertThat(env.get("PROBE_INTERVAL").getValue()).isEqualTo("2m");
    assertThat(env.get("HEALTH_PORT").getValue()).isEqualTo("8081");
    assertThat(env.get("LOG_LEVEL").getValue()).isEqualTo("DEBUG");
    assertThat(env).doesNotContainKey("JAVA_TOOL_OPTIONS");
    assertThat(env.get("GATEWAY_TOKEN_FILE").getValue())
        .isEqualTo("/var/run/secrets/integration-operator/gateway/token");
    assertThat(container.getArgs()).isEmpty();
    assertThat(container.getEnvFrom()).hasSize(1);
    assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName())
        .isEqualTo("integration-operator-gateway-defaults");
  }

  @Test
  void operatorMountsTokenWithAudience() {
    RenderedChart chart = RenderedChart.render(Map.of("tokenAudience", "edge-executors"));
    PodSpec pod = chart.get(Deployment.class, OPERATOR).getSpec().getTemplate().getSpec();
    Volume volume =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("gateway-token"))
            .findFirst()
            .orElseThrow();
    List<VolumeProjection> sources = volume.getProjected().getSources();

    assertThat(sources).hasSize(1);
    ServiceAccountTokenProjection token = sources.get(0).getServiceAccountToken();
    assertThat(token.getPath()).isEqualTo("token");
    assertThat(token.getAudience()).isEqualTo("edge-executors");
    assertThat(token.getExpirationSeconds()).isEqualTo(3600L);
    assertThat(operatorContainer(chart).getVolumeMounts())
        .extracting(m -> m.getName() + "=" + m.getMountPath() + " readOnly=" + m.getReadOnly())
        .containsExactly(
            "tmp=/tmp readOnly=null",
            "gateway-token=/var/run/secrets/integration-operator/gateway readOnly=true");
    assertThat(env(operatorContainer(chart)).get("GATEWAY_TOKEN_FILE").getValue())
        .isEqualTo("/var/run/secrets/integration-operator/gateway/token");
  }

  @Test
  void gatewayPoolRequiresTokenAudience() {
    Map<String, String> values = new LinkedHashMap<>(ONE_POOL);
    values.put("tokenAudience", "edge-executors");
    Container gateway = gatewayContainer(RenderedChart.render(values));
    Container defaults = gatewayContainer(RenderedChart.render(ONE_POOL));

    assertThat(env(gateway).get("TOKEN_AUDIENCE").getValue()).isEqualTo("edge-executors");
    assertThat(env(defaults).get("TOKEN_AUDIENCE").getValue()).isEqualTo("integration-operator");
  }

  @Test
  void emptyTokenAudienceKeepsDefaultAudiences() {
    Map<String, String> values = new LinkedHashMap<>(ONE_POOL);
    values.put("tokenAudience", "");
    RenderedChart chart = RenderedChart.render(values);
    PodSpec pod = chart.get(Deployment.class, OPERATOR).getSpec().getTemplate().getSpec();

    assertThat(env(gatewayContainer(chart))).doesNotContainKey("TOKEN_AUDIENCE");
    assertThat(env(operatorContainer(chart))).doesNotContainKey("GATEWAY_TOKEN_FILE");
    assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("tmp");
    assertThat(operatorContainer(chart).getVolumeMounts())
        .extracting(VolumeMount::getName)
        .containsExactly("tmp");
  }

  @Test
  void schemaRejectsTokenAudienceWithSpace() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("tokenAudience", "edge executors")))
        .hasMessageContaining("/tokenAudience");
  }

  @Test
  void javaOptionsBecomeToolOptions() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "operator.javaOptions", "-Xss512k",
                "executor.javaOptions", "-Xss1m",
                "gatewayPools[0].name", "edge-1"));
    Container gateway =
        chart
            .get(Deployment.class, "integration-operator-gateway-edge-1")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(env(operatorContainer(chart)).get("JAVA_TOOL_OPTIONS").getValue())
        .isEqualTo("-Xss512k");
    assertThat(env(gateway).get("JAVA_TOOL_OPTIONS").getValue()).isEqualTo("-Xss1m");
  }

  @Test
  void operatorReplicasAndLeaderElection() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("operator.replicas", "3", "operator.leaderElection.enabled", "false"));

    assertThat(chart.get(Deployment.class, OPERATOR).getSpec().getReplicas()).isEqualTo(3);
    assertThat(env(operatorContainer(chart)).get("LEADER_ELECTION").getValue()).isEqualTo("false");
    assertThat(RenderedChart.render().get(Deployment.class, OPERATOR).getSpec().getReplicas())
        .isEqualTo(1);
  }

  @Test
  void operatorProbesUseHealthPort() {
    Container container =
        operatorContainer(RenderedChart.render(Map.of("operator.healthPort", "9090")));

    assertThat(container.getPorts()).hasSize(1);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("health");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(9090);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("health");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo("health");
    assertThat(env(container).get("HEALTH_PORT").getValue()).isEqualTo("9090");
  }

  @Test
  void gatewayDefaultsGoToConfigMap() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "gatewayDefaults.executionMode", "Proxy",
                "gatewayDefaults.cluster", "edge-1",
                "gatewayDefaults.proxyUrl", "http://proxy.internal:3128",
                "gatewayDefaults.proxySecret", "corporate-proxy",
                "gatewayDefaults.noProxy[0]", ".svc",
                "gatewayDefaults.noProxy[1]", "10.0.0.0/8"));
    ConfigMap configMap = chart.get(ConfigMap.class, "integration-operator-gateway-defaults");

    assertThat(configMap.getData())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "DEFAULT_EXECUTION_MODE", "Proxy",
                "DEFAULT_GATEWAY_CLUSTER", "edge-1",
                "DEFAULT_PROXY_URL", "http://proxy.internal:3128",
                "DEFAULT_PROXY_SECRET", "corporate-proxy",
                "DEFAULT_NO_PROXY", ".svc,10.0.0.0/8"));
  }

  @Test
  void gatewayDefaultsLeaveOutEmptyValues() {
    ConfigMap configMap =
        RenderedChart.render().get(ConfigMap.class, "integration-operator-gateway-defaults");

    assertThat(configMap.getData())
        .containsExactlyEntriesOf(Map.of("DEFAULT_EXECUTION_MODE", "Direct"));
  }

  @Test
  void gatewayPoolRunsExecutorInGatewayMode() {
    RenderedChart chart = RenderedChart.render(ONE_POOL);
    Deployment deployment = chart.get(Deployment.class, "integration-operator-gateway-edge-1");
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(container.getImage())
        .isEqualTo("integration-operator-executor:" + System.getProperty("project.version"));
    assertThat(container.getArgs()).containsExactly("--mode=gateway", "--gateway-cluster=edge-1");
    assertThat(env(container).get("EXECUTOR_PORT").getValue()).isEqualTo("8080");
    assertThat(env(container).get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("integration-operator-executor");
  }

  @Test
  void gatewayPoolServiceCarriesClusterLabel() {
    RenderedChart chart = RenderedChart.render(ONE_POOL);
    Service service = chart.get(Service.class, "integration-operator-gateway-edge-1");
    Deployment deployment = chart.get(Deployment.class, "integration-operator-gateway-edge-1");

    assertThat(service.getMetadata().getLabels())
        .containsEntry("integration-operator.io/gateway-cluster", "edge-1");
    assertThat(service.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(service.getSpec().getPorts()).hasSize(1);
    assertThat(service.getSpec().getPorts().get(0).getName()).isEqualTo("http");
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
  }

  @Test
  void noGatewayObjectsWithoutPools() {
    RenderedChart chart = RenderedChart.render();

    assertThat(chart.all(Service.class)).isEmpty();
    assertThat(chart.all(Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .containsExactly(OPERATOR);
  }

  @Test
  void everyPodMeetsRestrictedProfile() {
    RenderedChart chart = RenderedChart.render(ONE_POOL);
    List<Deployment> deployments = chart.all(Deployment.class);

    assertThat(deployments).hasSize(2);
    for (Deployment deployment : deployments) {
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      String name = deployment.getMetadata().getName();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .as(name)
          .isEqualTo("RuntimeDefault");
      // Besides /tmp, only the operator's projected gateway token is mounted, read-only.
      assertThat(pod.getVolumes())
          .as(name)
          .allMatch(
              v ->
                  v.getEmptyDir() != null
                      || v.getName().equals("gateway-token")
                          && v.getProjected().getSources().stream()
                              .allMatch(p -> p.getServiceAccountToken() != null));
      for (Container container : pod.getContainers()) {
        SecurityContext security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).as(name).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
        assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).as(name).isEmpty();
        assertThat(security.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
        assertThat(security.getPrivileged()).as(name).isNull();
        assertThat(container.getVolumeMounts().get(0).getMountPath()).as(name).isEqualTo("/tmp");
        List<VolumeMount> mounts = container.getVolumeMounts();
        assertThat(mounts.subList(1, mounts.size()))
            .as(name)
            .allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()));
      }
    }
  }

  @Test
  void everyContainerSetsResources() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "gatewayPools[0].name", "edge-1",
                "gatewayPools[0].resources.requests.cpu", "2",
                "gatewayPools[0].resources.requests.memory", "1Gi"));
    Container operator = operatorContainer(chart);
    Container gateway =
        chart
            .get(Deployment.class, "integration-operator-gateway-edge-1")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(operator.getResources().getRequests().get("cpu").toString()).isEqualTo("100m");
    assertThat(operator.getResources().getRequests().get("memory").toString()).isEqualTo("256Mi");
    assertThat(operator.getResources().getLimits().get("memory").toString()).isEqualTo("512Mi");
    assertThat(gateway.getResources().getRequests().get("cpu").toString()).isEqualTo("2");
    assertThat(gateway.getResources().getRequests().get("memory").toString()).isEqualTo("1Gi");
  }

  @Test
  void crdsRenderWithKeepPolicy() {
    List<JsonNode> crds = RenderedChart.render().ofKind("CustomResourceDefinition");

    assertThat(crds)
        .extracting(crd -> crd.at("/metadata/name").asText())
        .containsExactlyInAnyOrder(
            "integrations.integration-operator.io", "integrationmodels.integration-operator.io");
    for (JsonNode crd : crds) {
      assertThat(crd.at("/metadata/annotations/helm.sh~1resource-policy").asText())
          .isEqualTo("keep");
    }
  }

  @Test
  void crdsCanBeLeftOut() {
    RenderedChart chart = RenderedChart.render(Map.of("crds.enabled", "false"));

    assertThat(chart.ofKind("CustomResourceDefinition")).isEmpty();
  }

  @Test
  void namespaceScopedInstallWatchesListedNamespaces() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of(
                "watchNamespaces[0]", "team-a",
                "watchNamespaces[1]", "team-b",
                "gatewayPools[0].name", "edge-1"));
    Container gateway =
        chart
            .get(Deployment.class, "integration-operator-gateway-edge-1")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(env(operatorContainer(chart)).get("WATCH_NAMESPACES").getValue())
        .isEqualTo("team-a,team-b");
    assertThat(env(gateway).get("WATCH_NAMESPACES").getValue()).isEqualTo("team-a,team-b");
    assertThat(chart.ofKind("ClusterRoleBinding"))
        .extracting(b -> b.at("/metadata/name").asText())
        .containsExactly("integration-operator-executor-review");
    assertThat(chart.ofKind("Role"))
        .extracting(
            r -> r.at("/metadata/namespace").asText() + "/" + r.at("/metadata/name").asText())
        .contains("team-a/integration-operator-operator", "team-b/integration-operator-operator");
  }

  @Test
  void schemaRejectsUnknownLogLevel() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("operator.logLevel", "LOUD")))
        .hasMessageContaining("/operator/logLevel")
        .hasMessageContaining("INFO");
  }

  @Test
  void schemaRejectsUnknownExecutionMode() {
    assertThatThrownBy(
            () -> RenderedChart.render(Map.of("gatewayDefaults.executionMode", "Sometimes")))
        .hasMessageContaining("/gatewayDefaults/executionMode")
        .hasMessageContaining("Direct");
  }

  @Test
  void schemaRejectsPoolWithoutName() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("gatewayPools[0].replicas", "2")))
        .hasMessageContaining("/gatewayPools/0")
        .hasMessageContaining("name");
  }

  @Test
  void proxySecretWithoutProxyUrlFails() {
    assertThatThrownBy(
            () -> RenderedChart.render(Map.of("gatewayDefaults.proxySecret", "corporate-proxy")))
        .hasMessageContaining("set gatewayDefaults.proxyUrl too");
  }

  @Test
  void schemaRejectsWildcardNoProxyEntry() {
    assertThatThrownBy(
            () ->
                RenderedChart.render(
                    Map.of(
                        "gatewayDefaults.proxyUrl", "http://proxy.internal:3128",
                        "gatewayDefaults.noProxy[0]", "*.example.test")))
        .hasMessageContaining("/gatewayDefaults/noProxy/0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "EDGE",
        "edge_1.x",
        "a",
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
      })
  void schemaAcceptsLabelValueCluster(String cluster) {
    ConfigMap configMap =
        RenderedChart.render(Map.of("gatewayDefaults.cluster", cluster))
            .get(ConfigMap.class, "integration-operator-gateway-defaults");

    assertThat(configMap.getData().get("DEFAULT_GATEWAY_CLUSTER")).isEqualTo(cluster);
    assertThat(GatewayDefaults.isClusterName(cluster)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "-edge",
        "edge.",
        "edge 1",
        "edge/1",
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
      })
  void schemaRejectsClusterOutsideLabelValue(String cluster) {
    assertThat(GatewayDefaults.isClusterName(cluster)).isFalse();
    assertThatThrownBy(() -> RenderedChart.render(Map.of("gatewayDefaults.cluster", cluster)))
        .hasMessageContaining("/gatewayDefaults/cluster");
  }

  @Test
  void schemaAcceptsNoProxyStar() {
    ConfigMap configMap =
        RenderedChart.render(
                Map.of(
                    "gatewayDefaults.proxyUrl", "http://proxy.internal:3128",
                    "gatewayDefaults.noProxy[0]", "*"))
            .get(ConfigMap.class, "integration-operator-gateway-defaults");

    assertThat(configMap.getData().get("DEFAULT_NO_PROXY")).isEqualTo("*");
  }

  @Test
  void schemaRejectsProxyUrlWithUserInfo() {
    assertThatThrownBy(
            () ->
                RenderedChart.render(
                    Map.of("gatewayDefaults.proxyUrl", "http://user:pw@proxy.internal:3128")))
        .hasMessageContaining("/gatewayDefaults/proxyUrl");
  }

  @Test
  void schemaAcceptsProxyUrlWithTrailingSlash() {
    ConfigMap configMap =
        RenderedChart.render(Map.of("gatewayDefaults.proxyUrl", "https://proxy.internal:3128/"))
            .get(ConfigMap.class, "integration-operator-gateway-defaults");

    assertThat(configMap.getData().get("DEFAULT_PROXY_URL"))
        .isEqualTo("https://proxy.internal:3128/");
  }

  @Test
  void schemaRejectsMisspelledValue() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("operator.replica", "2")))
        .hasMessageContaining("replica");
  }

  private static Container operatorContainer(RenderedChart chart) {
    PodSpec pod = chart.get(Deployment.class, OPERATOR).getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers()).hasSize(1);
    return pod.getContainers().get(0);
  }

  private static Container gatewayContainer(RenderedChart chart) {
    return chart
        .get(Deployment.class, "integration-operator-gateway-edge-1")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static Map<String, EnvVar> env(Container container) {
    return container.getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b, LinkedHashMap::new));
  }
}
