package io.integrationoperator.client.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the x-itential-parameters extension of a security scheme: a list of extra parameters of
 * token, refresh or key requests, each an object with {@code name}, {@code in} (header, body or
 * query) and {@code x-itential-use-in} (token, refresh or key, or a list of them). Each parameter
 * becomes two scheme details, named as {@link SecuritySchemeInfo} lists; entries without a name or
 * without {@code in} are left out with a warning.
 */
final class ItentialParameters {

  /** Extension name on a security scheme object. */
  static final String EXTENSION = "x-itential-parameters";

  private static final String USE_IN = "x-itential-use-in";

  private ItentialParameters() {}

  /**
   * Adds the details of each parameter in {@code extension}.
   *
   * @param path JSON path of the extension, used in warnings
   */
  static void put(
      Map<String, String> details, Object extension, String path, List<String> warnings) {
    if (extension == null) {
      return;
    }
    if (!(extension instanceof List<?> entries)) {
      warnings.add(path + ": x-itential-parameters is not a list, so it is ignored.");
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = JsonPaths.index(path, i);
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        warnings.add(entryPath + ": the parameter is not an object, so it is ignored.");
        continue;
      }
      Object name = entry.get("name");
      Object in = entry.get("in");
      if (!(name instanceof String text) || text.isBlank() || !(in instanceof String)) {
        warnings.add(entryPath + ": the parameter has no name or no 'in', so it is ignored.");
        continue;
      }
      String prefix = SecuritySchemeInfo.PARAMETERS_PREFIX + text;
      details.put(prefix + SecuritySchemeInfo.PARAMETER_IN_SUFFIX, lowerCase(in));
      details.put(prefix + SecuritySchemeInfo.PARAMETER_USE_IN_SUFFIX, usages(entry.get(USE_IN)));
    }
  }

  /** Returns the usages as a comma-separated list in lower case; a single string is one usage. */
  private static String usages(Object useIn) {
    List<String> values = new ArrayList<>();
    if (useIn instanceof List<?> list) {
      list.stream().filter(v -> v instanceof String).forEach(v -> values.add(lowerCase(v)));
    } else if (useIn instanceof String) {
      values.add(lowerCase(useIn));
    }
    return String.join(",", values);
  }

  private static String lowerCase(Object value) {
    return value.toString().trim().toLowerCase(Locale.ROOT);
  }
}
