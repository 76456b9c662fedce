package io.integrationoperator.operator.leak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds credential values (markers) in text such as log records, status JSON or Events. */
final class MarkerScan {
  private final List<String> markers;

  private MarkerScan(List<String> markers) {
    this.markers = markers;
  }

  /**
   * Creates a scan for these values. A value shorter than 8 characters is rejected because it would
   * match ordinary text.
   */
  static MarkerScan of(Collection<String> markers) {
    for (String marker : markers) {
      if (marker.length() < 8) {
        throw new IllegalArgumentException(
            "marker of " + marker.length() + " characters is too short to scan for");
      }
    }
    return new MarkerScan(List.copyOf(markers));
  }

  /**
   * Returns one finding per text and marker it contains, as "where: marker in start | excerpt". The
   * start is the first 80 characters of the text (for a log record, its level and logger), and the
   * excerpt shows up to 200 characters around the first occurrence.
   */
  List<String> findings(String where, Collection<String> texts) {
    List<String> findings = new ArrayList<>();
    for (String text : texts) {
      for (String marker : markers) {
        int index = text.indexOf(marker);
        if (index >= 0) {
          findings.add(
              where
                  + ": "
                  + marker
                  + " in "
                  + text.substring(0, Math.min(80, text.length()))
                  + " | ..."
                  + excerpt(text, index)
                  + "...");
        }
      }
    }
    return findings;
  }

  private static String excerpt(String text, int index) {
    return text.substring(Math.max(0, index - 100), Math.min(text.length(), index + 100));
  }
}
