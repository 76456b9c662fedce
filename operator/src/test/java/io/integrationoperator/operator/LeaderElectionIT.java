package io.integrationoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.integrationoperator.api.model.IntegrationModel;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs two operator replicas against one API server; only the Lease holder reconciles. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String LEASE = "integration-operator-test";
  private static final String NAMESPACE = "operators";
  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: Leader, version: "1"}
      paths:
        /ping:
          get: {operationId: ping, responses: {'200': {description: ok}}}
      """;

  private final Map<String, Operator> replicas = new LinkedHashMap<>();

  @AfterEach
  void stopReplicas() {
    replicas.values().forEach(Operator::stop);
  }

  @Test
  void followerTakesOverWhenLeaderStops() throws Exception {
    OperatorFixture.installCrds(client);
    allowLeaseAccess();
    startReplica("replica-a");
    startReplica("replica-b");

    String leader = await().atMost(Duration.ofSeconds(30)).until(this::holder, h -> h != null);
    assertThat(replicas).containsKey(leader);
    // A standby replica must report ready, or a rolling update of two replicas would stall.
    String standby = replicas.keySet().stream().filter(r -> !r.equals(leader)).findFirst().get();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> replicas.get(standby).getRuntimeInfo().isStarted());
    assertThat(replicas.get(standby).getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
    client.resource(OperatorFixture.inlineModel("apps", "first", DOCUMENT)).create();
    awaitModelReady("first");

    replicas.remove(leader).stop();
    String follower = replicas.keySet().iterator().next();

    await().atMost(Duration.ofSeconds(30)).until(this::holder, follower::equals);
    client.resource(OperatorFixture.inlineModel("apps", "second", DOCUMENT)).create();
    awaitModelReady("second");
  }

  private void startReplica(String identity) {
    Operator operator =
        IntegrationOperator.create(
            client,
            OperatorSettings.inProcess().withLeaderElection(LEASE, NAMESPACE),
            leaderElection ->
                leaderElection
                    .withIdentity(identity)
                    .withLeaseDuration(Duration.ofSeconds(4))
                    .withRenewDeadline(Duration.ofSeconds(3))
                    .withRetryPeriod(Duration.ofMillis(500))
                    // Losing the lease ends the process in a cluster; here it would end the JVM.
                    .withExitOnStopLeading(false));
    operator.start();
    replicas.put(identity, operator);
  }

  /**
   * Answers the permission check that JOSDK makes before it elects a leader. The CRUD mock server
   * rejects that review, which a real API server evaluates against the operator's ClusterRole.
   */
  private static void allowLeaseAccess() {
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewMetadata()
            .endMetadata()
            .withNewStatus()
            .withIncomplete(false)
            .addNewResourceRule()
            .withApiGroups("coordination.k8s.io")
            .withResources("leases")
            .withVerbs("get", "create", "update")
            .endResourceRule()
            .endStatus()
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private void awaitModelReady(String name) {
    await()
        .atMost(OperatorFixture.REACTION_TIMEOUT)
        .until(
            () -> client.resources(IntegrationModel.class).inNamespace("apps").withName(name).get(),
            model ->
                model.getStatus() != null
                    && model.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
  }
}
