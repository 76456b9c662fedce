package io.integrationoperator.api.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Authentication applied to every request to the external system. Exactly one block is set. */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value =
        "[has(self.apiKey), has(self.basic), has(self.bearer), has(self.awsSigV4), has(self.oauth2), has(self.openIdConnect), has(self.mutualTls)].filter(x, x).size() == 1",
    message =
        "set exactly one of apiKey, basic, bearer, awsSigV4, oauth2, openIdConnect, mutualTls")
public class Authentication {

  @JsonPropertyDescription(
      "Name of the security scheme in the model; defaults to the first scheme "
          + "that fits the block set here.")
  private String scheme;

  @JsonPropertyDescription("API key authentication (model scheme type apiKey).")
  private ApiKeyAuthentication apiKey;

  @JsonPropertyDescription("HTTP Basic authentication (model scheme type http, scheme basic).")
  private BasicAuthentication basic;

  @JsonPropertyDescription("HTTP Bearer authentication (model scheme type http, scheme bearer).")
  private BearerAuthentication bearer;

  @JsonPropertyDescription(
      "AWS Signature Version 4 (model apiKey scheme with "
          + "x-amazon-apigateway-authtype awsSigv4).")
  private AwsSigV4Authentication awsSigV4;

  @JsonPropertyDescription("OAuth 2.0 (model scheme type oauth2).")
  private OAuth2Authentication oauth2;

  @JsonPropertyDescription("OpenID Connect (model scheme type openIdConnect).")
  private OpenIdConnectAuthentication openIdConnect;

  @JsonPropertyDescription("TLS client certificate (model scheme type mutualTLS).")
  private MutualTlsAuthentication mutualTls;

  @JsonPropertyDescription(
      "Extra parameters of token, refresh or key requests, matched by name to "
          + "the model's x-itential-parameters.")
  private List<AuthenticationParameter> parameters;

  public String getScheme() {
    return scheme;
  }

  public void setScheme(String scheme) {
    this.scheme = scheme;
  }

  public ApiKeyAuthentication getApiKey() {
    return apiKey;
  }

  public void setApiKey(ApiKeyAuthentication apiKey) {
    this.apiKey = apiKey;
  }

  public BasicAuthentication getBasic() {
    return basic;
  }

  public void setBasic(BasicAuthentication basic) {
    this.basic = basic;
  }

  public BearerAuthentication getBearer() {
    return bearer;
  }

  public void setBearer(BearerAuthentication bearer) {
    this.bearer = bearer;
  }

  public AwsSigV4Authentication getAwsSigV4() {
    return awsSigV4;
  }

  public void setAwsSigV4(AwsSigV4Authentication awsSigV4) {
    this.awsSigV4 = awsSigV4;
  }

  public OAuth2Authentication getOauth2() {
    return oauth2;
  }

  public void setOauth2(OAuth2Authentication oauth2) {
    this.oauth2 = oauth2;
  }

  public OpenIdConnectAuthentication getOpenIdConnect() {
    return openIdConnect;
  }

  public void setOpenIdConnect(OpenIdConnectAuthentication openIdConnect) {
    this.openIdConnect = openIdConnect;
  }

  public MutualTlsAuthentication getMutualTls() {
    return mutualTls;
  }

  public void setMutualTls(MutualTlsAuthentication mutualTls) {
    this.mutualTls = mutualTls;
  }

  public List<AuthenticationParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<AuthenticationParameter> parameters) {
    this.parameters = parameters;
  }
}
