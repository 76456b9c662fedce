package io.integrationoperator.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtobufObjectsTest {

  /** Body of {@code kubectl create secret generic petstore-key --from-literal=apiKey=s3cret}. */
  private static final String SECRET =
      "6b3873000a0c0a027631120653656372657412320a1c0a0c70657473746f72652d6b657912001a0022002a00"
          + "32003800420012100a066170694b657912067333637265741a001a002200";

  @Test
  void decodesSecretFromKubectl() throws Exception {
    assertThat(ProtobufObjects.decode(HexFormat.of().parseHex(SECRET)))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    """
                    {"apiVersion": "v1", "kind": "Secret",
                     "metadata": {"name": "petstore-key"},
                     "data": {"apiKey": "czNjcmV0"}, "type": "Opaque"}
                    """));
  }

  @Test
  void rejectsBodyWithoutMagic() {
    assertThatThrownBy(() -> ProtobufObjects.decode(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("magic");
  }

  @Test
  void rejectsUnknownKind() {
    // k8s magic, then TypeMeta {apiVersion: "apps/v1", kind: "Deployment"} and no raw object.
    byte[] deployment =
        HexFormat.of()
            .parseHex("6b387300" + "0a15" + "0a07617070732f7631" + "120a4465706c6f796d656e74");

    assertThatThrownBy(() -> ProtobufObjects.decode(deployment))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Deployment (apps/v1)");
  }

  @Test
  void rejectsTruncatedField() {
    byte[] truncated = HexFormat.of().parseHex("6b387300" + "0a20" + "0a02");

    assertThatThrownBy(() -> ProtobufObjects.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Truncated");
  }
}
