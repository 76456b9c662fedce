package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenStore;
import io.integrationoperator.operator.OperatorSettings;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IntegrationReconcilerSweepTest {
  private final Map<String, String> probed = new ConcurrentHashMap<>();
  private final IntegrationReconciler reconciler =
      new IntegrationReconciler(
          OperatorSettings.inProcess(), new TokenCaches(id -> TokenStore.inMemory()), probed);

  @Test
  void sweepDropsProbeStateOfDeletedIntegrations() {
    probed.put("uid-kept", "fingerprint-a");
    probed.put("uid-deleted", "fingerprint-b");

    reconciler.sweepDeletedState(
        () -> Stream.of(integration("uid-kept")),
        Instant.now().plus(IntegrationReconciler.STATE_SWEEP_INTERVAL).plusSeconds(1));

    assertThat(probed).containsOnlyKeys("uid-kept");
  }

  @Test
  void sweepWaitsForItsInterval() {
    probed.put("uid-deleted", "fingerprint-b");

    reconciler.sweepDeletedState(Stream::empty, Instant.now());

    assertThat(probed).containsOnlyKeys("uid-deleted");
  }

  private static Integration integration(String uid) {
    Integration integration = new Integration();
    integration.setMetadata(new ObjectMetaBuilder().withName("pets").withUid(uid).build());
    return integration;
  }
}
