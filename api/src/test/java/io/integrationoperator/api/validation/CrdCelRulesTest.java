package io.integrationoperator.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates the CEL rules of the committed CRDs against valid and invalid manifests, because no API
 * server runs in the tests. The rules come from crds/, so a changed rule changes the outcome here,
 * and {@link #everyRuleHasValidAndInvalidCases} fails for a rule without cases.
 */
class CrdCelRulesTest {
  private static final String ONE_AUTHENTICATION =
      "set exactly one of apiKey, basic, bearer, awsSigV4, oauth2, openIdConnect, mutualTls";
  private static final String API_KEY_SOURCE = "set either value or dynamicRetrieval, not both";
  private static final String PARAMETER_VALUE = "set exactly one of value and valueFrom";
  private static final String ONE_CA_REFERENCE =
      "set exactly one of configMapKeyRef and secretKeyRef";
  private static final String PROBE_TARGET = "set task or path, not both";
  private static final String ONE_DOCUMENT = "set exactly one of document and documentFrom";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<CrdRule> rules;

  @BeforeAll
  static void readRules() throws IOException {
    rules = new ArrayList<>();
    rules.addAll(CrdValidationRules.read("integrations.integration-operator.io.yaml"));
    rules.addAll(CrdValidationRules.read("integrationmodels.integration-operator.io.yaml"));
  }

  static Stream<Arguments> manifests() {
    return Stream.of(
        integration("modelRef only", "{}"),
        integration("basic only", "{authentication: {basic: {secretRef: {name: login}}}}"),
        integration(
            "no authentication block", "{authentication: {scheme: basicAuth}}", ONE_AUTHENTICATION),
        integration(
            "basic and bearer",
            """
            {authentication: {basic: {secretRef: {name: login}},
                              bearer: {secretRef: {name: token}}}}
            """,
            ONE_AUTHENTICATION),
        integration(
            "apiKey from Secret",
            "{authentication: {apiKey: {value: {secretKeyRef: {name: keys, key: api}}}}}"),
        integration(
            "apiKey value and dynamicRetrieval",
            """
            {authentication: {apiKey: {value: {secretKeyRef: {name: keys, key: api}},
                                       dynamicRetrieval: {url: /auth}}}}
            """,
            API_KEY_SOURCE),
        integration(
            "parameters with value and valueFrom",
            """
            {authentication: {apiKey: {dynamicRetrieval: {url: /auth}},
                              parameters: [{name: name, value: root},
                                           {name: password,
                                            valueFrom: {secretKeyRef: {name: etcd, key: pw}}}]}}
            """),
        integration(
            "parameter with both sources",
            """
            {authentication: {apiKey: {dynamicRetrieval: {url: /auth}},
                              parameters: [{name: name, value: root,
                                            valueFrom: {secretKeyRef: {name: etcd, key: user}}}]}}
            """,
            PARAMETER_VALUE),
        integration(
            "two parameters without source",
            """
            {authentication: {apiKey: {dynamicRetrieval: {url: /auth}},
                              parameters: [{name: name}, {name: password, value: null}]}}
            """,
            PARAMETER_VALUE,
            PARAMETER_VALUE),
        integration(
            "tls caBundle from ConfigMap",
            "{tls: {caBundle: {configMapKeyRef: {name: trust, key: ca.pem}}}}"),
        integration(
            "tls caBundle with both",
            """
            {tls: {caBundle: {configMapKeyRef: {name: trust, key: ca.pem},
                              secretKeyRef: {name: trust, key: ca.pem}}}}
            """,
            ONE_CA_REFERENCE),
        integration("tls caBundle empty", "{tls: {caBundle: {}}}", ONE_CA_REFERENCE),
        integration(
            "proxy caBundle from Secret",
            """
            {gateway: {executionMode: Proxy,
                       proxy: {host: 127.0.0.1, port: 3128,
                               caBundle: {secretKeyRef: {name: proxy-ca, key: ca.crt}}}}}
            """),
        integration(
            "proxy caBundle with both",
            """
            {gateway: {executionMode: Proxy,
                       proxy: {host: 127.0.0.1, port: 3128,
                               caBundle: {secretKeyRef: {name: proxy-ca, key: ca.crt},
                                          configMapKeyRef: {name: proxy-ca, key: ca.crt}}}}}
            """,
            ONE_CA_REFERENCE),
        // The operator's gateway defaults can supply the proxy, so the CRD accepts Proxy mode
        // without spec.gateway.proxy.
        integration("Proxy mode without proxy", "{gateway: {executionMode: Proxy}}"),
        integration("probe task only", "{probe: {task: getHealth, interval: 1m}}"),
        integration("probe path only", "{probe: {path: /health}}"),
        integration(
            "probe task and path", "{probe: {task: getHealth, path: /health}}", PROBE_TARGET),
        integration(
            "three rules broken",
            """
            {authentication: {}, probe: {task: getHealth, path: /health},
             tls: {caBundle: {}}}
            """,
            ONE_AUTHENTICATION,
            PROBE_TARGET,
            ONE_CA_REFERENCE),
        model("document only", "{document: 'openapi: 3.0.3'}"),
        model("documentFrom only", "{documentFrom: {configMapKeyRef: {name: pets, key: a.yaml}}}"),
        model(
            "document and documentFrom",
            """
            {document: 'openapi: 3.0.3',
             documentFrom: {configMapKeyRef: {name: pets, key: a.yaml}}}
            """,
            ONE_DOCUMENT),
        model("empty spec", "{}", ONE_DOCUMENT));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("manifests")
  void manifestGetsExpectedMessages(
      String kind, String caseName, Map<String, Object> manifest, List<String> expected) {
    List<String> messages = new ArrayList<>();
    for (Evaluation evaluation : evaluate(kind, manifest)) {
      if (!evaluation.satisfied()) {
        messages.add(evaluation.rule().message());
      }
    }

    assertThat(messages).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyRuleHasValidAndInvalidCases() {
    Set<CrdRule> passed = new HashSet<>();
    Set<CrdRule> failed = new HashSet<>();
    manifests()
        .map(Arguments::get)
        .forEach(
            arguments -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> manifest = (Map<String, Object>) arguments[2];
              for (Evaluation evaluation : evaluate((String) arguments[0], manifest)) {
                (evaluation.satisfied() ? passed : failed).add(evaluation.rule());
              }
            });

    assertThat(rules).as("rules in crds/").isNotEmpty();
    for (CrdRule rule : rules) {
      assertThat(passed).as("a manifest that satisfies " + rule).contains(rule);
      assertThat(failed).as("a manifest that breaks " + rule).contains(rule);
    }
  }

  @Test
  void everyRuleCompiles() {
    for (CrdRule rule : rules) {
      assertThat(CelRuleEvaluator.compile(rule)).as(rule.toString()).isNotNull();
    }
  }

  private static List<Evaluation> evaluate(String kind, Map<String, Object> manifest) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (CrdRule rule : rules) {
      if (!rule.kind().equals(kind)) {
        continue;
      }
      for (Object self : CelRuleEvaluator.valuesAt(manifest, rule.path())) {
        evaluations.add(new Evaluation(rule, CelRuleEvaluator.satisfies(rule, self)));
      }
    }
    return evaluations;
  }

  private static Arguments integration(String name, String spec, String... messages) {
    return manifest("Integration", name, "{modelRef: {name: pets}}", spec, List.of(messages));
  }

  private static Arguments model(String name, String spec, String... messages) {
    return manifest("IntegrationModel", name, "{}", spec, List.of(messages));
  }

  /** Builds a manifest whose spec is the base spec with the case's fields added. */
  private static Arguments manifest(
      String kind, String name, String baseSpec, String caseSpec, List<String> messages) {
    try {
      Map<String, Object> spec = YAML.readValue(baseSpec, Map.class);
      spec.putAll(YAML.readValue(caseSpec, Map.class));
      Map<String, Object> manifest =
          Map.of(
              "apiVersion",
              "integration-operator.io/v1alpha1",
              "kind",
              kind,
              "metadata",
              Map.of("name", "case", "namespace", "default"),
              "spec",
              spec);
      return Arguments.of(kind, name, manifest, messages);
    } catch (IOException e) {
      throw new IllegalArgumentException("case " + name + " is not valid YAML", e);
    }
  }

  private record Evaluation(CrdRule rule, boolean satisfied) {}
}
