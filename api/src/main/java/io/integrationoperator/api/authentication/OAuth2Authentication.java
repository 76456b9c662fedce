package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import java.util.List;

/** OAuth 2.0 access tokens obtained from a token endpoint. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class OAuth2Authentication {

  @JsonPropertyDescription(
      "Grant used to obtain tokens; defaults to the first flow of the model's "
          + "oauth2 scheme that the product supports.")
  private OAuth2GrantType grantType;

  @JsonPropertyDescription(
      "Token endpoint URL; defaults to the model's tokenUrl, resolved against "
          + "the server when relative.")
  private String tokenUrl;

  @JsonPropertyDescription(
      "Authorization endpoint URL for the authorization code grant; defaults "
          + "to the model's authorizationUrl.")
  private String authorizationUrl;

  @JsonPropertyDescription(
      "Redirect URI registered for the authorization code grant; required with that grant.")
  private String redirectUri;

  @JsonPropertyDescription("Scopes requested with each token request.")
  private List<String> scopes;

  @JsonPropertyDescription(
      "How the client authenticates at the token endpoint; defaults to " + "ClientSecretBasic.")
  private ClientAuthenticationMethod clientAuthentication;

  @JsonPropertyDescription(
      "Secret with the keys clientId and clientSecret, and as the grant needs "
          + "username, password, authorizationCode, refreshToken or accessToken.")
  @Required
  private LocalObjectReference secretRef;

  public OAuth2GrantType getGrantType() {
    return grantType;
  }

  public void setGrantType(OAuth2GrantType grantType) {
    this.grantType = grantType;
  }

  public String getTokenUrl() {
    return tokenUrl;
  }

  public void setTokenUrl(String tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  public String getAuthorizationUrl() {
    return authorizationUrl;
  }

  public void setAuthorizationUrl(String authorizationUrl) {
    this.authorizationUrl = authorizationUrl;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public ClientAuthenticationMethod getClientAuthentication() {
    return clientAuthentication;
  }

  public void setClientAuthentication(ClientAuthenticationMethod clientAuthentication) {
    this.clientAuthentication = clientAuthentication;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
