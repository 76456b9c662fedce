package io.integrationoperator.local.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap figures parsed from the output of {@code jcmd <pid> GC.heap_info} (JDK 17), in KiB.
 *
 * <p>G1 prints one {@code garbage-first heap total NK, used NK} line. The Serial and Parallel
 * collectors print one such line per generation, and the figures are summed. Collectors whose
 * output has no such line, such as ZGC, give -1 for the heap figures.
 *
 * @param usedKib heap in use
 * @param committedKib heap committed by the JVM
 * @param metaspaceUsedKib Metaspace in use, or -1 when the output has no Metaspace line
 * @param spaces names of the heap lines, such as {@code garbage-first heap}
 */
record HeapUsage(long usedKib, long committedKib, long metaspaceUsedKib, List<String> spaces) {

  private static final Pattern HEAP_LINE =
      Pattern.compile("^\\s*(\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE_LINE = Pattern.compile("Metaspace\\s+used (\\d+)K");

  static HeapUsage parse(String heapInfo) {
    long used = 0;
    long committed = 0;
    List<String> spaces = new ArrayList<>();
    for (String line : heapInfo.split("\n")) {
      Matcher heap = HEAP_LINE.matcher(line);
      if (heap.find()) {
        spaces.add(heap.group(1));
        committed += Long.parseLong(heap.group(2));
        used += Long.parseLong(heap.group(3));
      }
    }
    Matcher metaspace = METASPACE_LINE.matcher(heapInfo);
    long metaspaceUsed = metaspace.find() ? Long.parseLong(metaspace.group(1)) : -1;
    if (spaces.isEmpty()) {
      return new HeapUsage(-1, -1, metaspaceUsed, List.of());
    }
    return new HeapUsage(used, committed, metaspaceUsed, List.copyOf(spaces));
  }
}
