package io.integrationoperator.client.catalog;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Objects;
import java.util.Set;

/** Reads the JSON Schema type of an OpenAPI schema as swagger-parser stores it. */
public final class SchemaTypes {

  private SchemaTypes() {}

  /**
   * Returns the schema's type: {@code type} in OpenAPI 3.0, or the first type other than null of an
   * OpenAPI 3.1 type list such as [string, null]. Returns "" for no schema, a $ref left unresolved,
   * or a schema without a type.
   */
  public static String primaryType(Schema<?> schema) {
    if (schema == null) {
      return "";
    }
    if (schema.getType() != null) {
      return schema.getType();
    }
    Set<String> types = schema.getTypes();
    if (types == null) {
      return "";
    }
    return types.stream()
        .filter(Objects::nonNull)
        .filter(t -> !t.equals("null"))
        .findFirst()
        .orElse("");
  }
}
