package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.client.catalog.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the HTTP request of one task call from the task's OpenAPI operation and the caller's
 * inputs. Authentication is not applied here; the caller adds it to the returned request.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Each entry of {@code parameters} is matched by its exact OpenAPI name against the task's
 *       parameters (path-level merged with operation-level, the operation's winning). A name the
 *       task does not declare is rejected as UnknownParameter, listing the known names in sorted
 *       order. When several locations declare the same name, the value goes to each of them.
 *   <li>A required parameter (every path parameter) without a value, or with JSON null, is
 *       MissingParameter. An optional parameter with JSON null is left out.
 *   <li>Values are checked against the schema type ({@link ParameterValues}) and serialised with
 *       the parameter's style and explode, or the Swagger 2.0 collectionFormat ({@link
 *       StyleSerializer}). Path, query and cookie names and values are percent-encoded, so a value
 *       cannot change the host, add a path segment, start a query or fragment, add a query
 *       parameter or end a cookie. A path value that is empty, that has {@code .} or {@code ..}
 *       between slashes or backslashes, or that forms such a segment with the template, is
 *       InvalidParameter.
 *   <li>Header parameters and the caller's {@code headers} are checked by {@link HeaderRules}: no
 *       CR, LF, other control or non-ASCII characters, and none of the headers reserved for
 *       authentication, cookies and the HTTP client. A caller header that repeats a header
 *       parameter's name is rejected, since the parameter carries it.
 *   <li>The body is encoded for a media type of the operation's requestBody ({@link
 *       RequestBodies}): the caller's Content-Type header picks it, otherwise JSON is preferred.
 *       POST, PUT and PATCH without a body are sent with an empty body, since HTTP/1.1 clients must
 *       send a length for them.
 *   <li>The URL is the base URL's path joined with the operation's path by exactly one slash
 *       ({@link RequestUrls}).
 * </ul>
 *
 * Error messages name the parameter or header and never contain a value.
 */
public final class TaskRequestBuilder {
  /** Methods for which OkHttp requires a body. */
  private static final Set<String> METHODS_NEEDING_BODY = Set.of("POST", "PUT", "PATCH");

