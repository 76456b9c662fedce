package io.integrationoperator.client.catalog;

/**
 * One parameter of a task.
 *
 * @param name the OpenAPI parameter name
 * @param location path, query, header or cookie
 * @param required whether the caller must supply it
 * @param type the schema type (string, integer, array, ...), or empty when the schema has none
 */
public record TaskParameter(String name, String location, boolean required, String type) {}
