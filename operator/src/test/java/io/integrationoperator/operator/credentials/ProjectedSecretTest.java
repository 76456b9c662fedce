package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.operator.TestIntegrations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectedSecretTest {
  private final Integration integration =
      TestIntegrations.stored("team-a", "inventory", new IntegrationSpec());
  private final ResolvedCredentials credentials =
      new ResolvedCredentials(Map.of("username", "dXNlcg==", "password", "cGFzcw=="));

  @Test
  void storedCopyMatchesDesired() {
    Secret desired = ProjectedSecret.desired(integration, credentials);
    Secret stored = Serialization.unmarshal(Serialization.asJson(desired), Secret.class);

    assertThat(ProjectedSecret.matches(stored, desired, integration)).isTrue();
  }

  @Test
  void stringDataPreventsMatch() {
    Secret desired = ProjectedSecret.desired(integration, credentials);
    Secret stored = Serialization.unmarshal(Serialization.asJson(desired), Secret.class);
    stored.setStringData(Map.of("username", "other"));

    assertThat(ProjectedSecret.matches(stored, desired, integration)).isFalse();
  }

  @Test
  void changedValuePreventsMatch() {
    Secret desired = ProjectedSecret.desired(integration, credentials);
    Secret stored = Serialization.unmarshal(Serialization.asJson(desired), Secret.class);
    stored.setData(Map.of("username", "dXNlcg==", "password", "b2xk"));

    assertThat(ProjectedSecret.matches(stored, desired, integration)).isFalse();
  }
}
