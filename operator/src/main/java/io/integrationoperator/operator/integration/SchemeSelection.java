package io.integrationoperator.operator.integration;

import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.client.connection.AuthenticationBlock;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the model security scheme an Integration's authentication applies, or explains why none
 * fits.
 *
 * @param scheme the chosen scheme; empty without authentication, or when the model declares no
 *     schemes at all, because then the block alone determines how to authenticate
 * @param failure the failed SpecValid outcome, when the authentication does not fit the model
 */
public record SchemeSelection(Optional<SecuritySchemeStatus> scheme, Optional<Outcome> failure) {

  /**
   * Selects the scheme the spec names, or else the first model scheme that fits the block.
   *
   * @param schemes the model's schemes in document order
   */
  public static SchemeSelection select(Authentication auth, List<SecuritySchemeStatus> schemes) {
    if (auth == null) {
      return none();
    }
    List<AuthenticationBlock> blocks = AuthenticationBlock.present(auth);
    if (blocks.size() != 1) {
      return failed(
          IntegrationConditions.INVALID_AUTHENTICATION,
          "spec.authentication must set exactly one of apiKey, basic, bearer, awsSigV4, oauth2,"
              + " openIdConnect and mutualTls; it sets "
              + (blocks.isEmpty() ? "none" : describe(blocks))
              + ".");
    }
    AuthenticationBlock block = blocks.get(0);
    List<SecuritySchemeStatus> declared = schemes == null ? List.of() : schemes;
    if (auth.getScheme() != null) {
      return named(auth.getScheme(), block, declared);
    }
    if (declared.isEmpty()) {
      return none();
    }
    return declared.stream()
        .filter(block::fits)
        .findFirst()
        .map(SchemeSelection::of)
        .orElseGet(
            () ->
                failed(
                    IntegrationConditions.SCHEME_NOT_IN_MODEL,
                    "The model declares no security scheme of type "
                        + block.fittingSchemeDescription()
                        + " for spec.authentication."
                        + block.field()
                        + "; its schemes are "
                        + list(declared)
                        + "."));
  }

  private static SchemeSelection named(
      String name, AuthenticationBlock block, List<SecuritySchemeStatus> declared) {
    Optional<SecuritySchemeStatus> scheme =
        declared.stream().filter(s -> name.equals(s.getName())).findFirst();
    if (scheme.isEmpty()) {
      return failed(
          IntegrationConditions.SCHEME_NOT_IN_MODEL,
          "Security scheme "
              + name
              + " is not in the model; its schemes are "
              + list(declared)
              + ".");
    }
    if (!block.fits(scheme.get())) {
      return failed(
          IntegrationConditions.SCHEME_MISMATCH,
          "spec.authentication."
              + block.field()
              + " needs a scheme of type "
              + block.fittingSchemeDescription()
              + ", but scheme "
              + name
              + " has type "
              + describe(scheme.get())
              + ".");
    }
    return of(scheme.get());
  }

  private static String list(List<SecuritySchemeStatus> schemes) {
    if (schemes.isEmpty()) {
      return "none";
    }
    return schemes.stream()
        .map(s -> s.getName() + " (" + describe(s) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String describe(SecuritySchemeStatus scheme) {
    String httpScheme = scheme.getDetails() == null ? null : scheme.getDetails().get("scheme");
    return "http".equals(scheme.getType()) && httpScheme != null
        ? "http " + httpScheme
        : scheme.getType();
  }

  private static String describe(List<AuthenticationBlock> blocks) {
    return blocks.stream().map(AuthenticationBlock::field).collect(Collectors.joining(", "));
  }

  private static SchemeSelection of(SecuritySchemeStatus scheme) {
    return new SchemeSelection(Optional.of(scheme), Optional.empty());
  }

  private static SchemeSelection none() {
    return new SchemeSelection(Optional.empty(), Optional.empty());
  }

  private static SchemeSelection failed(String reason, String message) {
    return new SchemeSelection(Optional.empty(), Optional.of(Outcome.failed(reason, message)));
  }
}
