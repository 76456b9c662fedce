package io.integrationoperator.client.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the HTTP request of a task from the caller's input: path parameters percent-encoded as
 * whole path segments, query and header parameters, and a JSON body.
 */
// TODO: replaced by the full request builder
public final class TaskRequestBuilder {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private TaskRequestBuilder() {}

  /**
   * Builds the request.
   *
   * @param baseUrl the Integration's base URL, to which the task path is appended
   * @throws InvalidTaskInputException on an unknown or missing parameter, or a header value with CR
   *     or LF
   */
  public static Request build(Task task, String baseUrl, TaskInput input)
      throws InvalidTaskInputException {
    checkParameterNames(task, input);
    HttpUrl base = HttpUrl.parse(baseUrl);
    if (base == null) {
      throw new InvalidTaskInputException(
          "InvalidBaseUrl", "The base URL " + baseUrl + " is not a valid http or https URL.");
    }
    HttpUrl.Builder url = base.newBuilder();
    addPath(url, task, input.parameters());
    Request.Builder request = new Request.Builder();
    for (TaskParameter parameter : task.parameters()) {
      JsonNode value = input.parameters().get(parameter.name());
      if (value == null) {
        continue;
      }
      switch (parameter.location()) {
        case "query" -> url.addQueryParameter(parameter.name(), text(value));
        case "header" -> request.header(parameter.name(), headerValue(parameter.name(), value));
        case "cookie" ->
            request.addHeader("Cookie", parameter.name() + "=" + headerValue("Cookie", value));
        default -> {
          // Path parameters were placed by addPath.
        }
      }
    }
    for (Map.Entry<String, String> header : input.headers().entrySet()) {
      request.header(header.getKey(), headerValue(header.getKey(), header.getValue()));
    }
    return request.url(url.build()).method(task.method(), body(task, input)).build();
  }

  private static void checkParameterNames(Task task, TaskInput input)
      throws InvalidTaskInputException {
    List<String> known = task.parameters().stream().map(TaskParameter::name).toList();
    for (String name : input.parameters().keySet()) {
      if (!known.contains(name)) {
        throw new InvalidTaskInputException(
            "UnknownParameter",
            "Task "
                + task.name()
                + " has no parameter "
                + name
                + "; its parameters are "
                + known
                + ".");
      }
    }
    for (TaskParameter parameter : task.parameters()) {
      if (parameter.required() && !input.parameters().containsKey(parameter.name())) {
        throw new InvalidTaskInputException(
            "MissingParameter",
            "Task "
                + task.name()
                + " requires the "
                + parameter.location()
                + " parameter "
                + parameter.name()
                + "; add it to parameters.");
      }
    }
  }

  private static void addPath(HttpUrl.Builder url, Task task, Map<String, JsonNode> values)
      throws InvalidTaskInputException {
    for (String segment : task.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String filled = segment;
      for (TaskParameter parameter : task.parameters()) {
        String placeholder = "{" + parameter.name() + "}";
        if ("path".equals(parameter.location()) && filled.contains(placeholder)) {
          String value = text(values.get(parameter.name()));
          if (value.equals(".") || value.equals("..")) {
            throw new InvalidTaskInputException(
                "InvalidParameter",
                "Path parameter " + parameter.name() + " must not be . or ..; pass another value.");
          }
          filled = filled.replace(placeholder, value);
        }
      }
      // addPathSegment percent-encodes '/', '?' and '#', so a value stays within its segment.
      url.addPathSegment(filled);
    }
  }

  private static RequestBody body(Task task, TaskInput input) {
    if (input.body().isPresent()) {
      return RequestBody.create(input.body().get().toString(), JSON);
    }
    return METHODS_WITH_BODY.contains(task.method()) ? RequestBody.create(new byte[0]) : null;
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      return String.join(",", items);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String headerValue(String name, JsonNode value) throws InvalidTaskInputException {
    return headerValue(name, text(value));
  }

  private static String headerValue(String name, String value) throws InvalidTaskInputException {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new InvalidTaskInputException(
          "InvalidHeader", "The value of header " + name + " contains CR or LF; remove them.");
    }
    return value;
  }
}
