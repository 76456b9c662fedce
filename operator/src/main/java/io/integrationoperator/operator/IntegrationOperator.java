package io.integrationoperator.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenHolder;
import io.integrationoperator.operator.integration.IntegrationReconciler;
import io.integrationoperator.operator.model.IntegrationModelReconciler;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.util.function.Consumer;

/**
 * Builds the operator: a JOSDK {@link Operator} with the IntegrationModel and Integration
 * reconcilers registered. The cluster main class and local mode both start it through {@link
 * #create}.
 */
public final class IntegrationOperator {

  private IntegrationOperator() {}

  /**
   * Creates the operator without starting it; the caller calls {@link Operator#start()} and {@link
   * Operator#stop()}. The operator does not close the client when it stops, because the caller owns
   * it.
   */
  public static Operator create(KubernetesClient client, OperatorSettings settings) {
    return create(client, settings, leaderElection -> {});
  }

  /**
   * Creates the operator as {@link #create(KubernetesClient, OperatorSettings)} does, with extra
   * leader election settings; tests use it to run several replicas in one JVM.
   */
  static Operator create(
      KubernetesClient client,
      OperatorSettings settings,
      Consumer<LeaderElectionConfigurationBuilder> leaderElection) {
    Operator operator =
        new Operator(
            overrider -> {
              overrider.withKubernetesClient(client).withCloseClientOnStop(false);
              // A plain patch of the status subresource works on real API servers and on the
              // fabric8 mock server that local mode runs. The operator owns the whole status,
              // so server-side apply would add nothing.
              overrider.withUseSSAToPatchPrimaryResource(false);
              if (settings.leaderElection()) {
                LeaderElectionConfigurationBuilder builder =
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            settings.leaseName())
                        .withLeaseNamespace(settings.leaseNamespace());
                leaderElection.accept(builder);
                overrider.withLeaderElectionConfiguration(builder.build());
              }
            });
    operator.register(new IntegrationModelReconciler(), watching(settings));
    TokenCaches tokens =
        new TokenCaches(id -> new SecretTokenStore(client, id, TokenHolder.name()));
    operator.register(new IntegrationReconciler(settings, tokens), watching(settings));
    return operator;
  }

  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> watching(
      OperatorSettings settings) {
    return overrider -> {
      if (settings.namespaces().isEmpty()) {
        overrider.watchingAllNamespaces();
      } else {
        overrider.settingNamespaces(settings.namespaces());
      }
    };
  }
}
