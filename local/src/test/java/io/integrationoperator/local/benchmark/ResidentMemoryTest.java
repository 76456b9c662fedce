package io.integrationoperator.local.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

  @Test
  void readsCurrentAndPeak() {
    String status =
        """
        Name:\tjava
        VmPeak:\t 4316108 kB
        VmHWM:\t  209012 kB
        VmRSS:\t  198800 kB
        Threads:\t67
        """;

    ResidentMemory memory = ResidentMemory.parse(status).orElseThrow();

    assertThat(memory.currentKib()).isEqualTo(198800);
    assertThat(memory.peakKib()).isEqualTo(209012);
  }

  @Test
  void missingLineGivesEmpty() {
    assertThat(ResidentMemory.parse("Name:\tjava\nVmRSS:\t 1 kB\n")).isEmpty();
  }
}
