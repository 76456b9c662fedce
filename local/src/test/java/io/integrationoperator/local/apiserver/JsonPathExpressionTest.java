package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathExpressionTest {

  private static final JsonNode OBJECT = parse();

  @ParameterizedTest(name = "{0} selects {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".status.endpoint | https://a.test",
        "{.status.endpoint} | https://a.test",
        "$.status.endpoint | https://a.test",
        ".status.conditions[?(@.type==\"Ready\")].reason | SecretKeyNotFound",
        ".status.conditions[?(@.type=='Ready')].status | False",
        ".status.conditions[?(@.type!=\"Ready\")].type | Connected",
        ".status.conditions[0].type | Connected",
        ".status.conditions[-1].type | Ready",
        ".status.conditions[*].type | Connected",
        ".metadata.labels['app.kubernetes.io/name'] | petstore",
        ".spec.port | 443"
      })
  void selectsFirstMatch(String expression, String expected) {
    assertThat(JsonPathExpression.parse(expression).first(OBJECT).asText()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} selects nothing")
  @ValueSource(
      strings = {
        ".status.missing",
        ".status.conditions[?(@.type==\"Absent\")].status",
        ".status.conditions[5]",
        ".spec.port.deeper"
      })
  void selectsNothing(String expression) {
    assertThat(JsonPathExpression.parse(expression).first(OBJECT)).isNull();
  }

  @ParameterizedTest(name = "{0} is rejected")
  @ValueSource(strings = {".status[?(@.a>1)]", ".status[abc]", ".status[0", "status..x"})
  void rejectsUnsupportedSyntax(String expression) {
    assertThatThrownBy(() -> JsonPathExpression.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expression);
  }

  private static JsonNode parse() {
    try {
      return new ObjectMapper()
          .readTree(
              """
              {"metadata": {"labels": {"app.kubernetes.io/name": "petstore"}},
               "spec": {"port": 443},
               "status": {"endpoint": "https://a.test",
                          "conditions": [{"type": "Connected", "status": "True"},
                                         {"type": "Ready", "status": "False",
                                          "reason": "SecretKeyNotFound"}]}}
              """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
