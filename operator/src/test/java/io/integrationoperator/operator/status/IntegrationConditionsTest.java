package io.integrationoperator.operator.status;

import static io.integrationoperator.operator.status.IntegrationConditions.CONNECTED;
import static io.integrationoperator.operator.status.IntegrationConditions.CREDENTIALS_RESOLVED;
import static io.integrationoperator.operator.status.IntegrationConditions.MODEL_RESOLVED;
import static io.integrationoperator.operator.status.IntegrationConditions.READY;
import static io.integrationoperator.operator.status.IntegrationConditions.ROLES_READY;
import static io.integrationoperator.operator.status.IntegrationConditions.SPEC_VALID;
import static io.integrationoperator.operator.status.IntegrationConditions.TLS_VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationConditionsTest {

  @Test
  void allTrueMakesReadyTrueInFixedOrder() {
    Map<String, Outcome> checked = new HashMap<>();
    for (String type :
        List.of(CONNECTED, ROLES_READY, CREDENTIALS_RESOLVED, SPEC_VALID, MODEL_RESOLVED)) {
      checked.put(type, Outcome.passed(type, "ok"));
    }

    Map<String, Outcome> complete = IntegrationConditions.complete(checked);

    assertThat(complete.keySet()).containsExactlyElementsOf(IntegrationConditions.ORDER);
    assertThat(complete.get(READY))
        .isEqualTo(Outcome.passed("Ready", complete.get(READY).message()));
  }

  @Test
  void missingModelMakesLaterConditionsUnknown() {
    Map<String, Outcome> complete =
        IntegrationConditions.complete(
            Map.of(
                MODEL_RESOLVED, Outcome.failed("ModelNotFound", "IntegrationModel x not found.")));

    assertThat(complete.get(SPEC_VALID).status()).isEqualTo("Unknown");
    assertThat(complete.get(SPEC_VALID).reason()).isEqualTo("ModelNotResolved");
    assertThat(complete.get(ROLES_READY).reason()).isEqualTo("ModelNotResolved");
    assertThat(complete.get(CONNECTED).reason()).isEqualTo("ModelNotResolved");
    assertThat(complete.get(READY).status()).isEqualTo("False");
    assertThat(complete.get(READY).reason()).isEqualTo("ModelNotFound");
    assertThat(complete.get(READY).message()).isEqualTo("IntegrationModel x not found.");
  }

  @Test
  void missingSecretKeepsRolesButLeavesConnectedUnknown() {
    Map<String, Outcome> checked = new HashMap<>();
    checked.put(MODEL_RESOLVED, Outcome.passed("ModelResolved", "ok"));
    checked.put(SPEC_VALID, Outcome.passed("SpecValid", "ok"));
    checked.put(CREDENTIALS_RESOLVED, Outcome.failed("SecretNotFound", "Secret s not found."));
    checked.put(ROLES_READY, Outcome.passed("RolesReady", "ok"));

    Map<String, Outcome> complete = IntegrationConditions.complete(checked);

    assertThat(complete.get(ROLES_READY).status()).isEqualTo("True");
    assertThat(complete.get(CONNECTED).status()).isEqualTo("Unknown");
    assertThat(complete.get(CONNECTED).reason()).isEqualTo("CredentialsNotResolved");
    assertThat(complete.get(READY).reason()).isEqualTo("SecretNotFound");
  }

  @Test
  void readyUsesFirstFailingReason() {
    Map<String, Outcome> checked = new HashMap<>();
    checked.put(MODEL_RESOLVED, Outcome.passed("ModelResolved", "ok"));
    checked.put(SPEC_VALID, Outcome.passed("SpecValid", "ok"));
    checked.put(CREDENTIALS_RESOLVED, Outcome.passed("CredentialsResolved", "ok"));
    checked.put(ROLES_READY, Outcome.failed("RoleCreateFailed", "forbidden"));
    checked.put(CONNECTED, Outcome.failed("HttpError", "401"));

    assertThat(IntegrationConditions.complete(checked).get(READY).reason())
        .isEqualTo("RoleCreateFailed");
  }

  private static Map<String, Outcome> allPassed() {
    Map<String, Outcome> checked = new HashMap<>();
    for (String type :
        List.of(MODEL_RESOLVED, SPEC_VALID, CREDENTIALS_RESOLVED, ROLES_READY, CONNECTED)) {
      checked.put(type, Outcome.passed(type, "ok"));
    }
    return checked;
  }

  @Test
  void disabledTlsVerificationKeepsReady() {
    Map<String, Outcome> checked = allPassed();
    checked.put(TLS_VERIFIED, Outcome.failed("TlsVerificationDisabled", "verify is false"));

    Map<String, Outcome> complete = IntegrationConditions.complete(checked);

    assertThat(complete.get(READY).status()).isEqualTo("True");
    assertThat(complete.get(READY).reason()).isEqualTo("Ready");
    assertThat(complete.get(TLS_VERIFIED).status()).isEqualTo("False");
    assertThat(complete.get(TLS_VERIFIED).reason()).isEqualTo("TlsVerificationDisabled");
    assertThat(List.copyOf(complete.keySet()))
        .containsExactly(
            MODEL_RESOLVED,
            SPEC_VALID,
            CREDENTIALS_RESOLVED,
            ROLES_READY,
            CONNECTED,
            READY,
            TLS_VERIFIED);
  }

  @Test
  void tlsVerifiedIsLeftOutWithoutValidSpec() {
    Map<String, Outcome> checked = new HashMap<>();
    checked.put(MODEL_RESOLVED, Outcome.passed("ModelResolved", "ok"));
    checked.put(SPEC_VALID, Outcome.failed("InvalidServer", "no host"));
    checked.put(ROLES_READY, Outcome.passed("RolesReady", "ok"));
    checked.put(TLS_VERIFIED, Outcome.failed("TlsVerificationDisabled", "verify is false"));

    Map<String, Outcome> complete = IntegrationConditions.complete(checked);

    assertThat(complete).doesNotContainKey(TLS_VERIFIED);
    assertThat(List.copyOf(complete.keySet())).isEqualTo(IntegrationConditions.ORDER);
  }

  @Test
  void tlsVerifiedIsLeftOutForPlainHttp() {
    Map<String, Outcome> complete = IntegrationConditions.complete(allPassed());

    assertThat(complete).doesNotContainKey(TLS_VERIFIED);
  }

  @Test
  void prerequisitesOfRolesAreOnlyTheModel() {
    Map<String, Outcome> checked = new HashMap<>();
    checked.put(MODEL_RESOLVED, Outcome.passed("ModelResolved", "ok"));
    checked.put(SPEC_VALID, Outcome.failed("InvalidServer", "no host"));

    assertThat(IntegrationConditions.prerequisitesMet(ROLES_READY, checked)).isTrue();
    assertThat(IntegrationConditions.prerequisitesMet(CREDENTIALS_RESOLVED, checked)).isFalse();
    assertThat(IntegrationConditions.prerequisitesMet(CONNECTED, checked)).isFalse();
  }
}
