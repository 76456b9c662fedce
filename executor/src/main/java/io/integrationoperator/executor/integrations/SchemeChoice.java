package io.integrationoperator.executor.integrations;

import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.AuthenticationBlock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the model security scheme an Integration authenticates with, as the operator's
 * SchemeSelection does: the scheme spec.authentication.scheme names, or else the first scheme of
 * the model that fits the authentication block. The operator has already validated the choice when
 * the Integration is Ready, so this returns empty instead of explaining a mismatch.
 */
final class SchemeChoice {
  private SchemeChoice() {}

  static Optional<SecuritySchemeInfo> choose(
      Authentication auth, List<SecuritySchemeStatus> schemes) {
    if (auth == null || schemes == null) {
      return Optional.empty();
    }
    List<AuthenticationBlock> blocks = AuthenticationBlock.present(auth);
    if (blocks.size() != 1) {
      return Optional.empty();
    }
    AuthenticationBlock block = blocks.get(0);
    return schemes.stream()
        .filter(
            s -> auth.getScheme() == null ? block.fits(s) : auth.getScheme().equals(s.getName()))
        .findFirst()
        .map(SchemeChoice::info);
  }

  private static SecuritySchemeInfo info(SecuritySchemeStatus scheme) {
    Map<String, String> details = scheme.getDetails() == null ? Map.of() : scheme.getDetails();
    return new SecuritySchemeInfo(scheme.getName(), scheme.getType(), details);
  }
}
