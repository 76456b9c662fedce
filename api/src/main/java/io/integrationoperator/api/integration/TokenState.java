package io.integrationoperator.api.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** State of the cached token, without the token itself. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TokenState {

  @JsonPropertyDescription("Time the current token was obtained, RFC 3339.")
  private String obtainedAt;

  @JsonPropertyDescription(
      "Time the current token expires, RFC 3339; empty when the server gave " + "no lifetime.")
  private String expiresAt;

  @JsonPropertyDescription("Error of the last failed token request, if the latest one failed.")
  private String lastRefreshError;

  @JsonPropertyDescription(
      "Authorization URL an administrator opens to grant access when the authorization code "
          + "grant needs a new code; the code from the redirect goes into the Secret key "
          + "authorizationCode. Empty when no code is needed.")
  private String authorizationUrl;

  public String getObtainedAt() {
    return obtainedAt;
  }

  public void setObtainedAt(String obtainedAt) {
    this.obtainedAt = obtainedAt;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getLastRefreshError() {
    return lastRefreshError;
  }

  public void setLastRefreshError(String lastRefreshError) {
    this.lastRefreshError = lastRefreshError;
  }

  public String getAuthorizationUrl() {
    return authorizationUrl;
  }

  public void setAuthorizationUrl(String authorizationUrl) {
    this.authorizationUrl = authorizationUrl;
  }
}
