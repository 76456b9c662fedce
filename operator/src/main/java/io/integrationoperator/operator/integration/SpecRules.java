package io.integrationoperator.operator.integration;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.operator.gateway.Routing;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * Checks the rules that the CRD also states as CEL validations, because an API server without CEL
 * support, or local mode, stores specs that break them. The exactly-one rule of the authentication
 * blocks is checked by {@link SchemeSelection}. The gateway rule, which the CRD cannot state
 * because the operator's defaults may supply the cluster and proxy, is checked by {@link
 * io.integrationoperator.operator.gateway.EffectiveRoutings}.
 */
final class SpecRules {
  private SpecRules() {}

  /**
   * Returns the SpecValid failure of the first rule the spec breaks, or empty.
   *
   * @param routing the effective routing, whose failure is the gateway rule's outcome
   */
  static Optional<Outcome> check(IntegrationSpec spec, Routing routing) {
    return checkProbe(spec.getProbe())
        .or(routing::failure)
        .or(() -> checkCaBundle(spec.getTls() == null ? null : spec.getTls().getCaBundle()))
        .or(() -> checkAuthentication(spec.getAuthentication()));
  }

  private static Optional<Outcome> checkProbe(Probe probe) {
    if (probe != null && probe.getTask() != null && probe.getPath() != null) {
      return failed(
          IntegrationConditions.INVALID_PROBE,
          "spec.probe sets both task "
              + probe.getTask()
              + " and path "
              + probe.getPath()
              + "; remove one of them.");
    }
    if (probe != null && probe.getPath() != null && hasDotSegment(probe.getPath())) {
      return failed(
          IntegrationConditions.INVALID_PROBE,
          "spec.probe.path "
              + probe.getPath()
              + " has a '.' or '..' segment, which would leave the base path; give a path below"
              + " the base path.");
    }
    return Optional.empty();
  }

  /** Returns true when a segment of {@code path} is . or .., also when written %2e. */
  private static boolean hasDotSegment(String path) {
    String decoded = path.replace("%2e", ".").replace("%2E", ".");
    for (String segment : decoded.split("[/\\\\?#]", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Outcome> checkCaBundle(CaBundleSource caBundle) {
    if (caBundle == null) {
      return Optional.empty();
    }
    boolean configMap = caBundle.getConfigMapKeyRef() != null;
    boolean secret = caBundle.getSecretKeyRef() != null;
    if (configMap == secret) {
      return failed(
          IntegrationConditions.INVALID_TLS,
          "spec.tls.caBundle sets "
              + (configMap
                  ? "both configMapKeyRef and secretKeyRef"
                  : "neither configMapKeyRef" + " nor secretKeyRef")
              + "; set exactly one of them.");
    }
    return Optional.empty();
  }

  private static Optional<Outcome> checkAuthentication(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    ApiKeyAuthentication apiKey = authentication.getApiKey();
    if (apiKey != null && apiKey.getValue() != null && apiKey.getDynamicRetrieval() != null) {
      return failed(
          IntegrationConditions.INVALID_AUTHENTICATION,
          "spec.authentication.apiKey sets both value and dynamicRetrieval; keep value for a"
              + " static key or dynamicRetrieval for a key obtained at run time.");
    }
    List<AuthenticationParameter> parameters =
        authentication.getParameters() == null ? List.of() : authentication.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      AuthenticationParameter parameter = parameters.get(i);
      boolean value = parameter.getValue() != null;
      boolean valueFrom = parameter.getValueFrom() != null;
      if (value == valueFrom) {
        return failed(
            IntegrationConditions.INVALID_AUTHENTICATION,
            "spec.authentication.parameters["
                + i
                + "] ("
                + parameter.getName()
                + ") sets "
                + (value ? "both value and valueFrom" : "neither value nor valueFrom")
                + "; set exactly one of them.");
      }
    }
    return Optional.empty();
  }

  private static Optional<Outcome> failed(String reason, String message) {
    return Optional.of(Outcome.failed(reason, message));
  }
}
