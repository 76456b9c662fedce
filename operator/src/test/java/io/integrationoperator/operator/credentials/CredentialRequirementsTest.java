package io.integrationoperator.operator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.BearerAuthentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.operator.credentials.CredentialRequirement.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRequirementsTest {

  @Test
  void basicNeedsUsernameAndPassword() {
    Authentication auth = new Authentication();
    BasicAuthentication basic = new BasicAuthentication();
    basic.setSecretRef(new LocalObjectReference("login"));
    auth.setBasic(basic);

    assertThat(list(auth))
        .containsExactly(
            required(Source.SECRET, "login", "username", "username"),
            required(Source.SECRET, "login", "password", "password"));
  }

  @Test
  void bearerAndApiKeyUseTheirSelectedKey() {
    Authentication bearer = new Authentication();
    bearer.setBearer(new BearerAuthentication());
    bearer.getBearer().setToken(value("tokens", "api-token"));
    Authentication apiKey = new Authentication();
    apiKey.setApiKey(new ApiKeyAuthentication());
    apiKey.getApiKey().setValue(value("keys", "key"));

    assertThat(list(bearer))
        .containsExactly(required(Source.SECRET, "tokens", "api-token", "token"));
    assertThat(list(apiKey)).containsExactly(required(Source.SECRET, "keys", "key", "apiKey"));
  }

  @Test
  void awsSessionTokenIsOptional() {
    Authentication auth = new Authentication();
    AwsSigV4Authentication aws = new AwsSigV4Authentication();
    aws.setSecretRef(new LocalObjectReference("aws"));
    auth.setAwsSigV4(aws);

    assertThat(list(auth))
        .containsExactly(
            required(Source.SECRET, "aws", "accessKeyId", "accessKeyId"),
            required(Source.SECRET, "aws", "secretAccessKey", "secretAccessKey"),
            new CredentialRequirement(Source.SECRET, "aws", "sessionToken", "sessionToken", false));
  }

  @Test
  void passwordGrantRequiresUserButNotClientSecret() {
    Authentication auth = new Authentication();
    OAuth2Authentication oauth = new OAuth2Authentication();
    oauth.setSecretRef(new LocalObjectReference("client"));
    auth.setOauth2(oauth);

    List<CredentialRequirement> requirements =
        CredentialRequirements.list(spec(auth), Map.of("flows", "implicit,password"));

    assertThat(requirements)
        .filteredOn(CredentialRequirement::required)
        .extracting(CredentialRequirement::key)
        .containsExactly("clientId", "username", "password");
  }

  @Test
  void clientCredentialsIsTheDefaultGrant() {
    assertThat(CredentialRequirements.effectiveGrant(null, Map.of()))
        .isEqualTo(OAuth2GrantType.ClientCredentials);
    assertThat(CredentialRequirements.effectiveGrant(null, Map.of("flows", "authorizationCode")))
        .isEqualTo(OAuth2GrantType.AuthorizationCode);
    assertThat(
            CredentialRequirements.effectiveGrant(OAuth2GrantType.Password, Map.of("flows", "x")))
        .isEqualTo(OAuth2GrantType.Password);
  }

  @Test
  void listsMutualTlsParametersAndCaBundle() {
    Authentication auth = new Authentication();
    MutualTlsAuthentication mtls = new MutualTlsAuthentication();
    mtls.setSecretRef(new LocalObjectReference("client-cert"));
    auth.setMutualTls(mtls);
    AuthenticationParameter audience = new AuthenticationParameter();
    audience.setName("audience");
    audience.setValue("literal, not a credential");
    AuthenticationParameter password = new AuthenticationParameter();
    password.setName("password");
    password.setValueFrom(value("login", "pw"));
    auth.setParameters(List.of(audience, password));
    IntegrationSpec spec = spec(auth);
    Tls tls = new Tls();
    tls.setCaBundle(new CaBundleSource());
    tls.getCaBundle().setConfigMapKeyRef(new ConfigMapKeySelector("ca.pem", "trust", false));
    spec.setTls(tls);

    assertThat(CredentialRequirements.list(spec, Map.of()))
        .containsExactly(
            required(Source.SECRET, "client-cert", "tls.crt", "tls.crt"),
            required(Source.SECRET, "client-cert", "tls.key", "tls.key"),
            new CredentialRequirement(Source.SECRET, "client-cert", "ca.crt", "ca.crt", false),
            required(Source.SECRET, "login", "pw", "parameter.password"),
            required(Source.CONFIG_MAP, "trust", "ca.pem", "ca.crt"));
  }

  @Test
  void noAuthenticationNeedsNothing() {
    assertThat(CredentialRequirements.list(new IntegrationSpec(), Map.of())).isEmpty();
  }

  private static List<CredentialRequirement> list(Authentication auth) {
    return CredentialRequirements.list(spec(auth), Map.of());
  }

  private static IntegrationSpec spec(Authentication auth) {
    IntegrationSpec spec = new IntegrationSpec();
    spec.setAuthentication(auth);
    return spec;
  }

  private static SecretValueSource value(String name, String key) {
    SecretValueSource source = new SecretValueSource();
    source.setSecretKeyRef(new SecretKeySelector(key, name, null));
    return source;
  }

  private static CredentialRequirement required(
      Source source, String name, String key, String target) {
    return new CredentialRequirement(source, name, key, target, true);
  }
}
