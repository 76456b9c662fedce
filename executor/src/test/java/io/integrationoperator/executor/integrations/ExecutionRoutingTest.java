package io.integrationoperator.executor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.integrationoperator.api.integration.EffectiveRouting;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.executor.server.ApiError;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecutionRoutingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          sidecar runs Direct calls                 | sidecar |       | Direct         |        | false | run
          sidecar forwards routed calls             | sidecar |       | ClusterNoProxy | edge-1 | false | forward edge-1
          sidecar forwards Proxy calls              | sidecar |       | Proxy          | edge-1 | false | forward edge-1
          sidecar runs its own cluster              | sidecar | local | ClusterNoProxy | local  | false | run
          sidecar of local forwards other clusters  | sidecar | local | Proxy          | edge-1 | false | forward edge-1
          sidecar rejects forwarded Direct calls    | sidecar |       | Direct         |        | true  | 409
          sidecar never forwards twice              | sidecar |       | ClusterNoProxy | edge-1 | true  | 409
          gateway runs its cluster                  | gateway | edge-1| ClusterNoProxy | edge-1 | false | run
          gateway runs forwarded calls              | gateway | edge-1| Proxy          | edge-1 | true  | run
          gateway rejects Direct calls              | gateway | edge-1| Direct         |        | false | 409
          gateway rejects other clusters            | gateway | edge-1| ClusterNoProxy | edge-2 | false | 409
          gateway rejects forwarded other clusters  | gateway | edge-1| ClusterNoProxy | edge-2 | true  | 409
          """)
  void routesByStatusRouting(
      String description,
      String kind,
      String served,
      ExecutionMode mode,
      String cluster,
      boolean forwarded,
      String expected) {
    ExecutionRouting routing =
        new ExecutionRouting(kind.equals("sidecar"), served == null ? Set.of() : Set.of(served));
    Integration integration = integration(mode, cluster);

    if (expected.equals("409")) {
      assertThatThrownBy(() -> routing.forwardTarget(integration, forwarded))
          .isInstanceOfSatisfying(
              ApiError.class, e -> assertThat(e.reason()).isEqualTo("NotInGatewayCluster"));
    } else {
      Optional<String> target = assertDoesNotThrow(routing, integration, forwarded);
      assertThat(target.map(c -> "forward " + c).orElse("run")).isEqualTo(expected);
    }
  }

  private static Optional<String> assertDoesNotThrow(
      ExecutionRouting routing, Integration integration, boolean forwarded) {
    try {
      return routing.forwardTarget(integration, forwarded);
    } catch (ApiError e) {
      throw new AssertionError("unexpected " + e.status() + " " + e.error(), e);
    }
  }

  private static Integration integration(ExecutionMode mode, String cluster) {
    EffectiveRouting routing = new EffectiveRouting();
    routing.setExecutionMode(mode);
    routing.setCluster(cluster);
    IntegrationStatus status = new IntegrationStatus();
    status.setRouting(routing);
    Integration integration = new Integration();
    integration.setMetadata(new ObjectMetaBuilder().withName("pets").withNamespace("shop").build());
    integration.setStatus(status);
    return integration;
  }
}
