package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resident set size of a Linux process, from the {@code VmRSS} (current) and {@code VmHWM} (peak)
 * lines of {@code /proc/<pid>/status}, in KiB.
 */
record ResidentMemory(long currentKib, long peakKib) {

  static ResidentMemory read(Path statusFile) throws IOException {
    String status = Files.readString(statusFile, StandardCharsets.UTF_8);
    return parse(status)
        .orElseThrow(() -> new IOException(statusFile + " has no VmRSS or VmHWM line"));
  }

  static Optional<ResidentMemory> parse(String status) {
    OptionalLong current = field(status, "VmRSS:");
    OptionalLong peak = field(status, "VmHWM:");
    if (current.isEmpty() || peak.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResidentMemory(current.getAsLong(), peak.getAsLong()));
  }

  /** Returns the number on the line that starts with {@code name}, which the kernel gives in kB. */
  private static OptionalLong field(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name)) {
        String[] parts = line.substring(name.length()).trim().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]));
      }
    }
    return OptionalLong.empty();
  }
}
