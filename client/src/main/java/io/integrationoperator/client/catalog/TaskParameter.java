package io.integrationoperator.client.catalog;

/**
 * One parameter of a task.
 *
 * @param name the OpenAPI parameter name
 * @param location path, query, header or cookie
 * @param required whether the caller must supply it
 * @param type the schema type (string, integer, array, ...), or empty when the schema has none
 */
public record TaskParameter(String name, String location, boolean required, String type) {

  /**
   * Vendor extension that keeps a Swagger 2.0 parameter's {@code collectionFormat} (csv, ssv, tsv,
   * pipes or multi) on the converted OpenAPI 3 parameter or form property schema. swagger-parser's
   * converter maps only some formats to style and explode: it drops tsv entirely, and drops every
   * format of path and header parameters except csv.
   */
  public static final String COLLECTION_FORMAT_EXTENSION =
      "x-integration-operator-collection-format";
}
