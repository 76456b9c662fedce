package io.integrationoperator.local.apiserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request path of the Kubernetes REST API split into its parts, for example {@code
 * /apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/admin?watch=true}.
 *
 * @param path the path without the query string
 * @param group API group; empty for the core group under {@code /api}
 * @param version API version, or null for {@code /api} and {@code /apis/<group>}
 * @param namespace namespace from {@code /namespaces/<namespace>/}, or null
 * @param plural resource name such as {@code configmaps}, or null for discovery paths
 * @param name object name, or null for collections
 * @param subresource subresource such as {@code status}, or null
 * @param query decoded query parameters; the last value wins
 */
public record ApiRequest(
    String path,
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    Map<String, String> query) {

  /** Parses a request target (path and query) as sent in the HTTP request line. */
  public static ApiRequest parse(String target) {
    int queryStart = target.indexOf('?');
    String path = queryStart < 0 ? target : target.substring(0, queryStart);
    Map<String, String> query =
        queryStart < 0 ? Map.of() : parseQuery(target.substring(queryStart + 1));
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
      }
    }
    return fromSegments(path, segments, query);
  }

  private static ApiRequest fromSegments(
      String path, List<String> segments, Map<String, String> query) {
    if (segments.isEmpty()) {
      return new ApiRequest(path, null, null, null, null, null, null, query);
    }
    String group;
    List<String> rest;
    if (segments.get(0).equals("api")) {
      group = "";
      rest = segments.subList(1, segments.size());
    } else if (segments.get(0).equals("apis") && segments.size() >= 2) {
      group = segments.get(1);
      rest = segments.subList(2, segments.size());
    } else {
      return new ApiRequest(path, null, null, null, null, null, null, query);
    }
    if (rest.isEmpty()) {
      return new ApiRequest(path, group, null, null, null, null, null, query);
    }
    String version = rest.get(0);
    return withResource(path, group, version, rest.subList(1, rest.size()), query);
  }

  private static ApiRequest withResource(
      String path, String group, String version, List<String> rest, Map<String, String> query) {
    String namespace = null;
    // "namespaces/<ns>/<plural>..." addresses a namespaced resource, while "namespaces/<ns>"
    // and "namespaces/<ns>/status" address the Namespace object itself.
    if (rest.size() >= 3
        && rest.get(0).equals("namespaces")
        && !(group.isEmpty() && rest.size() == 3 && isNamespaceSubresource(rest.get(2)))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String plural = rest.size() > 0 ? rest.get(0) : null;
    String name = rest.size() > 1 ? rest.get(1) : null;
    String subresource = rest.size() > 2 ? String.join("/", rest.subList(2, rest.size())) : null;
    return new ApiRequest(path, group, version, namespace, plural, name, subresource, query);
  }

  private static boolean isNamespaceSubresource(String segment) {
    return segment.equals("status") || segment.equals("finalize");
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  /** Returns true for paths below {@code /api} or {@code /apis/<group>/<version>/<plural>}. */
  public boolean isResource() {
    return plural != null;
  }

  /** Returns the group and version in the {@code apiVersion} form, such as {@code v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Returns true when the query requests a watch ({@code watch=true} or {@code watch=1}). */
  public boolean isWatch() {
    String watch = query.get("watch");
    return watch != null && (watch.equals("true") || watch.equals("1"));
  }

  /** Returns the value of a query parameter. */
  public Optional<String> queryParameter(String key) {
    return Optional.ofNullable(query.get(key));
  }

  /** Returns the collection path of this request: no name, no subresource, no query. */
  public String collectionPath() {
    StringBuilder builder = new StringBuilder(group.isEmpty() ? "/api/" : "/apis/" + group + "/");
    builder.append(version);
    if (namespace != null) {
      builder.append("/namespaces/").append(namespace);
    }
    return builder.append('/').append(plural).toString();
  }

  /** Returns the object path of this request, without subresource and query. */
  public String objectPath() {
    return collectionPath() + "/" + name;
  }
}
