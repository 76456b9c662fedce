package io.integrationoperator.executor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardedCallTest {

  @Test
  void deadlineIsParsed() throws ApiError {
    assertThat(ForwardedCall.parse(Optional.of("sidecar"), Optional.of(" 2500 ")))
        .contains(new ForwardedCall("sidecar", Optional.of(Duration.ofMillis(2500))));
  }

  @Test
  void longDeadlineIsCutInError() {
    String value = "9".repeat(20_000);

    assertThatThrownBy(() -> ForwardedCall.parse(Optional.of("sidecar"), Optional.of(value)))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("InvalidHeader");
              assertThat(e.error())
                  .isEqualTo(
                      "The header X-Integration-Operator-Deadline-Ms must be a whole number of"
                          + " milliseconds from 0 to 9223372036854775807, not "
                          + "9".repeat(40)
                          + "...; send the time left of the call's timeout.");
            });
  }

  @Test
  void negativeDeadlineIsQuotedWhole() {
    assertThatThrownBy(() -> ForwardedCall.parse(Optional.of("edge-1"), Optional.of("-5")))
        .isInstanceOfSatisfying(
            ApiError.class,
            e ->
                assertThat(e.error())
                    .isEqualTo(
                        "The header X-Integration-Operator-Deadline-Ms must be a whole number of"
                            + " milliseconds from 0 to 9223372036854775807, not -5; send the time"
                            + " left of the call's timeout."));
  }
}
