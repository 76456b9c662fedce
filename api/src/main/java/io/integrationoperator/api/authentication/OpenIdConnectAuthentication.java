package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import java.util.List;

/** OpenID Connect: OAuth 2.0 tokens from an issuer found through its discovery document. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class OpenIdConnectAuthentication {

  @JsonPropertyDescription(
      "Issuer URL; the discovery document is read from "
          + "/.well-known/openid-configuration below it. Defaults to the model's "
          + "openIdConnectUrl.")
  private String issuerUrl;

  @JsonPropertyDescription("Grant used to obtain tokens; defaults to ClientCredentials.")
  private OAuth2GrantType grantType;

  @JsonPropertyDescription(
      "Token endpoint URL; overrides the token_endpoint of the discovery document.")
  private String tokenUrl;

  @JsonPropertyDescription(
      "Authorization endpoint URL for the authorization code grant; overrides the "
          + "authorization_endpoint of the discovery document.")
  private String authorizationUrl;

  @JsonPropertyDescription(
      "Redirect URI registered for the authorization code grant; required with that grant.")
  private String redirectUri;

  @JsonPropertyDescription(
      "Scopes requested with each token request; openid is added when " + "missing.")
  private List<String> scopes;

  @JsonPropertyDescription(
      "How the client authenticates at the token endpoint; defaults to " + "ClientSecretBasic.")
  private ClientAuthenticationMethod clientAuthentication;

  @JsonPropertyDescription(
      "Secret with the keys clientId and clientSecret, and as the grant needs "
          + "username, password, authorizationCode, refreshToken or accessToken.")
  @Required
  private LocalObjectReference secretRef;

  public String getIssuerUrl() {
    return issuerUrl;
  }

  public void setIssuerUrl(String issuerUrl) {
    this.issuerUrl = issuerUrl;
  }

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
