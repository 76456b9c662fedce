package io.integrationoperator.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTableTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void readyComesFirstAndNameOnce() throws Exception {
    JsonNode integration =
        mapper.readTree(
            """
            {"metadata": {"name": "petstore", "namespace": "default"},
             "status": {"conditions": [
               {"type": "ModelResolved", "status": "True", "reason": "ModelResolved",
                "message": "IntegrationModel petstore offers 19 tasks."},
               {"type": "Ready", "status": "False", "reason": "SecretKeyNotFound",
                "message": "Secret petstore-key has no key apiKey"}]}}
            """);

    assertThat(ConditionTable.render(List.of(integration)))
        .isEqualTo(
            """
            NAMESPACE  INTEGRATION  CONDITION      STATUS  REASON             MESSAGE
            default    petstore     Ready          False   SecretKeyNotFound  Secret petstore-key has no key apiKey
                                    ModelResolved  True    ModelResolved      IntegrationModel petstore offers 19 tasks.
            """);
  }

  @Test
  void integrationsSortByNamespaceThenName() throws Exception {
    List<JsonNode> integrations =
        List.of(
            mapper.readTree("{\"metadata\": {\"name\": \"b\", \"namespace\": \"x\"}}"),
            mapper.readTree("{\"metadata\": {\"name\": \"c\", \"namespace\": \"a\"}}"),
            mapper.readTree("{\"metadata\": {\"name\": \"a\", \"namespace\": \"x\"}}"));

    String table = ConditionTable.render(integrations);

    assertThat(table.lines().skip(1).map(line -> line.substring(0, 16).strip()))
        .containsExactly("a          c", "x          a", "x          b");
    assertThat(table).contains("no conditions reported yet");
  }

  @Test
  void longMessagesAreShortened() throws Exception {
    String message = "word ".repeat(40);
    JsonNode integration =
        mapper.readTree(
            "{\"metadata\": {\"name\": \"p\", \"namespace\": \"d\"}, \"status\": {\"conditions\":"
                + " [{\"type\": \"Ready\", \"status\": \"False\", \"reason\": \"R\", \"message\": \""
                + message
                + "\"}]}}");

    String row =
        ConditionTable.render(List.of(integration)).lines().skip(1).findFirst().orElseThrow();

    assertThat(row).endsWith("...");
    assertThat(row.substring(row.indexOf("word"))).hasSize(ConditionTable.MAX_MESSAGE_LENGTH);
  }

  @Test
  void changesListOnlyChangedAddedAndDeleted() throws Exception {
    JsonNode unchanged = integration("same", "True", "Ready");
    JsonNode before = integration("moved", "False", "Connecting");
    JsonNode gone = integration("gone", "True", "Ready");
    var previous = ConditionTable.rowsByIntegration(List.of(unchanged, before, gone));
    var current =
        ConditionTable.rowsByIntegration(
            List.of(
                unchanged,
                integration("moved", "True", "Ready"),
                integration("added", "False", "Connecting")));

    String changes = ConditionTable.renderChanges(previous, current);

    assertThat(changes)
        .isEqualTo(
            """
            NAMESPACE  INTEGRATION  CONDITION  STATUS  REASON      MESSAGE
            default    added        Ready      False   Connecting
            default    gone         -          -       -           deleted
            default    moved        Ready      True    Ready
            """);
  }

  @Test
  void changesAreEmptyWhenNothingChanged() throws Exception {
    var rows = ConditionTable.rowsByIntegration(List.of(integration("same", "True", "Ready")));

    assertThat(ConditionTable.renderChanges(rows, rows)).isEmpty();
  }

  private JsonNode integration(String name, String status, String reason) throws Exception {
    return mapper.readTree(
        "{\"metadata\": {\"name\": \""
            + name
            + "\", \"namespace\": \"default\"}, \"status\": {\"conditions\": [{\"type\":"
            + " \"Ready\", \"status\": \""
            + status
            + "\", \"reason\": \""
            + reason
            + "\"}]}}");
  }

  @Test
  void emptyListSaysSo() {
    assertThat(ConditionTable.render(List.of())).isEqualTo("No Integrations.\n");
  }
}
