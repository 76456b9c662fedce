package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Server;
import io.integrationoperator.api.integration.ServerProtocol;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The TlsVerified condition and the https rule of mutual TLS. */
class TlsCheckTest {
  private static final String HTTPS_ENDPOINT = "https://api.example.test/v1";

  private static IntegrationSpec specWithVerify(Boolean verify) {
    IntegrationSpec spec = SpecCheckDurationTest.spec();
    Tls tls = new Tls();
    tls.setVerify(verify);
    spec.setTls(tls);
    return spec;
  }

  @Test
  void verifyFalseIsTlsVerificationDisabled() {
    Outcome outcome = TlsCheck.check(specWithVerify(false), HTTPS_ENDPOINT).orElseThrow();

    assertThat(outcome.status()).isEqualTo("False");
    assertThat(outcome.reason()).isEqualTo("TlsVerificationDisabled");
    assertThat(outcome.message()).startsWith("spec.tls.verify is false");
  }

  @Test
  void unsetVerifyIsTlsVerified() {
    Outcome unsetTls = TlsCheck.check(SpecCheckDurationTest.spec(), HTTPS_ENDPOINT).orElseThrow();
    Outcome unsetVerify = TlsCheck.check(specWithVerify(null), HTTPS_ENDPOINT).orElseThrow();
    Outcome verifyTrue = TlsCheck.check(specWithVerify(true), "HTTPS://h:8443").orElseThrow();

    assertThat(unsetTls).isEqualTo(Outcome.passed("TlsVerified", unsetTls.message()));
    assertThat(unsetVerify.reason()).isEqualTo("TlsVerified");
    assertThat(verifyTrue.reason()).isEqualTo("TlsVerified");
  }

  @Test
  void plainHttpHasNoTlsCondition() {
    assertThat(TlsCheck.check(specWithVerify(false), "http://api.example.test/v1")).isEmpty();
  }

  @Test
  void mutualTlsOverHttpIsInvalid() {
    IntegrationSpec spec = SpecCheckDurationTest.spec();
    Authentication authentication = new Authentication();
    MutualTlsAuthentication mutualTls = new MutualTlsAuthentication();
    mutualTls.setSecretRef(new LocalObjectReference("client-tls"));
    authentication.setMutualTls(mutualTls);
    spec.setAuthentication(authentication);
    Server server = new Server();
    server.setProtocol(ServerProtocol.http);
    spec.setServer(server);

    SpecCheck check =
        SpecCheckDurationTest.check(spec, SpecCheckDurationTest.model(), Duration.ofMinutes(5));

    assertThat(check.outcome().status()).isEqualTo("False");
    assertThat(check.outcome().reason()).isEqualTo(IntegrationConditions.INVALID_AUTHENTICATION);
    assertThat(check.outcome().message())
        .isEqualTo(
            "spec.authentication.mutualTls sends a client certificate in the TLS handshake, but"
                + " the endpoint http://api.example.test/v1 uses plain http; set"
                + " spec.server.protocol to https.");
    assertThat(check.endpoint()).isEqualTo(Optional.empty());
  }
}
