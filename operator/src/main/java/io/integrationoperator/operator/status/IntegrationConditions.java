package io.integrationoperator.operator.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Condition types and reasons of an Integration, and the rules that turn check outcomes into the
 * written conditions.
 *
 * <p>Conditions are written in the fixed order {@link #ORDER}. Each condition has prerequisites:
 * SpecValid needs ModelResolved; CredentialsResolved needs SpecValid; RolesReady needs
 * ModelResolved, because the Roles depend only on the model's HTTP methods; Connected needs
 * ModelResolved, SpecValid and CredentialsResolved. When a prerequisite is not True, the condition
 * is Unknown with a reason naming the first such prerequisite: {@link #MODEL_NOT_RESOLVED}, {@link
 * #SPEC_NOT_VALID} or {@link #CREDENTIALS_NOT_RESOLVED}. Ready is True when all others are True,
 * otherwise False with the reason and message of the first condition that is not True.
 *
 * <p>TlsVerified is informational and does not count for Ready, so an Integration that skips
 * certificate checks still works and is Ready. It follows Ready. For https endpoints it is True
 * with reason {@code TlsVerified}, or False with reason {@code TlsVerificationDisabled} when
 * spec.tls.verify is false, which gives one Warning Event per transition like every other False
 * condition. It is left out while SpecValid is not True, because the endpoint decides whether TLS
 * is used, and for plain http endpoints.
 *
 * <p>Reasons, a closed set per condition:
 *
 * <ul>
 *   <li>ModelResolved: True {@code ModelResolved}; False {@code ModelNotFound}, {@code
 *       ModelInvalid}; Unknown {@code ModelPending} while the model's status does not describe its
 *       current generation yet
 *   <li>SpecValid: True {@code SpecValid}; False {@code InvalidName}, {@code InvalidProbe}, {@code
 *       InvalidGateway}, {@code InvalidTls}, {@code InvalidAuthentication}, {@code
 *       SchemeNotInModel}, {@code SchemeMismatch}, {@code InvalidServer}, {@code InvalidDuration}
 *       (also for a value outside the allowed range), {@code ProbeTaskNotFound}
 *   <li>CredentialsResolved: True {@code CredentialsResolved}; False {@code SecretNotFound}, {@code
 *       SecretKeyNotFound}, {@code ConfigMapNotFound}, {@code ConfigMapKeyNotFound}, {@code
 *       CredentialEmpty} when a referenced key exists but its value is empty
 *   <li>RolesReady: True {@code RolesReady}; False {@code RoleCreateFailed}
 *   <li>Connected: True {@code ProbeSucceeded}; False {@code ConnectionFailed}, {@code
 *       TlsHandshakeFailed}, {@code Timeout}, {@code TokenRequestFailed}, {@code InvalidRequest},
 *       {@code HttpError}, {@code ProxyAuthenticationFailed}, {@code ProxyUnreachable}, and {@code
 *       GatewayUnavailable} when the gateway cluster of a routed Integration has no ready executor
 *       or does not respond to the probe request; Unknown {@code ProbePending} while the first
 *       probe through a gateway cluster waits for the gateway to see the current Integration
 *   <li>Ready: True {@code Ready}; False the first failing condition's reason
 * </ul>
 */
public final class IntegrationConditions {
  public static final String MODEL_RESOLVED = "ModelResolved";
  public static final String SPEC_VALID = "SpecValid";
  public static final String CREDENTIALS_RESOLVED = "CredentialsResolved";
  public static final String ROLES_READY = "RolesReady";
  public static final String CONNECTED = "Connected";
  public static final String READY = "Ready";

  /** Informational condition about server certificate checks, outside {@link #ORDER}. */
  public static final String TLS_VERIFIED = "TlsVerified";

  /** Condition types in the order they are written. */
  public static final List<String> ORDER =
      List.of(MODEL_RESOLVED, SPEC_VALID, CREDENTIALS_RESOLVED, ROLES_READY, CONNECTED, READY);

  public static final String MODEL_NOT_FOUND = "ModelNotFound";
  public static final String MODEL_INVALID = "ModelInvalid";
  public static final String MODEL_PENDING = "ModelPending";
  public static final String SCHEME_NOT_IN_MODEL = "SchemeNotInModel";
  public static final String SCHEME_MISMATCH = "SchemeMismatch";
  public static final String INVALID_AUTHENTICATION = "InvalidAuthentication";
  public static final String INVALID_SERVER = "InvalidServer";
  public static final String INVALID_DURATION = "InvalidDuration";
  public static final String PROBE_TASK_NOT_FOUND = "ProbeTaskNotFound";
  public static final String INVALID_NAME = "InvalidName";
  public static final String INVALID_PROBE = "InvalidProbe";
  public static final String INVALID_GATEWAY = "InvalidGateway";
  public static final String INVALID_TLS = "InvalidTls";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";
  public static final String CONFIG_MAP_NOT_FOUND = "ConfigMapNotFound";
  public static final String CONFIG_MAP_KEY_NOT_FOUND = "ConfigMapKeyNotFound";
  public static final String CREDENTIAL_EMPTY = "CredentialEmpty";
  public static final String ROLE_CREATE_FAILED = "RoleCreateFailed";
  public static final String PROBE_SUCCEEDED = "ProbeSucceeded";
  public static final String HTTP_ERROR = "HttpError";
  public static final String TLS_VERIFICATION_DISABLED = "TlsVerificationDisabled";
  public static final String GATEWAY_UNAVAILABLE = "GatewayUnavailable";
  public static final String PROBE_PENDING = "ProbePending";

  /** Reason of a condition whose prerequisite ModelResolved is not True. */
  public static final String MODEL_NOT_RESOLVED = "ModelNotResolved";

  /** Reason of a condition whose prerequisite SpecValid is not True. */
  public static final String SPEC_NOT_VALID = "SpecNotValid";

  /** Reason of a condition whose prerequisite CredentialsResolved is not True. */
  public static final String CREDENTIALS_NOT_RESOLVED = "CredentialsNotResolved";

  private static final Map<String, List<String>> PREREQUISITES =
      Map.of(
          MODEL_RESOLVED, List.of(),
          SPEC_VALID, List.of(MODEL_RESOLVED),
          CREDENTIALS_RESOLVED, List.of(MODEL_RESOLVED, SPEC_VALID),
          ROLES_READY, List.of(MODEL_RESOLVED),
          CONNECTED, List.of(MODEL_RESOLVED, SPEC_VALID, CREDENTIALS_RESOLVED),
          TLS_VERIFIED, List.of(MODEL_RESOLVED, SPEC_VALID));

  private static final Map<String, String> NOT_TRUE_REASONS =
      Map.of(
          MODEL_RESOLVED, MODEL_NOT_RESOLVED,
          SPEC_VALID, SPEC_NOT_VALID,
          CREDENTIALS_RESOLVED, CREDENTIALS_NOT_RESOLVED);

  private IntegrationConditions() {}

  /**
   * Returns true when every prerequisite of the condition type has a True outcome, so its own check
   * should run.
   */
  public static boolean prerequisitesMet(String type, Map<String, Outcome> outcomes) {
    return PREREQUISITES.get(type).stream()
        .allMatch(p -> outcomes.containsKey(p) && outcomes.get(p).isTrue());
  }

  /**
   * Completes the outcomes into one per condition type in {@link #ORDER}: conditions whose
   * prerequisites are not met become Unknown, whatever outcome was given for them, and Ready is
   * derived from the others. TlsVerified follows Ready with the given outcome when its
   * prerequisites are met, and is left out otherwise or when none was given (plain http).
   *
   * @param checked outcomes of the checks that ran; a type of {@link #ORDER} without a prerequisite
   *     failure must be present
   */
  public static Map<String, Outcome> complete(Map<String, Outcome> checked) {
    Map<String, Outcome> result = new LinkedHashMap<>();
    for (String type : ORDER.subList(0, ORDER.size() - 1)) {
      result.put(type, outcomeOf(type, checked, result));
    }
    result.put(READY, ready(result));
    if (prerequisitesMet(TLS_VERIFIED, result) && checked.containsKey(TLS_VERIFIED)) {
      result.put(TLS_VERIFIED, checked.get(TLS_VERIFIED));
    }
    return result;
  }

  private static Outcome outcomeOf(
      String type, Map<String, Outcome> checked, Map<String, Outcome> earlier) {
    for (String prerequisite : PREREQUISITES.get(type)) {
      Outcome outcome = earlier.get(prerequisite);
      if (!outcome.isTrue()) {
        return Outcome.unknown(
            NOT_TRUE_REASONS.get(prerequisite),
            "Waiting for " + prerequisite + ", which is " + outcome.status() + ".");
      }
    }
    Outcome outcome = checked.get(type);
    if (outcome == null) {
      throw new IllegalArgumentException("no outcome for " + type + " although it could run");
    }
    return outcome;
  }

  private static Outcome ready(Map<String, Outcome> conditions) {
    for (Outcome outcome : conditions.values()) {
      if (!outcome.isTrue()) {
        return Outcome.failed(outcome.reason(), outcome.message());
      }
    }
    return Outcome.passed(READY, "The Integration is ready for task calls.");
  }
}
