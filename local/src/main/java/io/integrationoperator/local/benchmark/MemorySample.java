package io.integrationoperator.local.benchmark;

import java.io.IOException;
import java.time.Duration;

/**
 * The operator's memory and CPU time at one moment. The resident set is read before the full GC
 * that {@link OperatorProcess#heapAfterFullGc()} runs, so the GC does not change it.
 *
 * @param resident VmRSS and VmHWM
 * @param heap heap after a full GC
 * @param cpuTime CPU time used since the operator started, or null when the OS does not report it
 */
record MemorySample(ResidentMemory resident, HeapUsage heap, Duration cpuTime) {

  static MemorySample take(OperatorProcess operator) throws IOException {
    Duration cpu = operator.cpuTime().orElse(null);
    ResidentMemory resident = operator.residentMemory();
    HeapUsage heap = operator.heapAfterFullGc();
    return new MemorySample(resident, heap, cpu);
  }
}
