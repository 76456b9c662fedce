package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "merge {1} into {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":\"b\"} | {\"a\":\"c\"} | {\"a\":\"c\"}",
        "{\"a\":\"b\"} | {\"b\":\"c\"} | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"} | {\"a\":null} | {}",
        "{\"a\":{\"b\":1,\"c\":2}} | {\"a\":{\"c\":null,\"d\":3}} | {\"a\":{\"b\":1,\"d\":3}}",
        "{\"a\":[1,2]} | {\"a\":[3]} | {\"a\":[3]}",
        "{\"a\":\"b\"} | {\"a\":{\"c\":null}} | {\"a\":{}}"
      })
  void mergePatchFollowsRfc7386(String target, String patch, String expected) throws Exception {
    JsonNode result = Patches.mergePatch(MAPPER.readTree(target), MAPPER.readTree(patch));

    assertThat(result).isEqualTo(MAPPER.readTree(expected));
  }

  @Test
  void strategicPatchMergesOwnerReferencesByUid() throws Exception {
    JsonNode target =
        MAPPER.readTree(
            "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"1\",\"name\":\"a\"},"
                + "{\"uid\":\"2\",\"name\":\"b\"}]}}");
    JsonNode patch =
        MAPPER.readTree(
            "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"2\",\"name\":\"c\"},"
                + "{\"uid\":\"1\",\"$patch\":\"delete\"},{\"uid\":\"3\",\"name\":\"d\"}],"
                + "\"$setElementOrder/ownerReferences\":[{\"uid\":\"2\"},{\"uid\":\"3\"}]}}");

    JsonNode result = Patches.strategicMergePatch(target, patch);

    assertThat(result)
        .isEqualTo(
            MAPPER.readTree(
                "{\"metadata\":{\"ownerReferences\":[{\"uid\":\"2\",\"name\":\"c\"},"
                    + "{\"uid\":\"3\",\"name\":\"d\"}]}}"));
  }

  @Test
  void strategicPatchMergesFinalizersAsSet() throws Exception {
    JsonNode target = MAPPER.readTree("{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}");
    JsonNode patch =
        MAPPER.readTree(
            "{\"metadata\":{\"finalizers\":[\"b\",\"c\"],"
                + "\"$deleteFromPrimitiveList/finalizers\":[\"a\"]}}");

    JsonNode result = Patches.strategicMergePatch(target, patch);

    assertThat(result.path("metadata").path("finalizers").toString()).isEqualTo("[\"b\",\"c\"]");
  }

  @Test
  void strategicPatchUpdatesConfigMapData() throws Exception {
    JsonNode target =
        MAPPER.readTree("{\"data\":{\"a\":\"1\",\"b\":\"2\"},\"metadata\":{\"name\":\"cm\"}}");
    JsonNode patch =
        MAPPER.readTree(
            "{\"data\":{\"a\":null,\"c\":\"3\"},\"metadata\":{\"annotations\":{\"x\":\"y\"}}}");

    JsonNode result = Patches.strategicMergePatch(target, patch);

    assertThat(result)
        .isEqualTo(
            MAPPER.readTree(
                "{\"data\":{\"b\":\"2\",\"c\":\"3\"},"
                    + "\"metadata\":{\"name\":\"cm\",\"annotations\":{\"x\":\"y\"}}}"));
  }

  @Test
  void strategicPatchReplaceAndRetainKeys() throws Exception {
    JsonNode target = MAPPER.readTree("{\"spec\":{\"a\":1,\"b\":2},\"rules\":[{\"x\":1}]}");
    JsonNode patch =
        MAPPER.readTree(
            "{\"spec\":{\"$patch\":\"replace\",\"c\":3},\"rules\":[{\"y\":2}],"
                + "\"other\":{\"$retainKeys\":[\"k\"],\"k\":1,\"drop\":2}}");

    JsonNode result = Patches.strategicMergePatch(target, patch);

    assertThat(result)
        .isEqualTo(
            MAPPER.readTree("{\"spec\":{\"c\":3},\"rules\":[{\"y\":2}],\"other\":{\"k\":1}}"));
  }

  @Test
  void strategicPatchRejectsUnknownDirective() throws Exception {
    JsonNode patch = MAPPER.readTree("{\"spec\":{\"$patch\":\"explode\"}}");

    assertThatThrownBy(() -> Patches.strategicMergePatch(MAPPER.readTree("{}"), patch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("explode");
  }
}
