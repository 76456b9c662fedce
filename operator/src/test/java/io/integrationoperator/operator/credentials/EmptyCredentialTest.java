package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.integrationoperator.operator.status.IntegrationConditions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class EmptyCredentialTest {
  private static final String NAMESPACE = "empty-credential";

  KubernetesClient client;

  @BeforeEach
  void createSecret() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName("login")
                .endMetadata()
                .withData(Map.of("username", "YWxpY2U=", "password", ""))
                .build())
        .createOr(existing -> existing.update());
  }

  @Test
  void emptyRequiredKeyIsReported() {
    CredentialResolver.Resolution resolution =
        new CredentialResolver(client)
            .resolve(
                NAMESPACE,
                List.of(
                    CredentialRequirement.secretKey("login", "username", "username"),
                    CredentialRequirement.secretKey("login", "password", "password")));

    assertThat(resolution.credentials()).isEmpty();
    assertThat(resolution.outcome().status()).isEqualTo("False");
    assertThat(resolution.outcome().reason()).isEqualTo(IntegrationConditions.CREDENTIAL_EMPTY);
    assertThat(resolution.outcome().message())
        .isEqualTo(
            "Secret login has an empty value under key password; put the value into the key or"
                + " correct the reference.");
  }

  @Test
  void emptyOptionalKeyIsSkipped() {
    CredentialResolver.Resolution resolution =
        new CredentialResolver(client)
            .resolve(
                NAMESPACE,
                List.of(
                    CredentialRequirement.secretKey("login", "username", "username"),
                    CredentialRequirement.optionalSecretKey("login", "password", "password")));

    assertThat(resolution.outcome().isTrue()).isTrue();
    assertThat(resolution.credentials().orElseThrow().base64Data()).containsOnlyKeys("username");
  }
}
