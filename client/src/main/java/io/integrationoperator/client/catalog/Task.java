package io.integrationoperator.client.catalog;

import io.swagger.v3.oas.models.Operation;
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
 */
public record Task(
    String name, String method, String path, List<TaskParameter> parameters, Operation operation) {}
