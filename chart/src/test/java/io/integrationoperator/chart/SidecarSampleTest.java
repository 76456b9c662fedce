package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.DocumentLoader;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.operator.rbac.IntegrationRoles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the executor sidecar sample in {@code samples/sidecar/} against the sample Integration,
 * the Roles the operator generates for it and the ClusterRoles the chart installs.
 */
class SidecarSampleTest {
  private static final Path SAMPLES = RenderedChart.PROJECT_ROOT.resolve("samples");
  private static final String CHART_NAMESPACE = "integration-operator";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static List<JsonNode> sample;
  private static Integration integration;
  private static TaskCatalog catalog;

  @BeforeAll
  static void readSamples() throws Exception {
    sample = RenderedChart.parse(Files.readString(SAMPLES.resolve("sidecar/workload.yaml")));
    integration =
        SERIALIZATION.unmarshal(
            Files.readString(SAMPLES.resolve("20-kubernetes-integration.yaml")), Integration.class);
    IntegrationModel model =
        SERIALIZATION.unmarshal(
            Files.readString(SAMPLES.resolve("10-kubernetes-model.yaml")), IntegrationModel.class);
    catalog = DocumentLoader.load(model.getSpec().getDocument());
  }

  @Test
  void taskBindingNamesGeneratedVerbRole() {
    List<String> generated =
        IntegrationRoles.desired(integration, catalog.methods()).stream()
            .map(role -> role.getMetadata().getName())
            .toList();
    RoleBinding binding = object(RoleBinding.class, "inventory-sync-local-api-get");

    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo("local-api-get");
    assertThat(generated).contains(binding.getRoleRef().getName());
    assertThat(binding.getMetadata().getNamespace())
        .isEqualTo(integration.getMetadata().getNamespace());
    assertThat(binding.getSubjects()).hasSize(1);
    assertThat(binding.getSubjects().get(0).getName()).isEqualTo(serviceAccountName());
  }

  @Test
  void workloadCallsGetTaskOfSampleIntegration() {
    Container workload = container("workload");
    String script = String.join("\n", workload.getCommand());

    assertThat(script)
        .contains(
            "http://127.0.0.1:8080/v1/namespaces/default/integrations/local-api/tasks/getCodeVersion");
    assertThat(script)
        .contains("Authorization: Bearer $(cat /var/run/secrets/integration-operator/token)");
    assertThat(catalog.task("getCodeVersion")).isPresent();
    assertThat(catalog.task("getCodeVersion").get().method()).isEqualToIgnoringCase("get");
    assertThat(workload.getVolumeMounts())
        .extracting(m -> m.getName() + "=" + m.getMountPath())
        .containsExactly("caller-token=/var/run/secrets/integration-operator");
  }

