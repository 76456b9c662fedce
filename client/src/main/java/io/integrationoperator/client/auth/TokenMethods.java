package io.integrationoperator.client.auth;

import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import java.util.Optional;

/**
 * Tells which authentication methods request tokens or keys from an endpoint, and so need the
 * {@code <name>-token} Secret: OAuth 2.0, OpenID Connect, and API keys fetched by dynamic
 * retrieval.
 */
public final class TokenMethods {

  private TokenMethods() {}

  /** Returns true when the spec's authentication requests tokens or keys. */
  public static boolean requestsTokens(IntegrationSpec spec, Optional<SecuritySchemeInfo> scheme) {
    Authentication authentication = spec == null ? null : spec.getAuthentication();
    if (authentication == null) {
      return false;
    }
    if (authentication.getOauth2() != null || authentication.getOpenIdConnect() != null) {
      return true;
    }
    return authentication.getApiKey() != null
        && isDynamicApiKey(authentication.getApiKey(), scheme);
  }

  /**
   * Returns true when the API key is fetched rather than read from a Secret: the spec configures
   * dynamic retrieval, or it sets no value and the model's scheme carries the extension.
   */
  static boolean isDynamicApiKey(ApiKeyAuthentication apiKey, Optional<SecuritySchemeInfo> scheme) {
    if (apiKey.getDynamicRetrieval() != null) {
      return true;
    }
    return apiKey.getValue() == null && scheme.map(TokenMethods::hasDynamicRetrieval).orElse(false);
  }

  private static boolean hasDynamicRetrieval(SecuritySchemeInfo info) {
    return info.details() != null
        && info.details().keySet().stream()
            .anyMatch(k -> k.startsWith(SecuritySchemeInfo.DYNAMIC_RETRIEVAL_PREFIX));
  }
}
