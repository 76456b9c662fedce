package io.integrationoperator.client.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.DynamicRetrieval;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.InvalidSettingsException;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRequestsTest {

  private static final String BASE_URL = "https://api.example.test/api/v3";

  private final Map<String, String> details = new LinkedHashMap<>();
  private final ConnectionSettingsBuilder settings = ConnectionSettingsBuilder.forBaseUrl(BASE_URL);
  private final ApiKeyAuthentication apiKey = new ApiKeyAuthentication();

  private KeyRequest resolve() throws InvalidSettingsException {
    details.putIfAbsent("in", "header");
    details.putIfAbsent("name", "X-Auth-Token");
    settings.authentication().setApiKey(apiKey);
    SecuritySchemeInfo scheme = new SecuritySchemeInfo("login", "apiKey", Map.copyOf(details));
    return KeyRequests.resolve(settings.scheme(scheme).build(), scheme);
  }

  private void modelRetrieval(String method, String url, String pointer) {
    details.put("x-itential-dynamic-retrieval.method", method);
    details.put("x-itential-dynamic-retrieval.url", url);
    details.put("x-itential-dynamic-retrieval.responsePointer", pointer);
  }

  private void modelParameter(String name, String in, String useIn) {
    details.put("x-itential-parameters." + name + ".in", in);
    details.put("x-itential-parameters." + name + ".x-itential-use-in", useIn);
  }

  private DynamicRetrieval specRetrieval() {
    if (apiKey.getDynamicRetrieval() == null) {
      apiKey.setDynamicRetrieval(new DynamicRetrieval());
    }
    return apiKey.getDynamicRetrieval();
  }

  private void parameters(AuthenticationParameter... parameters) {
    settings.authentication().setParameters(List.of(parameters));
  }

  private static AuthenticationParameter inline(String name, String value) {
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    parameter.setValue(value);
    return parameter;
  }

  private static AuthenticationParameter fromSecret(String name, boolean optional) {
    SecretValueSource source = new SecretValueSource();
    source.setSecretKeyRef(new SecretKeySelector("password", "login", optional));
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    parameter.setValueFrom(source);
    return parameter;
  }

  private static AuthenticationParameter declared(
      AuthenticationParameter parameter, ParameterLocation in, ParameterUsage... usedIn) {
    parameter.setIn(in);
    parameter.setUsedIn(List.of(usedIn));
    return parameter;
  }

  @Test
  void modelExtensionGivesEveryField() throws InvalidSettingsException {
    modelRetrieval("post", "https://login.example.test/v1/login", "/token");

    KeyRequest request = resolve();

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url().toString()).isEqualTo("https://login.example.test/v1/login");
    assertThat(request.responsePointer()).isEqualTo("/token");
    assertThat(request.contentType()).isEqualTo(KeyRequest.JSON);
    assertThat(request.parameters()).isEmpty();
  }

  @Test
  void specWinsFieldByField() throws InvalidSettingsException {
    modelRetrieval("PUT", "https://login.example.test/v1/login", "/token");
    details.put("x-itential-dynamic-retrieval.contentType", KeyRequest.FORM);
    specRetrieval().setUrl("https://other.example.test/session");
    specRetrieval().setResponsePointer("/data/key");

    KeyRequest request = resolve();

    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.url().toString()).isEqualTo("https://other.example.test/session");
    assertThat(request.responsePointer()).isEqualTo("/data/key");
    assertThat(request.contentType()).isEqualTo(KeyRequest.FORM);
  }

  @Test
  void pathIsAppendedToBaseUrl() throws InvalidSettingsException {
    specRetrieval().setUrl("/auth/login?tenant=a");
    specRetrieval().setResponsePointer("/token");

    KeyRequest request = resolve();

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url().toString())
        .isEqualTo("https://api.example.test/api/v3/auth/login?tenant=a");
  }

  @Test
  void missingUrlNamesSpecField() {
    specRetrieval().setResponsePointer("/token");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the key request has no URL; set spec.authentication.apiKey.dynamicRetrieval.url or"
                + " the url of the model's x-itential-dynamic-retrieval extension");
  }

  @Test
  void missingPointerIsRejected() {
    specRetrieval().setUrl("/login");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("the key request has no responsePointer");
  }

  @Test
  void invalidPointerNamesItsSource() {
    modelRetrieval("POST", "/login", "token");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the responsePointer 'token' from the model's x-itential-dynamic-retrieval"
                + " responsePointer is not a JSON Pointer; write it like /token or /data/key");
  }

  @Test
  void unsupportedMethodIsRejected() {
    modelRetrieval("DELETE", "/login", "/token");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("method 'DELETE'")
        .hasMessageEndingWith("use GET, POST, PUT or PATCH");
  }

  @Test
  void nonHttpUrlIsRejected() {
    modelRetrieval("POST", "ftp://files.example.test/key", "/token");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("is not a valid http or https URL");
  }

  @Test
  void declaredParametersTakeSpecValues() throws InvalidSettingsException {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("username", "body", "key");
    modelParameter("password", "body", "key,token");
    modelParameter("audience", "query", "token");
    parameters(inline("username", "alice"), fromSecret("password", false));
    settings.credential("parameter.password", "pw-1");

    KeyRequest request = resolve();

    assertThat(request.parameters())
        .containsExactly(
            new KeyParameter("username", ParameterLocation.Body, "alice"),
            new KeyParameter("password", ParameterLocation.Body, "pw-1"));
  }

  @Test
  void specLocationReplacesDeclaredOne() throws InvalidSettingsException {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("X-Tenant", "body", "key");
    AuthenticationParameter tenant = inline("X-Tenant", "t-1");
    tenant.setIn(ParameterLocation.Header);
    parameters(tenant);

    assertThat(resolve().parameters())
        .containsExactly(new KeyParameter("X-Tenant", ParameterLocation.Header, "t-1"));
  }

  @Test
  void undeclaredParameterNeedsInAndUsedIn() throws InvalidSettingsException {
    specRetrieval().setUrl("/login");
    specRetrieval().setResponsePointer("/token");
    parameters(declared(inline("scope", "all"), ParameterLocation.Query, ParameterUsage.Key));

    assertThat(resolve().parameters())
        .containsExactly(new KeyParameter("scope", ParameterLocation.Query, "all"));

    parameters(inline("scope", "all"));
    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the parameter 'scope' in spec.authentication.parameters has no usedIn and the model"
                + " does not declare it; set usedIn to Token, Refresh or Key");
  }

  @Test
  void parametersForOtherRequestsAreLeftOut() throws InvalidSettingsException {
    specRetrieval().setUrl("/login");
    specRetrieval().setResponsePointer("/token");
    parameters(declared(inline("audience", "api"), ParameterLocation.Body, ParameterUsage.Token));

    assertThat(resolve().parameters()).isEmpty();
  }

  @Test
  void declaredParameterWithoutEntryIsRejected() {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("password", "body", "key");

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the model declares the key request parameter 'password', but"
                + " spec.authentication.parameters has no entry for it; add one with name"
                + " password and a value or valueFrom");
  }

  @Test
  void unresolvedSecretValueIsRejected() {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("password", "body", "key");
    parameters(fromSecret("password", false));

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'parameter.password'");
  }

  @Test
  void optionalMissingSecretValueIsLeftOut() throws InvalidSettingsException {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("otp", "body", "key");
    parameters(fromSecret("otp", true));

    assertThat(resolve().parameters()).isEmpty();
  }

  @Test
  void invalidDeclaredLocationIsRejected() {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("password", "cookie", "key");
    parameters(inline("password", "pw"));

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "the model's x-itential-parameters entry 'password' has an invalid 'in' value"
                + " 'cookie'; expected header, body or query");
  }

  @Test
  void getWithBodyParametersIsRejected() {
    modelRetrieval("GET", "/login", "/token");
    modelParameter("password", "body", "key");
    parameters(inline("password", "pw"));

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("the key request uses GET, which sends no body");
  }

  @Test
  void headerValueWithLineBreakIsRejectedWithoutValue() {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("X-Secret", "header", "key");
    parameters(inline("X-Secret", "abc\r\nX-Injected: 1"));

    assertThatThrownBy(this::resolve)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("'X-Secret' cannot be sent as a header")
        .hasMessageNotContaining("abc");
  }

  @Test
  void digestChangesWithParameterValue() throws InvalidSettingsException {
    modelRetrieval("POST", "/login", "/token");
    modelParameter("password", "body", "key");
    parameters(fromSecret("password", false));
    settings.credential("parameter.password", "pw-1");
    String first = resolve().digest();

    settings.credential("parameter.password", "pw-2");
    String second = resolve().digest();

    assertThat(first).hasSize(64).isNotEqualTo(second).doesNotContain("pw-1");
    assertThat(resolve().digest()).isEqualTo(second);
  }
}
