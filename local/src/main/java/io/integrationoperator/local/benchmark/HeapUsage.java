package io.integrationoperator.local.benchmark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap figures parsed from the output of {@code jcmd <pid> GC.heap_info}, in KiB.
 *
 * <p>G1 prints one {@code garbage-first heap total NK, used NK} line; the Serial and Parallel
 * collectors print one such line per generation, which are summed. Collectors whose output has no
 * such line (ZGC, Shenandoah) give {@code usedKib} -1.
 *
 * @param usedKib heap in use
 * @param committedKib heap committed by the JVM
 * @param metaspaceUsedKib Metaspace in use, or -1 when the output has no Metaspace line
 * @param raw the output of jcmd, for the log
 */
record HeapUsage(long usedKib, long committedKib, long metaspaceUsedKib, String raw) {

  private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE_LINE = Pattern.compile("Metaspace\\s+used (\\d+)K");

  static HeapUsage parse(String heapInfo) {
    long used = 0;
    long committed = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      Matcher heap = HEAP_LINE.matcher(line);
      if (heap.find()) {
        committed += Long.parseLong(heap.group(1));
        used += Long.parseLong(heap.group(2));
        found = true;
      }
    }
    Matcher metaspace = METASPACE_LINE.matcher(heapInfo);
    long metaspaceUsed = metaspace.find() ? Long.parseLong(metaspace.group(1)) : -1;
    return found
        ? new HeapUsage(used, committed, metaspaceUsed, heapInfo)
        : new HeapUsage(-1, -1, metaspaceUsed, heapInfo);
  }
}
