package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {

  private static final JsonNode EVENT = parse();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "involvedObject.name=petstore,involvedObject.kind=Integration | true",
        "involvedObject.name==petstore | true",
        "involvedObject.uid=0a-1b,involvedObject.namespace=default | true",
        "involvedObject.name=other | false",
        "involvedObject.kind!=Integration | false",
        "involvedObject.kind!=Secret | true",
        "type=Warning,reason=SecretKeyNotFound | true",
        "message=a\\,b | true",
        "involvedObject.fieldPath= | true",
        "'' | true"
      })
  void matchesEvent(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(EVENT)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is rejected")
  @CsvSource({"involvedObject.name", "=value"})
  void rejectsTermWithoutOperator(String selector) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(selector);
  }

  private static JsonNode parse() {
    try {
      return new ObjectMapper()
          .readTree(
              """
              {"type": "Warning", "reason": "SecretKeyNotFound", "message": "a,b",
               "involvedObject": {"kind": "Integration", "name": "petstore",
                                  "namespace": "default", "uid": "0a-1b"}}
              """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
