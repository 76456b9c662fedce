package io.integrationoperator.local.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the request target handed to the mock server's CRUD store. The store understands only
 * {@code watch}, {@code labelSelector} with equality and existence requirements and {@code
 * fieldSelector} on {@code metadata.name} and {@code metadata.namespace}; other field requirements
 * are applied to the results afterwards. The store also reads the name of a watched object by
 * splitting the query at {@code =}, so selector values keep a literal {@code =}.
 */
final class StoreQuery {

  private StoreQuery() {}

  static String storePath(ApiRequest request) {
    List<String> parameters = new ArrayList<>();
    if (request.isWatch()) {
      parameters.add("watch=true");
    }
    request
        .queryParameter("labelSelector")
        .filter(selector -> !selector.isBlank())
        .ifPresent(selector -> parameters.add("labelSelector=" + encode(selector)));
    request
        .queryParameter("fieldSelector")
        .map(StoreQuery::metadataRequirements)
        .filter(selector -> !selector.isEmpty())
        .ifPresent(selector -> parameters.add("fieldSelector=" + encode(selector)));
    String path = request.path();
    return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
  }

  private static String metadataRequirements(String selector) {
    List<String> kept = new ArrayList<>();
    for (FieldSelector.Requirement requirement : FieldSelector.parse(selector).requirements()) {
      boolean metadata =
          requirement.field().equals("metadata.name")
              || requirement.field().equals("metadata.namespace");
      if (metadata && requirement.equal()) {
        kept.add(requirement.field() + "=" + requirement.value());
      }
    }
    return String.join(",", kept);
  }

  /** Percent-encodes the characters that would end or change a query parameter value. */
  private static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '%' -> encoded.append("%25");
        case '&' -> encoded.append("%26");
        case '#' -> encoded.append("%23");
        case '+' -> encoded.append("%2B");
        case ' ' -> encoded.append("%20");
        default -> encoded.append(c);
      }
    }
    return encoded.toString();
  }
}
