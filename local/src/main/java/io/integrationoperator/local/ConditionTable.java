package io.integrationoperator.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders the conditions of Integrations as a plain-text table, one row per condition, with the
 * Ready condition first so the overall state is on the Integration's first line.
 */
public final class ConditionTable {

  /** Messages are cut to this many characters to keep one condition on one line. */
  static final int MAX_MESSAGE_LENGTH = 100;

  private static final List<String> HEADERS =
      List.of("NAMESPACE", "INTEGRATION", "CONDITION", "STATUS", "REASON", "MESSAGE");

  private ConditionTable() {}

  /** Namespace and name of one Integration. Keys sort by namespace, then name. */
  record Key(String namespace, String name) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byNamespace = namespace.compareTo(other.namespace);
      return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }
  }

  /** Renders the Integrations (as JSON objects) sorted by namespace and name. */
  public static String render(List<JsonNode> integrations) {
    if (integrations.isEmpty()) {
      return "No Integrations.\n";
    }
    return renderChanges(Map.of(), rowsByIntegration(integrations));
  }

  /** Returns the table rows of each Integration, sorted by namespace and name. */
  static SortedMap<Key, List<List<String>>> rowsByIntegration(List<JsonNode> integrations) {
    SortedMap<Key, List<List<String>>> rows = new TreeMap<>();
    for (JsonNode integration : integrations) {
      Key key = new Key(metadata(integration, "namespace"), metadata(integration, "name"));
      rows.put(key, rowsOf(integration));
    }
    return rows;
  }

  /**
   * Renders the rows of the Integrations that are new or whose rows changed since {@code previous},
   * plus one row for each deleted Integration. Returns an empty string when nothing changed.
   */
  static String renderChanges(
      Map<Key, List<List<String>>> previous, SortedMap<Key, List<List<String>>> current) {
    SortedMap<Key, List<List<String>>> changed = new TreeMap<>();
    current.forEach(
        (key, rows) -> {
          if (!rows.equals(previous.get(key))) {
            changed.put(key, rows);
          }
        });
    for (Key key : previous.keySet()) {
      if (!current.containsKey(key)) {
        changed.put(key, List.of(List.of(key.namespace(), key.name(), "-", "-", "-", "deleted")));
      }
    }
    if (changed.isEmpty()) {
      return "";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADERS);
    changed.values().forEach(rows::addAll);
    return format(rows);
  }

  private static List<List<String>> rowsOf(JsonNode integration) {
    String namespace = metadata(integration, "namespace");
    String name = metadata(integration, "name");
    List<JsonNode> conditions = new ArrayList<>();
    integration.path("status").path("conditions").forEach(conditions::add);
    conditions.sort(Comparator.comparing(c -> c.path("type").asText().equals("Ready") ? 0 : 1));
    List<List<String>> rows = new ArrayList<>();
    if (conditions.isEmpty()) {
      rows.add(List.of(namespace, name, "-", "-", "-", "no conditions reported yet"));
      return rows;
    }
    for (JsonNode condition : conditions) {
      boolean first = rows.isEmpty();
      rows.add(
          List.of(
              first ? namespace : "",
              first ? name : "",
              condition.path("type").asText(),
              condition.path("status").asText(),
              condition.path("reason").asText(""),
              shorten(condition.path("message").asText(""))));
    }
    return rows;
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }

  private static String metadata(JsonNode object, String field) {
    return object.path("metadata").path(field).asText("");
  }

  private static String format(List<List<String>> rows) {
    int[] widths = new int[HEADERS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
