package io.integrationoperator.local.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Two-column table of labelled figures, printed with the labels padded to one width. */
final class ResultTable {

  private final List<String[]> rows = new ArrayList<>();

  ResultTable add(String label, String value) {
    rows.add(new String[] {label, value});
    return this;
  }

  void print(PrintStream out) {
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    for (String[] row : rows) {
      out.println("  " + row[0] + " ".repeat(width - row[0].length()) + "  " + row[1]);
    }
  }

  static String seconds(Duration duration) {
    return duration == null
        ? "n/a"
        : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  static String mebibytes(long kibibytes) {
    return kibibytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", kibibytes / 1024.0);
  }

  static String rate(long count, Duration duration) {
    if (duration == null || duration.isZero()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f", count * 1000.0 / duration.toMillis());
  }
}
