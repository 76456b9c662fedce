package io.integrationoperator.operator.integration;

import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.util.Locale;
import java.util.Optional;

/** Decides the informational TlsVerified condition from spec.tls.verify and the endpoint. */
final class TlsCheck {
  private TlsCheck() {}

  /**
   * Returns the TlsVerified outcome for an https endpoint, or empty for a plain http one, where no
   * certificate is involved.
   */
  static Optional<Outcome> check(IntegrationSpec spec, String endpoint) {
    if (!endpoint.toLowerCase(Locale.ROOT).startsWith("https:")) {
      return Optional.empty();
    }
    Tls tls = spec.getTls();
    if (tls != null && Boolean.FALSE.equals(tls.getVerify())) {
      return Optional.of(
          Outcome.failed(
              IntegrationConditions.TLS_VERIFICATION_DISABLED,
              "spec.tls.verify is false, so calls accept any server certificate for any host name"
                  + " and cannot detect an impersonated server. Set spec.tls.verify to true, and"
                  + " add a private CA with spec.tls.caBundle."));
    }
    return Optional.of(
        Outcome.passed(
            IntegrationConditions.TLS_VERIFIED, "Server certificate and host name checks are on."));
  }
}
