package io.integrationoperator.client.request;

import io.integrationoperator.client.catalog.SchemaTypes;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskParameter;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serialisation settings of one parameter, or of one property of a form body.
 *
 * @param name the OpenAPI name
 * @param location path, query, header or cookie; a form body property uses query
 * @param required whether the caller must give it
 * @param type schema type (string, integer, number, boolean, array, object) or empty when unknown
 * @param itemType schema type of array items, or empty when unknown
 * @param style the OpenAPI 3 style, with the location's default when the document names none
 * @param explode the OpenAPI 3 explode flag, true by default only for style form
 * @param allowReserved whether reserved characters stay unencoded in a query value
 * @param collectionFormat the Swagger 2.0 collectionFormat of an array, or null
 * @param contentType the media type of a parameter defined with {@code content}, or null
 * @param bodyProperty true for a property of a form body, which changes error reasons and wording
 */
record ParameterSpec(
    String name,
    String location,
    boolean required,
    String type,
    String itemType,
    String style,
    boolean explode,
    boolean allowReserved,
    String collectionFormat,
    String contentType,
    boolean bodyProperty) {

  /** Returns the specs of the task's parameters, in declaration order. */
  static List<ParameterSpec> of(Task task) {
    List<TaskParameter> parameters = task.parameters();
    List<Parameter> definitions = task.parameterDefinitions();
    List<ParameterSpec> specs = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter definition = i < definitions.size() ? definitions.get(i) : null;
      specs.add(of(parameters.get(i), definition));
    }
    return specs;
  }

  /** Returns the spec of one parameter; {@code definition} may be null. */
  static ParameterSpec of(TaskParameter parameter, Parameter definition) {
    String location = parameter.location();
    if (definition == null) {
      String style = defaultStyle(location);
      return new ParameterSpec(
          parameter.name(),
          location,
          parameter.required(),
          parameter.type(),
          "",
          style,
          style.equals("form"),
          false,
          null,
          null,
          false);
    }
    String style =
        definition.getStyle() == null ? defaultStyle(location) : definition.getStyle().toString();
    boolean explode =
        definition.getExplode() == null ? style.equals("form") : definition.getExplode();
    return new ParameterSpec(
        parameter.name(),
        location,
        parameter.required(),
        parameter.type(),
        SchemaTypes.primaryType(
            definition.getSchema() == null ? null : definition.getSchema().getItems()),
        style,
        explode,
        Boolean.TRUE.equals(definition.getAllowReserved()),
        collectionFormat(definition.getExtensions()),
        firstMediaType(definition.getContent()),
        false);
  }

  /**
   * Returns the spec of one property of an application/x-www-form-urlencoded body, serialised like
   * a query parameter with the given style (form when null) and explode (true for form when null).
   */
  static ParameterSpec formProperty(String name, Schema<?> schema, String style, Boolean explode) {
    String effectiveStyle = style == null ? "form" : style;
    return new ParameterSpec(
        name,
        "query",
        false,
        "",
        "",
        effectiveStyle,
        explode == null ? effectiveStyle.equals("form") : explode,
        false,
        schema == null ? null : collectionFormat(schema.getExtensions()),
        null,
        true);
  }

  /** Returns "parameter 'x'" or "body property 'x'", for messages. */
  String subject() {
    return (bodyProperty ? "body property '" : "parameter '") + name + "'";
  }

  /** Returns the reason for a value of the wrong shape: InvalidBody or InvalidParameter. */
  String invalidReason() {
    return bodyProperty ? "InvalidBody" : "InvalidParameter";
  }

  /** Returns an exception with {@link #invalidReason()} and this message. */
  InvalidTaskInputException invalid(String message) {
    return new InvalidTaskInputException(invalidReason(), message);
  }

  private static String defaultStyle(String location) {
    return switch (location) {
      case "query", "cookie" -> "form";
      default -> "simple";
    };
  }

  private static String collectionFormat(Map<String, Object> extensions) {
    Object format =
        extensions == null ? null : extensions.get(TaskParameter.COLLECTION_FORMAT_EXTENSION);
    return format == null ? null : format.toString().toLowerCase(Locale.ROOT);
  }

  private static String firstMediaType(Content content) {
    return content == null || content.isEmpty() ? null : content.keySet().iterator().next();
  }
}
