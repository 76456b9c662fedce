package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.authentication.OAuth2GrantType;
import java.util.Map;
import java.util.Optional;

/** Maps OAuth 2.0 grants to the flow names of an OpenAPI oauth2 security scheme. */
public final class OAuth2Grants {

  private OAuth2Grants() {}

  /**
   * Returns the grant in effect: the one the spec names, otherwise the first flow of the model's
   * scheme that the product supports, otherwise the client credentials grant.
   *
   * @param schemeDetails the model scheme's details, whose "flows" entry lists its flows
   */
  public static OAuth2GrantType effective(
      OAuth2GrantType configured, Map<String, String> schemeDetails) {
    if (configured != null) {
      return configured;
    }
    String flows = schemeDetails == null ? "" : schemeDetails.getOrDefault("flows", "");
    for (String flow : flows.split(",")) {
      Optional<OAuth2GrantType> grant = ofFlow(flow.trim());
      if (grant.isPresent()) {
        return grant.get();
      }
    }
    return OAuth2GrantType.ClientCredentials;
  }

  /** Returns the OpenAPI flow name of {@code grant}, for example clientCredentials. */
  public static String flowName(OAuth2GrantType grant) {
    return switch (grant) {
      case ClientCredentials -> "clientCredentials";
      case Password -> "password";
      case AuthorizationCode -> "authorizationCode";
    };
  }

  private static Optional<OAuth2GrantType> ofFlow(String flow) {
    for (OAuth2GrantType grant : OAuth2GrantType.values()) {
      if (flowName(grant).equals(flow)) {
        return Optional.of(grant);
      }
    }
    return Optional.empty();
  }
}
