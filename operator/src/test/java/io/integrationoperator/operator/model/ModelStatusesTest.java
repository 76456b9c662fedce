package io.integrationoperator.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.operator.status.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelStatusesTest {

  @Test
  void summaryQuotesFirstWarningsAndCountsTheRest() {
    List<String> warnings =
        IntStream.rangeClosed(1, 5).mapToObj(i -> "operation " + i + " renamed").toList();

    String summary = ModelStatuses.summariseWarnings(warnings);

    assertThat(summary)
        .isEqualTo(
            "5 warnings: operation 1 renamed; operation 2 renamed; operation 3 renamed;"
                + " and 2 more.");
  }

  @Test
  void summaryEndsWithOnePeriod() {
    String summary =
        ModelStatuses.summariseWarnings(
            List.of("GET /c/{id} has no operationId, so it is named get_c_id."));

    assertThat(summary)
        .isEqualTo("1 warning: GET /c/{id} has no operationId, so it is named get_c_id.");
  }

  @Test
  void messageIsBounded() {
    String longText = "y".repeat(5000);

    assertThat(ModelStatuses.truncate(longText)).hasSize(ModelStatuses.MAX_MESSAGE_CHARS);
  }

  @Test
  void failureClearsCatalogAndSetsReadyReason() {
    IntegrationModelStatus status =
        ModelStatuses.next(
            null,
            Outcome.failed("DocumentInvalid", "The document is invalid at $.paths."),
            3,
            null,
            Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(status.getTaskCount()).isNull();
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .containsExactly("Valid=False/DocumentInvalid", "Ready=False/DocumentInvalid");
  }
}
