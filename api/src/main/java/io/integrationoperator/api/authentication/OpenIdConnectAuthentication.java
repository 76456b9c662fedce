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
