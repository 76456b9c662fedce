package io.integrationoperator.client.catalog;

import io.swagger.models.Operation;
import io.swagger.models.Path;
import io.swagger.models.Swagger;
import io.swagger.models.parameters.Parameter;
import io.swagger.models.parameters.SerializableParameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Copies each Swagger 2.0 array parameter's {@code collectionFormat} into the vendor extension
 * {@link TaskParameter#COLLECTION_FORMAT_EXTENSION} before conversion to OpenAPI 3. The converter
 * copies vendor extensions to the converted parameter (and to the property schema of a formData
 * parameter), so the request builder can serialise every format, including those the converter
 * drops.
 */
final class CollectionFormats {
  /** The format Swagger 2.0 uses when an array parameter names none. */
  private static final String DEFAULT_FORMAT = "csv";

  private CollectionFormats() {}

  /** Tags the global, path-level and operation parameters of the model. */
  static void tag(Swagger swagger) {
    Map<String, Parameter> global = swagger.getParameters();
    if (global != null) {
      tagAll(global.values());
    }
    Map<String, Path> paths = swagger.getPaths();
    if (paths == null) {
      return;
    }
    for (Path path : paths.values()) {
      if (path == null) {
        continue;
      }
      tagAll(path.getParameters());
      for (Operation operation : path.getOperations()) {
        tagAll(operation.getParameters());
      }
    }
  }

  private static void tagAll(Collection<Parameter> parameters) {
    for (Parameter parameter : parameters == null ? List.<Parameter>of() : parameters) {
      if (parameter instanceof SerializableParameter serializable
          && "array".equals(serializable.getType())
          && serializable.getVendorExtensions() != null) {
        String format = serializable.getCollectionFormat();
        serializable
            .getVendorExtensions()
            .put(
                TaskParameter.COLLECTION_FORMAT_EXTENSION,
                format == null ? DEFAULT_FORMAT : format);
      }
    }
  }
}
