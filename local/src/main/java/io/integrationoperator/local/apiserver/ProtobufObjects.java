package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Decodes request bodies in the Kubernetes protobuf encoding ({@code
 * application/vnd.kubernetes.protobuf}) into JSON. kubectl sends built-in kinds this way from its
 * typed commands, such as {@code kubectl create secret generic} and {@code kubectl create
 * configmap}.
 *
 * <p>The encoding is the 4-byte magic {@code k8s\0} followed by a {@code runtime.Unknown} message
 * whose {@code raw} field contains the object. Field numbers come from the {@code generated.proto}
 * files of {@code k8s.io/api} and {@code k8s.io/apimachinery} (v1.32). Only the kinds in {@link
 * #KINDS} are known; their fields that create requests carry are decoded, others are skipped.
 */
public final class ProtobufObjects {

  /** Media type of the Kubernetes protobuf encoding. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private enum Type {
    STRING,
    BYTES,
    INT64,
    BOOL,
    MESSAGE,
    STRING_MAP,
    BYTES_MAP,
    STRING_LIST,
    MESSAGE_LIST
  }

  private record Field(String name, Type type, Map<Integer, Field> message) {
    static Field of(String name, Type type) {
      return new Field(name, type, null);
    }

    static Field message(String name, Map<Integer, Field> message) {
      return new Field(name, Type.MESSAGE, message);
    }

    static Field messages(String name, Map<Integer, Field> message) {
      return new Field(name, Type.MESSAGE_LIST, message);
    }
  }

  private static final Map<Integer, Field> TYPE_META =
      Map.of(1, Field.of("apiVersion", Type.STRING), 2, Field.of("kind", Type.STRING));

  private static final Map<Integer, Field> OWNER_REFERENCE =
      Map.of(
          1, Field.of("kind", Type.STRING),
          3, Field.of("name", Type.STRING),
          4, Field.of("uid", Type.STRING),
          5, Field.of("apiVersion", Type.STRING),
          6, Field.of("controller", Type.BOOL),
          7, Field.of("blockOwnerDeletion", Type.BOOL));

  private static final Map<Integer, Field> OBJECT_META =
      Map.of(
          1, Field.of("name", Type.STRING),
          2, Field.of("generateName", Type.STRING),
          3, Field.of("namespace", Type.STRING),
          5, Field.of("uid", Type.STRING),
          6, Field.of("resourceVersion", Type.STRING),
          11, Field.of("labels", Type.STRING_MAP),
          12, Field.of("annotations", Type.STRING_MAP),
          13, Field.messages("ownerReferences", OWNER_REFERENCE),
          14, Field.of("finalizers", Type.STRING_LIST));

  private static final Field METADATA = Field.message("metadata", OBJECT_META);

  private static final Map<Integer, Field> POLICY_RULE =
      Map.of(
          1, Field.of("verbs", Type.STRING_LIST),
          2, Field.of("apiGroups", Type.STRING_LIST),
          3, Field.of("resources", Type.STRING_LIST),
          4, Field.of("resourceNames", Type.STRING_LIST),
          5, Field.of("nonResourceURLs", Type.STRING_LIST));

  private static final Map<Integer, Field> OBJECT_REFERENCE =
      Map.of(
          1, Field.of("kind", Type.STRING),
          2, Field.of("namespace", Type.STRING),
          3, Field.of("name", Type.STRING),
          4, Field.of("uid", Type.STRING),
          5, Field.of("apiVersion", Type.STRING));

  private static final Map<Integer, Field> ROLE_BINDING =
      Map.of(
          1,
          METADATA,
          2,
          Field.messages(
              "subjects",
              Map.of(
                  1, Field.of("kind", Type.STRING),
                  2, Field.of("apiGroup", Type.STRING),
                  3, Field.of("name", Type.STRING),
                  4, Field.of("namespace", Type.STRING))),
          3,
          Field.message(
              "roleRef",
              Map.of(
                  1, Field.of("apiGroup", Type.STRING),
                  2, Field.of("kind", Type.STRING),
                  3, Field.of("name", Type.STRING))));

  /** Known kinds by {@code apiVersion/kind}. */
  static final Map<String, Map<Integer, Field>> KINDS =
      Map.of(
          "v1/Secret",
          Map.of(
              1, METADATA,
              2, Field.of("data", Type.BYTES_MAP),
              3, Field.of("type", Type.STRING),
              4, Field.of("stringData", Type.STRING_MAP),
              5, Field.of("immutable", Type.BOOL)),
          "v1/ConfigMap",
          Map.of(
              1, METADATA,
              2, Field.of("data", Type.STRING_MAP),
              3, Field.of("binaryData", Type.BYTES_MAP),
              4, Field.of("immutable", Type.BOOL)),
          "v1/Namespace",
          Map.of(
              1,
              METADATA,
              2,
              Field.message("spec", Map.of(1, Field.of("finalizers", Type.STRING_LIST)))),
          "v1/ServiceAccount",
          Map.of(
              1, METADATA,
              2, Field.messages("secrets", OBJECT_REFERENCE),
              4, Field.of("automountServiceAccountToken", Type.BOOL)),
          "rbac.authorization.k8s.io/v1/Role",
          Map.of(1, METADATA, 2, Field.messages("rules", POLICY_RULE)),
          "rbac.authorization.k8s.io/v1/ClusterRole",
          Map.of(1, METADATA, 2, Field.messages("rules", POLICY_RULE)),
          "rbac.authorization.k8s.io/v1/RoleBinding",
          ROLE_BINDING,
          "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
          ROLE_BINDING);

  private ProtobufObjects() {}

  /**
   * Decodes one object.
   *
   * @throws IllegalArgumentException when the body is not in the Kubernetes protobuf encoding
   * @throws UnsupportedOperationException when the kind is not one of {@link #KINDS}
   */
  public static ObjectNode decode(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, 4, MAGIC, 0, 4)) {
      throw new IllegalArgumentException("Protobuf body does not start with the k8s magic");
    }
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    byte[] raw = readEnvelope(new Reader(body, MAGIC.length, body.length), envelope);
    String apiVersion = envelope.path("apiVersion").asText("");
    String kind = envelope.path("kind").asText("");
    Map<Integer, Field> schema = KINDS.get(apiVersion + "/" + kind);
    if (schema == null) {
      throw new UnsupportedOperationException(
          "local mode cannot decode " + kind + " (" + apiVersion + ") sent as protobuf");
    }

    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    readMessage(new Reader(raw, 0, raw.length), schema, object);
    if (kind.equals("Secret") && !object.has("type")) {
      // The API server's default for Secrets without a type.
      object.put("type", "Opaque");
    }
    return object;
  }

  /**
   * Reads the {@code runtime.Unknown} envelope: puts {@code apiVersion} and {@code kind} into the
   * given node and returns the {@code raw} bytes of the object.
   */
  private static byte[] readEnvelope(Reader unknown, ObjectNode typeMeta) {
    byte[] raw = new byte[0];
    while (unknown.hasMore()) {
      int tag = unknown.varint32();
      if (tag >>> 3 == 1 && (tag & 7) == 2) {
        readMessage(unknown.lengthDelimited(), TYPE_META, typeMeta);
      } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip(tag & 7);
      }
    }
    return raw;
  }

  private static void readMessage(Reader reader, Map<Integer, Field> schema, ObjectNode into) {
    while (reader.hasMore()) {
      int tag = reader.varint32();
      Field field = schema.get(tag >>> 3);
      if (field == null) {
        reader.skip(tag & 7);
        continue;
      }
      readField(reader, field, into);
    }
  }

  private static void readField(Reader reader, Field field, ObjectNode into) {
    switch (field.type()) {
      case STRING -> {
        // Protobuf cannot tell an empty string from an unset one; JSON clients omit both.
        String value = reader.string();
        if (!value.isEmpty()) {
          into.put(field.name(), value);
        }
      }
      case BYTES -> into.put(field.name(), Base64.getEncoder().encodeToString(reader.bytes()));
      case INT64 -> into.put(field.name(), reader.varint());
      case BOOL -> into.put(field.name(), reader.varint() != 0);
      case MESSAGE ->
          readMessage(reader.lengthDelimited(), field.message(), into.with(field.name()));
      case STRING_MAP, BYTES_MAP -> readMapEntry(reader.lengthDelimited(), field, into);
      case STRING_LIST -> into.withArray(field.name()).add(reader.string());
      case MESSAGE_LIST -> {
        ArrayNode list = into.withArray(field.name());
        readMessage(reader.lengthDelimited(), field.message(), list.addObject());
      }
    }
  }

  private static void readMapEntry(Reader entry, Field field, ObjectNode into) {
    String key = "";
    String value = "";
    while (entry.hasMore()) {
      int tag = entry.varint32();
      if (tag >>> 3 == 1) {
        key = entry.string();
      } else if (tag >>> 3 == 2) {
        byte[] bytes = entry.bytes();
        value =
            field.type() == Type.BYTES_MAP
                ? Base64.getEncoder().encodeToString(bytes)
                : new String(bytes, StandardCharsets.UTF_8);
      } else {
        entry.skip(tag & 7);
      }
    }
    into.with(field.name()).put(key, value);
  }

  /** Reads protobuf wire-format values from a byte range. */
  private static final class Reader {
    private final byte[] data;
    private final int end;
    private int position;

    Reader(byte[] data, int start, int end) {
      this.data = data;
      this.position = start;
      this.end = end;
    }

    boolean hasMore() {
      return position < end;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= end) {
          throw new IllegalArgumentException("Truncated protobuf varint");
        }
        byte b = data[position++];
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("Invalid protobuf varint");
    }

    int varint32() {
      return (int) varint();
    }

    byte[] bytes() {
      int length = varint32();
      if (length < 0 || position + length > end) {
        throw new IllegalArgumentException("Truncated protobuf field");
      }
      byte[] bytes = Arrays.copyOfRange(data, position, position + length);
      position += length;
      return bytes;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Reader lengthDelimited() {
      int length = varint32();
      if (length < 0 || position + length > end) {
        throw new IllegalArgumentException("Truncated protobuf message");
      }
      Reader nested = new Reader(data, position, position + length);
      position += length;
      return nested;
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> position += 8;
        case 2 -> {
          // Read the length first: "position += varint32()" would add it to the old position.
          int length = varint32();
          position += length;
        }
        case 5 -> position += 4;
        default -> throw new IllegalArgumentException("Unsupported protobuf wire type " + wireType);
      }
    }
  }
}
