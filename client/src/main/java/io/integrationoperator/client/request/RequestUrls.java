package io.integrationoperator.client.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Joins the base URL with an operation's path template and query.
 *
 * <p>The base URL's path and the template are joined with exactly one slash: {@code
 * https://h/api/v3} and {@code https://h/api/v3/} both give {@code https://h/api/v3/pet/1} for
 * {@code /pet/{petId}}, a base without a path gives {@code https://h/pet/1}, and the template
 * {@code /} gives {@code https://h/api/v3/}. The query is the base URL's query, then a query
 * written in the template after {@code ?} (as in {@code /{Bucket}?acl}), then the parameters'
 * pairs. The base URL's fragment and a template's {@code #...} are dropped.
 *
 * <p>Path values arrive percent-encoded, so they cannot add segments. A segment that would be
 * {@code .} or {@code ..} after substitution is rejected, because OkHttp's HttpUrl removes such
 * segments (also when written as {@code %2E}) and so would move the request to another path.
 */
final class RequestUrls {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

  private RequestUrls() {}

  /**
   * Returns the URL.
   *
   * @param pathValues encoded path values by parameter name
   * @param queryPairs encoded {@code name=value} pairs in order
   * @throws IllegalArgumentException when the base URL is not an http or https URL
   */
  static HttpUrl build(
      String baseUrl, String template, Map<String, String> pathValues, List<String> queryPairs)
      throws InvalidTaskInputException {
    HttpUrl base = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    if (base == null) {
      throw new IllegalArgumentException("the base URL is not a valid http or https URL");
    }
    Template parts = Template.split(template);
    String basePath = base.encodedPath().replaceAll("/+$", "");
    String path = basePath + substitute(parts.path(), pathValues);
    List<String> query = new ArrayList<>(parts.query());
    query.addAll(queryPairs);
    HttpUrl url =
        base.newBuilder().encodedPath(path).encodedQuery(query(base, query)).fragment(null).build();
    // Values cannot form dot segments (checked above), so a lost segment comes from the template.
    if (url.pathSize() != path.substring(1).split("/", -1).length) {
      throw new InvalidTaskInputException(
          "InvalidPath",
          "the path template "
              + template
              + " has a '.' or '..' segment, which the HTTP client removes; correct the path in"
              + " the model.");
    }
    return url;
  }

  /**
   * A path template split into its path, starting with a slash, and the query written after a
   * {@code ?}, if any.
   */
  private record Template(String path, List<String> query) {
    static Template split(String template) {
      String path = withoutFragment(template);
      List<String> query = new ArrayList<>();
      int question = path.indexOf('?');
      if (question >= 0) {
        query.add(path.substring(question + 1));
        path = path.substring(0, question);
      }
      return new Template(path.startsWith("/") ? path : "/" + path, query);
    }
  }

  /**
   * Returns the template up to a {@code #}. Some generated documents (for example APIs.guru's AWS
   * descriptions, {@code /v1/tags/{resource-arn}#tagKeys}) add {@code #...} to keep path keys
   * unique; a fragment is never part of a request.
   */
  private static String withoutFragment(String template) {
    int hash = template.indexOf('#');
    return hash < 0 ? template : template.substring(0, hash);
  }

  /** Replaces each {@code {name}} of the template, segment by segment. */
  static String substitute(String template, Map<String, String> pathValues)
      throws InvalidTaskInputException {
    List<String> segments = new ArrayList<>();
    for (String segment : template.split("/", -1)) {
      segments.add(substituteSegment(template, segment, pathValues));
    }
    return String.join("/", segments);
  }

  private static String substituteSegment(
      String template, String segment, Map<String, String> pathValues)
      throws InvalidTaskInputException {
    Matcher matcher = PLACEHOLDER.matcher(segment);
    StringBuilder result = new StringBuilder();
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = pathValues.get(name);
      if (value == null) {
        throw new InvalidTaskInputException(
            "MissingParameter",
            "the path template "
                + template
                + " has the placeholder {"
                + name
                + "}, but the task declares no path parameter of that name; correct the model.");
      }
      names.add(name);
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    String substituted = result.toString();
    if (!names.isEmpty() && (substituted.equals(".") || substituted.equals(".."))) {
      throw new InvalidTaskInputException(
          "InvalidParameter",
          "path parameter '"
              + String.join("', '", names)
              + "' forms the path segment '"
              + substituted
              + "', which would address another path; give a different value.");
    }
    return substituted;
  }

  private static String query(HttpUrl base, List<String> queryPairs) {
    List<String> parts = new ArrayList<>();
    if (base.encodedQuery() != null && !base.encodedQuery().isEmpty()) {
      parts.add(base.encodedQuery());
    }
    parts.addAll(queryPairs);
    return parts.isEmpty() ? null : String.join("&", parts);
  }
}
