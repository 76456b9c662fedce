package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaValidatorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void validIntegrationPasses() throws Exception {
    SchemaValidator.Result result =
        validate("{\"server\": {\"protocol\": \"https\", \"port\": 443}}");

    assertThat(result.unknownFields()).isEmpty();
    assertThat(result.violations()).isEmpty();
  }

  @Test
  void unknownFieldsAreReportedAndPruned() throws Exception {
    SchemaValidator.Result result =
        validate("{\"server\": {\"host\": \"a.test\", \"bogus\": 1}, \"typo\": true}");

    assertThat(result.unknownFields()).containsExactly("spec.server.bogus", "spec.typo");
    assertThat(result.pruned().path("spec"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"modelRef\":{\"name\":\"petstore\"},\"server\":{\"host\":\"a.test\"}}"));
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "{\"server\": {\"port\": \"x\"}} ; spec.server.port: Invalid value: \"string\": spec.server.port"
            + " in body must be of type integer: \"string\"",
        "{\"server\": {\"protocol\": \"ftp\"}} ; spec.server.protocol: Unsupported value: \"ftp\":"
            + " supported values: \"http\", \"https\"",
        "{\"authentication\": {\"apiKey\": {\"dynamicRetrieval\": {\"url\": \"u\", \"method\":"
            + " \"TRACE\"}}}} ; spec.authentication.apiKey.dynamicRetrieval.method: Invalid value:"
            + " \"TRACE\": spec.authentication.apiKey.dynamicRetrieval.method in body should match"
            + " '^(GET|POST|PUT|PATCH)$'",
        "{\"authentication\": {\"apiKey\": {\"dynamicRetrieval\": {}}}}"
            + " ; spec.authentication.apiKey.dynamicRetrieval.url: Required value"
      })
  void violationsNameFieldAndRule(String spec, String expected) throws Exception {
    assertThat(validate(spec).violations()).containsExactly(expected);
  }

  @Test
  void unknownStatusFieldsArePruned() throws Exception {
    JsonNode object =
        MAPPER.readTree(
            "{\"apiVersion\": \"integration-operator.io/v1alpha1\", \"kind\": \"Integration\","
                + " \"metadata\": {\"name\": \"p\"}, \"spec\": {\"modelRef\": {\"name\": \"m\"}},"
                + " \"status\": {\"anything\": 1, \"endpoint\": \"http://a.test\","
                + " \"lastProbe\": {\"response\": {\"body\": {\"free\": {\"form\": true}}}}}}");

    SchemaValidator.Result result = SchemaValidator.validate(integrationSchema(), object);

    assertThat(result.unknownFields()).containsExactly("status.anything");
    assertThat(result.pruned().path("status").has("anything")).isFalse();
    assertThat(result.pruned().path("status").path("endpoint").asText()).isEqualTo("http://a.test");
    assertThat(result.pruned().at("/status/lastProbe/response/body/free/form").asBoolean())
        .isTrue();
  }

  private static SchemaValidator.Result validate(String spec) throws Exception {
    JsonNode specNode = MAPPER.readTree(spec);
    ((ObjectNode) specNode).putObject("modelRef").put("name", "petstore");
    JsonNode object =
        MAPPER
            .createObjectNode()
            .put("apiVersion", "integration-operator.io/v1alpha1")
            .put("kind", "Integration")
            .set("spec", specNode);
    return SchemaValidator.validate(integrationSchema(), object);
  }

  private static JsonNode integrationSchema() throws Exception {
    return CustomResourceDefinitions.catalog()
        .find("integration-operator.io", "v1alpha1", "integrations")
        .orElseThrow()
        .schema();
  }
}
