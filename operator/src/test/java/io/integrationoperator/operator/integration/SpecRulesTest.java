package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.DynamicRetrieval;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.integration.CaBundleSource;
import io.integrationoperator.api.integration.ExecutionMode;
import io.integrationoperator.api.integration.Gateway;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.ProxyConfig;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.api.model.TaskStatus;
import io.integrationoperator.operator.status.IntegrationConditions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules the CRD states in CEL, checked again by the operator. */
class SpecRulesTest {

  static Stream<Arguments> brokenSpecs() {
    return Stream.of(
        Arguments.of(
            "probe with task and path",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setProbe(new Probe());
                  spec.getProbe().setTask("listPets");
                  spec.getProbe().setPath("/health");
                },
            IntegrationConditions.INVALID_PROBE,
            "spec.probe sets both task listPets and path /health; remove one of them."),
        Arguments.of(
            "probe path leaving the base path",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setProbe(new Probe());
                  spec.getProbe().setPath("/../health");
                },
            IntegrationConditions.INVALID_PROBE,
            "spec.probe.path /../health has a '.' or '..' segment, which would leave the base"
                + " path; give a path below the base path."),
        Arguments.of(
            "probe path with encoded dot segment",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setProbe(new Probe());
                  spec.getProbe().setPath("/%2E%2e/health");
                },
            IntegrationConditions.INVALID_PROBE,
            "spec.probe.path /%2E%2e/health has a '.' or '..' segment"),
        Arguments.of(
            "Proxy mode without proxy",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setGateway(new Gateway());
                  spec.getGateway().setExecutionMode(ExecutionMode.Proxy);
                },
            IntegrationConditions.INVALID_GATEWAY,
            "The execution mode Proxy (from spec.gateway) runs calls on a gateway cluster, but"
                + " neither spec.gateway.cluster nor the operator's configuration names one; set"
                + " spec.gateway.cluster or the operator default --default-gateway-cluster."),
        Arguments.of(
            "Proxy mode with cluster but without proxy",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setGateway(new Gateway());
                  spec.getGateway().setExecutionMode(ExecutionMode.Proxy);
                  spec.getGateway().setCluster("edge-1");
                },
            IntegrationConditions.INVALID_GATEWAY,
            "The execution mode Proxy (from spec.gateway) needs a proxy, but neither"
                + " spec.gateway.proxy nor the operator's configuration sets one; set"
                + " spec.gateway.proxy or the operator default --default-proxy-url."),
        Arguments.of(
            "CA bundle with both references",
            (Consumer<IntegrationSpec>)
                spec -> {
                  CaBundleSource bundle = new CaBundleSource();
                  bundle.setConfigMapKeyRef(new ConfigMapKeySelector("ca.crt", "ca", false));
                  bundle.setSecretKeyRef(new SecretKeySelector("ca.crt", "ca", false));
                  spec.setTls(new Tls());
                  spec.getTls().setCaBundle(bundle);
                },
            IntegrationConditions.INVALID_TLS,
            "spec.tls.caBundle sets both configMapKeyRef and secretKeyRef; set exactly one"),
        Arguments.of(
            "CA bundle without reference",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setTls(new Tls());
                  spec.getTls().setCaBundle(new CaBundleSource());
                },
            IntegrationConditions.INVALID_TLS,
            "spec.tls.caBundle sets neither configMapKeyRef nor secretKeyRef; set exactly one"),
        Arguments.of(
            "apiKey with value and dynamic retrieval",
            (Consumer<IntegrationSpec>)
                spec -> {
                  ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
                  apiKey.setValue(secretValue());
                  apiKey.setDynamicRetrieval(new DynamicRetrieval());
                  spec.setAuthentication(new Authentication());
                  spec.getAuthentication().setApiKey(apiKey);
                },
            IntegrationConditions.INVALID_AUTHENTICATION,
            "spec.authentication.apiKey sets both value and dynamicRetrieval"),
        Arguments.of(
            "parameter with value and valueFrom",
            (Consumer<IntegrationSpec>)
                spec -> {
                  AuthenticationParameter parameter = parameter("audience");
                  parameter.setValue("pets");
                  parameter.setValueFrom(secretValue());
                  spec.setAuthentication(apiKeyWith(parameter));
                },
            IntegrationConditions.INVALID_AUTHENTICATION,
            "spec.authentication.parameters[0] (audience) sets both value and valueFrom"),
        Arguments.of(
            "parameter without value",
            (Consumer<IntegrationSpec>)
                spec -> spec.setAuthentication(apiKeyWith(parameter("audience"))),
            IntegrationConditions.INVALID_AUTHENTICATION,
            "spec.authentication.parameters[0] (audience) sets neither value nor valueFrom"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void brokenRuleFailsSpecValid(
      String name, Consumer<IntegrationSpec> customizer, String reason, String message) {
    IntegrationSpec spec = SpecCheckDurationTest.spec();
    customizer.accept(spec);

    SpecCheck check = SpecCheckDurationTest.check(spec, model(), Duration.ofMinutes(5));

    assertThat(check.outcome().status()).isEqualTo("False");
    assertThat(check.outcome().reason()).isEqualTo(reason);
    assertThat(check.outcome().message()).startsWith(message);
  }

  static Stream<Arguments> validSpecs() {
    return Stream.of(
        Arguments.of(
            "probe with task only",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setProbe(new Probe());
                  spec.getProbe().setTask("listPets");
                }),
        Arguments.of(
            "Proxy mode with proxy",
            (Consumer<IntegrationSpec>)
                spec -> {
                  spec.setGateway(new Gateway());
                  spec.getGateway().setExecutionMode(ExecutionMode.Proxy);
                  spec.getGateway().setCluster("edge-1");
                  spec.getGateway().setProxy(new ProxyConfig());
                  spec.getGateway().getProxy().setHost("proxy.example.test");
                  spec.getGateway().getProxy().setPort(3128);
                }),
        Arguments.of(
            "CA bundle from a Secret",
            (Consumer<IntegrationSpec>)
                spec -> {
                  CaBundleSource bundle = new CaBundleSource();
                  bundle.setSecretKeyRef(new SecretKeySelector("ca.crt", "ca", false));
                  spec.setTls(new Tls());
                  spec.getTls().setCaBundle(bundle);
                }),
        Arguments.of(
            "parameter with value only",
            (Consumer<IntegrationSpec>)
                spec -> {
                  AuthenticationParameter parameter = parameter("audience");
                  parameter.setValue("pets");
                  spec.setAuthentication(apiKeyWith(parameter));
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSpecs")
  void keptRulePassesSpecValid(String name, Consumer<IntegrationSpec> customizer) {
    IntegrationSpec spec = SpecCheckDurationTest.spec();
    customizer.accept(spec);

    SpecCheck check = SpecCheckDurationTest.check(spec, model(), Duration.ofMinutes(5));

    assertThat(check.outcome().reason()).isEqualTo(IntegrationConditions.SPEC_VALID);
  }

  private static IntegrationModelStatus model() {
    IntegrationModelStatus model = SpecCheckDurationTest.model();
    SecuritySchemeStatus scheme = new SecuritySchemeStatus();
    scheme.setName("api_key");
    scheme.setType("apiKey");
    scheme.setDetails(Map.of("in", "header", "name", "X-Key"));
    model.setSecuritySchemes(List.of(scheme));
    TaskStatus task = new TaskStatus();
    task.setName("listPets");
    model.setTasks(List.of(task));
    return model;
  }

  private static SecretValueSource secretValue() {
    SecretValueSource source = new SecretValueSource();
    source.setSecretKeyRef(new SecretKeySelector("apiKey", "key", false));
    return source;
  }

  private static AuthenticationParameter parameter(String name) {
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    return parameter;
  }

  private static Authentication apiKeyWith(AuthenticationParameter parameter) {
    ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
    apiKey.setValue(secretValue());
    Authentication authentication = new Authentication();
    authentication.setApiKey(apiKey);
    authentication.setParameters(List.of(parameter));
    return authentication;
  }
}