  @Test
  void callerTokenIsProjectedWithChartAudience() {
    Volume volume = volume("caller-token");
    List<VolumeProjection> sources = volume.getProjected().getSources();

    assertThat(sources).hasSize(1);
    ServiceAccountTokenProjection token = sources.get(0).getServiceAccountToken();
    assertThat(token.getPath()).isEqualTo("token");
    assertThat(token.getAudience()).isEqualTo("integration-operator");
    assertThat(token.getExpirationSeconds()).isEqualTo(3600L);
    assertThat(pod().getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void sidecarRunsChartExecutorImageOnLoopback() {
    Container executor = container("executor");

    assertThat(executor.getImage())
        .isEqualTo("integration-operator-executor:" + System.getProperty("project.version"));
    assertThat(executor.getArgs()).containsExactly("--bind-address=127.0.0.1", "--port=8080");
    assertThat(executor.getEnv())
        .filteredOn(env -> env.getName().equals("WATCH_NAMESPACES"))
        .singleElement()
        .satisfies(
            env ->
                assertThat(env.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
    assertThat(executor.getEnv())
        .filteredOn(env -> env.getName().equals("TOKEN_AUDIENCE"))
        .singleElement()
        .satisfies(env -> assertThat(env.getValue()).isEqualTo("integration-operator"));
    assertThat(executor.getVolumeMounts())
        .extracting(m -> m.getName() + "=" + m.getMountPath())
        .containsExactly(
            "kube-api-access=/var/run/secrets/kubernetes.io/serviceaccount", "tmp=/tmp");
  }

  @Test
  void executorBindingsNameChartRoles() {
    RenderedChart chart = RenderedChart.render(CHART_NAMESPACE, Map.of());
    RoleBinding executor = object(RoleBinding.class, "inventory-sync-executor");
    JsonNode review = node("ClusterRoleBinding", "default-inventory-sync-executor-review");
    RoleBinding discovery = object(RoleBinding.class, "default-inventory-sync-gateway-discovery");

    assertThat(executor.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(chart.node("ClusterRole", executor.getRoleRef().getName())).isNotNull();
    assertThat(review.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
    assertThat(chart.node("ClusterRole", review.at("/roleRef/name").asText())).isNotNull();
    assertThat(discovery.getMetadata().getNamespace()).isEqualTo(CHART_NAMESPACE);
    assertThat(
            chart.node("Role", discovery.getRoleRef().getName()).at("/metadata/namespace").asText())
        .isEqualTo(CHART_NAMESPACE);
  }

  @Test
  void gatewayDiscoveryBindingGrantsWatches() {
    RenderedChart chart = RenderedChart.render(CHART_NAMESPACE, Map.of());
    RoleBinding discovery = object(RoleBinding.class, "default-inventory-sync-gateway-discovery");
    JsonNode role = chart.node("Role", "integration-operator-gateway-discovery");

    assertThat(discovery.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(discovery.getRoleRef().getName())
        .isEqualTo("integration-operator-gateway-discovery");
    assertThat(discovery.getSubjects()).hasSize(1);
    assertThat(discovery.getSubjects().get(0).getName()).isEqualTo(serviceAccountName());
    assertThat(discovery.getSubjects().get(0).getNamespace()).isEqualTo("default");
    // A sidecar watches these in the gateway namespace whatever its Integrations' routing, and
    // /readyz waits for the first lists.
    assertThat(role.path("rules").toString())
        .isEqualTo(
            "[{\"apiGroups\":[\"\"],\"resources\":[\"services\"],"
                + "\"verbs\":[\"get\",\"list\",\"watch\"]},"
                + "{\"apiGroups\":[\"discovery.k8s.io\"],\"resources\":[\"endpointslices\"],"
                + "\"verbs\":[\"get\",\"list\",\"watch\"]}]");
  }

  @Test
  void containersMeetRestrictedProfile() {
    PodSpec pod = pod();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container container : pod.getContainers()) {
      SecurityContext security = container.getSecurityContext();
      assertThat(security.getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
      assertThat(security.getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
      assertThat(security.getCapabilities().getDrop())
          .as(container.getName())
          .containsExactly("ALL");
      assertThat(container.getResources().getRequests()).as(container.getName()).isNotEmpty();
      assertThat(container.getResources().getLimits())
          .as(container.getName())
          .containsKey("memory");
    }
  }

  private static String serviceAccountName() {
    return pod().getServiceAccountName();
  }

  private static PodSpec pod() {
    return object(Deployment.class, "inventory-sync").getSpec().getTemplate().getSpec();
  }

  private static Container container(String name) {
    return pod().getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the sample has no container " + name));
  }

  private static Volume volume(String name) {
    return pod().getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the sample has no volume " + name));
  }

  private static <T extends HasMetadata> T object(Class<T> type, String name) {
    return SERIALIZATION.convertValue(node(type.getSimpleName(), name), type);
  }

  private static JsonNode node(String kind, String name) {
    return sample.stream()
        .filter(o -> kind.equals(o.path("kind").asText()))
        .filter(o -> name.equals(o.at("/metadata/name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the sample has no " + kind + " " + name));
  }
}
