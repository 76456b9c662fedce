package io.integrationoperator.client.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationoperator.client.catalog.Task;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Builds the request body of a task call from the operation's requestBody.
 *
 * <ul>
 *   <li>JSON media types: the body's compact JSON text.
 *   <li>application/x-www-form-urlencoded: the body must be an object; each property is serialised
 *       like a query parameter, with the style and explode of its Encoding Object (default form,
 *       explode true), and percent-encoded.
 *   <li>multipart/form-data: the body must be an object; each primitive property is one text part,
 *       each array item one part of the property's name, and each object property a JSON part
 *       (Content-Type from its Encoding Object, else application/json).
 *   <li>text types: the body must be a string, number or boolean, sent as UTF-8 text.
 *   <li>other types (for example application/xml, application/octet-stream): the body must be a
 *       string, sent as UTF-8 bytes.
 * </ul>
 */
final class RequestBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestBodies() {}

  /**
   * Returns the body, or null when none is sent.
   *
   * @param requestedType the caller's Content-Type header, or null
   */
  static RequestBody build(Task task, Optional<JsonNode> body, String requestedType)
      throws InvalidTaskInputException {
    io.swagger.v3.oas.models.parameters.RequestBody declared =
        task.operation() == null ? null : task.operation().getRequestBody();
    JsonNode value = body.filter(node -> !node.isNull() && !node.isMissingNode()).orElse(null);
    if (value == null) {
      requireAbsent(task, declared, requestedType);
      return null;
    }
    if (declared == null) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "task '" + task.name() + "' takes no request body; remove the body from the call.");
    }
    Content content = declared.getContent();
    if (content == null || content.isEmpty()) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "task '"
              + task.name()
              + "' declares a request body without media types; add a content entry to the model.");
    }
    String key = chooseKey(content.keySet(), requestedType);
    String sentType = requestedType != null ? requestedType : MediaTypes.contentType(key);
    return encode(key, sentType, content.get(key), value);
  }

  private static void requireAbsent(
      Task task, io.swagger.v3.oas.models.parameters.RequestBody declared, String requestedType)
      throws InvalidTaskInputException {
    if (declared != null && Boolean.TRUE.equals(declared.getRequired())) {
      throw new InvalidTaskInputException(
          "MissingBody",
          "task '" + task.name() + "' requires a request body; give one in the call's body.");
    }
    if (requestedType != null) {
      throw new InvalidTaskInputException(
          "InvalidHeader",
          "header 'Content-Type' describes the request body, but the call has none; remove the"
              + " header or give a body.");
    }
  }

  private static String chooseKey(Set<String> keys, String requestedType)
      throws InvalidTaskInputException {
    if (requestedType == null) {
      return MediaTypes.preferred(keys);
    }
    MediaType requested = MediaType.parse(requestedType);
    if (requested == null) {
      throw new InvalidTaskInputException(
          "InvalidHeader",
          "header 'Content-Type' is not a valid media type; write it as type/subtype, for example"
              + " application/json.");
    }
    return MediaTypes.matching(keys, requested);
  }

  private static RequestBody encode(
      String key, String sentType, io.swagger.v3.oas.models.media.MediaType media, JsonNode value)
      throws InvalidTaskInputException {
    MediaType contentType = MediaType.parse(sentType);
    if (contentType == null) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "the model's media type '"
              + sentType
              + "' for the request body is not a valid media type; correct it in the model.");
    }
    return switch (MediaTypes.kind(key)) {
      case JSON -> RequestBody.create(json(value), contentType);
      case FORM -> RequestBody.create(form(media, value), contentType);
      case MULTIPART -> multipart(media, value, contentType);
      case TEXT -> RequestBody.create(text(value, sentType, true), contentType);
      case RAW -> RequestBody.create(text(value, sentType, false), contentType);
    };
  }

  private static byte[] json(JsonNode value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written as JSON", e);
    }
  }

  private static byte[] text(JsonNode value, String sentType, boolean allowScalars)
      throws InvalidTaskInputException {
    boolean fits = value.isTextual() || (allowScalars && value.isValueNode());
    if (!fits) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "the request body for Content-Type "
              + MediaTypes.essence(sentType)
              + " must be a JSON string holding the text; the value given is "
              + ParameterValues.kind(value)
              + ".");
    }
    return value.asText().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] form(io.swagger.v3.oas.models.media.MediaType media, JsonNode value)
      throws InvalidTaskInputException {
    requireObject(value, "application/x-www-form-urlencoded");
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : value.properties()) {
      ParameterSpec spec = formSpec(media, property.getKey());
      ParameterValue parsed = ParameterValues.read(spec, property.getValue());
      if (parsed != null) {
        pairs.addAll(StyleSerializer.query(spec, parsed));
      }
    }
    return String.join("&", pairs).getBytes(StandardCharsets.US_ASCII);
  }

  private static ParameterSpec formSpec(
      io.swagger.v3.oas.models.media.MediaType media, String property) {
    Encoding encoding =
        media == null || media.getEncoding() == null ? null : media.getEncoding().get(property);
    String style =
        encoding == null || encoding.getStyle() == null ? null : encoding.getStyle().toString();
    Boolean explode = encoding == null ? null : encoding.getExplode();
    return ParameterSpec.formProperty(property, propertySchema(media, property), style, explode);
  }

  private static Schema<?> propertySchema(
      io.swagger.v3.oas.models.media.MediaType media, String property) {
    Schema<?> schema = media == null ? null : media.getSchema();
    Map<String, Schema> properties = schema == null ? null : schema.getProperties();
    return properties == null ? null : properties.get(property);
  }

  private static RequestBody multipart(
      io.swagger.v3.oas.models.media.MediaType media, JsonNode value, MediaType contentType)
      throws InvalidTaskInputException {
    requireObject(value, "multipart/form-data");
    MultipartBody.Builder builder = new MultipartBody.Builder().setType(MultipartBody.FORM);
    if (!"form-data".equals(contentType.subtype().toLowerCase(Locale.ROOT))) {
      builder.setType(MediaType.get(contentType.type() + "/" + contentType.subtype()));
    }
    int parts = 0;
    for (Map.Entry<String, JsonNode> property : value.properties()) {
      for (JsonNode item : partValues(property.getValue())) {
        builder.addFormDataPart(property.getKey(), null, part(media, property.getKey(), item));
        parts++;
      }
    }
    if (parts == 0) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "the multipart request body has no property with a non-null value; give at least one.");
    }
    return builder.build();
  }

  /** Returns the non-null items of an array, or the value itself when it is not null. */
  private static List<JsonNode> partValues(JsonNode value) {
    List<JsonNode> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(values::add);
    } else {
      values.add(value);
    }
    values.removeIf(JsonNode::isNull);
    return values;
  }

  private static RequestBody part(
      io.swagger.v3.oas.models.media.MediaType media, String property, JsonNode item) {
    // TODO: a file (a string property with format binary) is sent as a text part without a
    // filename, because JSON input carries no raw bytes. Base64 input is not decoded.
    if (item.isValueNode()) {
      return RequestBody.create(item.asText().getBytes(StandardCharsets.UTF_8), null);
    }
    Encoding encoding =
        media == null || media.getEncoding() == null ? null : media.getEncoding().get(property);
    String type =
        encoding == null || encoding.getContentType() == null
            ? "application/json"
            : encoding.getContentType();
    MediaType partType = MediaType.parse(type.split(",")[0].strip());
    return RequestBody.create(
        json(item), partType == null ? MediaType.get("application/json") : partType);
  }

  private static void requireObject(JsonNode value, String mediaType)
      throws InvalidTaskInputException {
    if (!value.isObject()) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "the request body for Content-Type "
              + mediaType
              + " must be a JSON object of its fields; the value given is "
              + ParameterValues.kind(value)
              + ".");
    }
  }
}
