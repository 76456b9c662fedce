package io.integrationoperator.client.catalog;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;

/**
 * One callable operation of a document.
 *
 * @param name the operationId, or a name derived from method and path when the operationId is
 *     missing or already taken
 * @param method upper-case HTTP method
 * @param path path template, for example /pet/{petId}
 * @param parameters path-level and operation-level parameters, with $ref resolved
 * @param operation the parsed operation, for building requests
 * @param parameterDefinitions the swagger-parser parameter objects behind {@code parameters}, in
 *     the same order and with $ref resolved, for their style, explode and schema; empty for a task
 *     built by hand without them
 */
public record Task(
    String name,
    String method,
    String path,
    List<TaskParameter> parameters,
    Operation operation,
    List<Parameter> parameterDefinitions) {

  /** Creates a task without parameter definitions: each parameter gets its default style. */
  public Task(
      String name,
      String method,
      String path,
      List<TaskParameter> parameters,
      Operation operation) {
    this(name, method, path, parameters, operation, List.of());
  }
}