  /** Methods for which OkHttp rejects a body. */
  private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "HEAD");

  private TaskRequestBuilder() {}

  /**
   * Builds the request for {@code task} below {@code baseUrl} (the Integration's effective base
   * URL, for example https://h:8443/api/v3).
   *
   * @throws InvalidTaskInputException when the inputs do not fit the operation; its reason is one
   *     of the closed set that {@link InvalidTaskInputException} lists
   * @throws IllegalArgumentException when {@code baseUrl} is not an http or https URL
   */
  public static Request build(Task task, String baseUrl, TaskInput input)
      throws InvalidTaskInputException {
    List<ParameterSpec> specs = ParameterSpec.of(task);
    rejectUnknown(specs, input.parameters());
    requirePresent(specs, input.parameters());

    Placement placement = new Placement();
    for (ParameterSpec spec : specs) {
      ParameterValue value = ParameterValues.read(spec, input.parameters().get(spec.name()));
      if (value != null) {
        placement.add(spec, value);
      }
    }

    String requestedType = contentType(input.headers());
    Headers headers = headers(specs, input.headers(), placement);
    RequestBody body = RequestBodies.build(task, input.body(), requestedType);
    HttpUrl url = RequestUrls.build(baseUrl, task.path(), placement.pathValues, placement.query);
    return new Request.Builder()
        .url(url)
        .headers(headers)
        .method(task.method(), bodyFor(task, body))
        .build();
  }

  private static void rejectUnknown(List<ParameterSpec> specs, Map<String, JsonNode> values)
      throws InvalidTaskInputException {
    Set<String> known = new TreeSet<>();
    specs.forEach(spec -> known.add(spec.name()));
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (unknown.isEmpty()) {
      return;
    }
    List<String> quoted = unknown.stream().map(name -> "'" + Names.quoted(name) + "'").toList();
    String knownText =
        known.isEmpty()
            ? "the task takes no parameters"
            : "known parameters: " + String.join(", ", known);
    throw new InvalidTaskInputException(
        "UnknownParameter",
        (quoted.size() == 1 ? "unknown parameter " : "unknown parameters ")
            + String.join(", ", quoted)
            + "; "
            + knownText);
  }

  private static void requirePresent(List<ParameterSpec> specs, Map<String, JsonNode> values)
      throws InvalidTaskInputException {
    Set<String> missing = new TreeSet<>();
    for (ParameterSpec spec : specs) {
      JsonNode value = values.get(spec.name());
      if (spec.required() && (value == null || value.isNull() || value.isMissingNode())) {
        missing.add(spec.name() + " (" + spec.location() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidTaskInputException(
          "MissingParameter",
          (missing.size() == 1 ? "missing required parameter " : "missing required parameters ")
              + String.join(", ", missing)
              + "; give a value for each in parameters");
    }
  }

  /** Returns the caller's Content-Type header, matched case-insensitively, or null. */
  private static String contentType(Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if ("content-type".equalsIgnoreCase(header.getKey())) {
        return header.getValue();
      }
    }
    return null;
  }

  private static Headers headers(
      List<ParameterSpec> specs, Map<String, String> callerHeaders, Placement placement)
      throws InvalidTaskInputException {
    Set<String> parameterHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    specs.stream()
        .filter(s -> s.location().equals("header"))
        .forEach(s -> parameterHeaders.add(s.name()));
    Headers.Builder builder = new Headers.Builder();
    addCallerHeaders(builder, callerHeaders, parameterHeaders);
    for (Map.Entry<String, String> header : placement.headers.entrySet()) {
      builder.add(header.getKey(), header.getValue());
    }
    if (!placement.cookies.isEmpty()) {
      builder.add("Cookie", String.join("; ", placement.cookies));
    }
    return builder.build();
  }

  /** Adds the caller's headers except Content-Type, which only picks the body's media type. */
  private static void addCallerHeaders(
      Headers.Builder builder, Map<String, String> callerHeaders, Set<String> parameterHeaders)
      throws InvalidTaskInputException {
    for (Map.Entry<String, String> header : callerHeaders.entrySet()) {
      String name = header.getKey();
      String value = header.getValue() == null ? "" : header.getValue();
      if ("content-type".equalsIgnoreCase(name)) {
        HeaderRules.checkValue(name, value);
        continue;
      }
      HeaderRules.checkName(name);
      HeaderRules.checkValue(name, value);
      if (parameterHeaders.contains(name)) {
        throw new InvalidTaskInputException(
            "InvalidHeader",
            "header '" + name + "' is a parameter of the task; pass it in parameters instead.");
      }
      builder.add(name, value);
    }
  }

  private static RequestBody bodyFor(Task task, RequestBody body) throws InvalidTaskInputException {
    String method = task.method().toUpperCase(Locale.ROOT);
    if (body == null) {
      return METHODS_NEEDING_BODY.contains(method) ? RequestBody.create(new byte[0], null) : null;
    }
    if (METHODS_WITHOUT_BODY.contains(method)) {
      throw new InvalidTaskInputException(
          "InvalidBody",
          "task '"
              + task.name()
              + "' uses "
              + method
              + ", which cannot carry a request body here; remove the body from the call.");
    }
    return body;
  }

  /** Serialised parameters, gathered by location. */
  private static final class Placement {
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<String> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();

    void add(ParameterSpec spec, ParameterValue value) throws InvalidTaskInputException {
      switch (spec.location()) {
        case "path" -> pathValues.put(spec.name(), pathValue(spec, value));
        case "query" -> query.addAll(StyleSerializer.query(spec, value));
        case "header" -> headers.put(spec.name(), headerValue(spec, value));
        case "cookie" -> cookies.addAll(StyleSerializer.cookie(spec, value));
        default ->
            throw new InvalidTaskInputException(
                "InvalidParameter",
                spec.subject()
                    + " has the location '"
                    + spec.location()
                    + "', which is not path, query, header or cookie; correct the model.");
      }
    }

    private static String pathValue(ParameterSpec spec, ParameterValue value)
        throws InvalidTaskInputException {
      rejectDotSegments(spec, value);
      String encoded = StyleSerializer.path(spec, value);
      if (encoded.isEmpty()) {
        throw spec.invalid(
            spec.subject()
                + " is empty, and an empty path value would address another resource; give a"
                + " non-empty value.");
      }
      return encoded;
    }

    /**
     * Rejects a path value with a {@code .} or {@code ..} piece between slashes or backslashes. The
     * value is sent with {@code %2F} and {@code %5C}, but some servers (nginx among them) decode
     * {@code %2F} before they resolve dot segments, and IIS treats a backslash as a slash, so
     * {@code ../admin} would reach another path there.
     */
    private static void rejectDotSegments(ParameterSpec spec, ParameterValue value)
        throws InvalidTaskInputException {
      List<String> texts = new ArrayList<>();
      if (value instanceof ParameterValue.Primitive primitive) {
        texts.add(primitive.text());
      } else if (value instanceof ParameterValue.Items items) {
        texts.addAll(items.texts());
      } else if (value instanceof ParameterValue.Properties properties) {
        texts.addAll(properties.texts().keySet());
        texts.addAll(properties.texts().values());
      }
      for (String text : texts) {
        for (String piece : text.split("[/\\\\]", -1)) {
          if (piece.equals(".") || piece.equals("..")) {
            throw spec.invalid(
                "path parameter '"
                    + spec.name()
                    + "' contains the path segment '"
                    + piece
                    + "', which a server could resolve to another path; give a value without"
                    + " '.' or '..' between slashes.");
          }
        }
      }
    }

    private static String headerValue(ParameterSpec spec, ParameterValue value)
        throws InvalidTaskInputException {
      HeaderRules.checkName(spec.name());
      String text = StyleSerializer.header(spec, value);
      HeaderRules.checkValue(spec.name(), text);
      return text;
    }
  }
}
