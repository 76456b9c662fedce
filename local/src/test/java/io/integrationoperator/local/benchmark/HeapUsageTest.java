package io.integrationoperator.local.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parses {@code jcmd GC.heap_info} output as OpenJDK 17.0.15 prints it. */
class HeapUsageTest {

  @Test
  void parsesG1Heap() {
    String output =
        """
        18792:
         garbage-first heap   total 65536K, used 7346K [0x00000000fc000000, 0x0000000100000000)
          region size 1024K, 4 young (4096K), 1 survivors (1024K)
         Metaspace       used 8898K, committed 9088K, reserved 1114112K
          class space    used 1063K, committed 1152K, reserved 1048576K
        """;

    HeapUsage heap = HeapUsage.parse(output);

    assertThat(heap.usedKib()).isEqualTo(7346);
    assertThat(heap.committedKib()).isEqualTo(65536);
    assertThat(heap.metaspaceUsedKib()).isEqualTo(8898);
    assertThat(heap.spaces()).containsExactly("garbage-first heap");
  }

  @Test
  void sumsSerialGenerations() {
    // Captured output with the tenured figure raised from 0K, so that the sum covers both lines.
    String output =
        """
        18793:
         def new generation   total 19648K, used 14084K [0x00000000fc000000, 0x00000000fd550000)
          eden space 17472K,  80% used [0x00000000fc000000, 0x00000000fcdc1370, 0x00000000fd110000)
          from space 2176K,   0% used [0x00000000fd110000, 0x00000000fd110000, 0x00000000fd330000)
          to   space 2176K,   0% used [0x00000000fd330000, 0x00000000fd330000, 0x00000000fd550000)
         tenured generation   total 43712K, used 100K [0x00000000fd550000, 0x0000000100000000)
           the space 43712K,   0% used [0x00000000fd550000, 0x00000000fd550000, 0x0000000100000000)
         Metaspace       used 8925K, committed 9088K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;

    HeapUsage heap = HeapUsage.parse(output);

    assertThat(heap.usedKib()).isEqualTo(14184);
    assertThat(heap.committedKib()).isEqualTo(63360);
    assertThat(heap.spaces()).containsExactly("def new generation", "tenured generation");
  }

  @Test
  void zgcHeapIsUnknown() {
    String output =
        """
        17254:
         ZHeap           used 8M, capacity 64M, max capacity 64M
         Metaspace       used 8933K, committed 9152K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;

    HeapUsage heap = HeapUsage.parse(output);

    assertThat(heap.usedKib()).isEqualTo(-1);
    assertThat(heap.committedKib()).isEqualTo(-1);
    assertThat(heap.metaspaceUsedKib()).isEqualTo(8933);
  }
}
