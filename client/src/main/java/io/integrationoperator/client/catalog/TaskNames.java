package io.integrationoperator.client.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives task names for operations that have no usable operationId.
 *
 * <p>Rule: the lower-case method, then each path segment with its template braces removed, joined
 * by {@code _}. Every run of characters other than ASCII letters and digits becomes one {@code _},
 * and leading or trailing {@code _} are dropped. Letter case is kept. Examples: {@code GET
 * /pet/{petId}} gives {@code get_pet_petId}, {@code GET /apis/apps/v1/} gives {@code
 * get_apis_apps_v1}, {@code GET /} gives {@code get}. When that name is taken, the first free of
 * {@code _2}, {@code _3}, ... is appended.
 */
final class TaskNames {
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");

  private TaskNames() {}

  /** Derives the name from method and path alone, without looking at other names. */
  static String derive(String method, String path) {
    String joined = method.toLowerCase(Locale.ROOT) + "_" + path.replace("{", "").replace("}", "");
    String sanitised = SEPARATORS.matcher(joined).replaceAll("_");
    int start = 0;
    int end = sanitised.length();
    while (start < end && sanitised.charAt(start) == '_') {
      start++;
    }
    while (end > start && sanitised.charAt(end - 1) == '_') {
      end--;
    }
    return sanitised.substring(start, end);
  }

  /**
   * Returns {@code name}, or {@code name_N} with the smallest N from 2 not in {@code taken}.
   *
   * @param nextSuffix the first N worth trying per name, updated here. Names are never released, so
   *     starting there gives the same result as starting at 2, without a quadratic search when many
   *     operations derive the same name.
   */
  static String unique(String name, Set<String> taken, Map<String, Integer> nextSuffix) {
    if (!taken.contains(name)) {
      return name;
    }
    int suffix = nextSuffix.getOrDefault(name, 2);
    while (taken.contains(name + "_" + suffix)) {
      suffix++;
    }
    nextSuffix.put(name, suffix + 1);
    return name + "_" + suffix;
  }
}
