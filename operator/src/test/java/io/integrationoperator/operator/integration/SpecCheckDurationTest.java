package io.integrationoperator.operator.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.ModelReference;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.operator.gateway.EffectiveRoutings;
import io.integrationoperator.operator.gateway.GatewayDefaults;
import io.integrationoperator.operator.status.IntegrationConditions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bounds of spec.timeout and spec.probe.interval. */
class SpecCheckDurationTest {
  private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  @ParameterizedTest(name = "timeout {0} is rejected")
  @CsvSource({"1ns", "999us", "0s", "0.5ms", "1h1s", "99999999999h"})
  void timeoutOutsideBoundsIsInvalid(String timeout) {
    IntegrationSpec spec = spec();
    spec.setTimeout(timeout);

    SpecCheck check = check(spec, model(), DEFAULT_INTERVAL);

    assertThat(check.outcome().status()).isEqualTo("False");
    assertThat(check.outcome().reason()).isEqualTo(IntegrationConditions.INVALID_DURATION);
    assertThat(check.outcome().message()).contains("spec.timeout " + timeout);
    assertThat(check.outcome().message()).contains("1ms to 1h");
  }

  @ParameterizedTest(name = "timeout {0} is accepted")
  @CsvSource({
    "1ms, 1",
    "30s, 30000",
    "1h, 3600000",
    "59m59s, 3599000",
    "1.5s, 1500",
    "0.5m, 30000",
    "1m0.25s, 60250"
  })
  void timeoutWithinBoundsIsValid(String timeout, long millis) {
    IntegrationSpec spec = spec();
    spec.setTimeout(timeout);

    SpecCheck check = check(spec, model(), DEFAULT_INTERVAL);

    assertThat(check.outcome().isTrue()).isTrue();
    assertThat(check.timeout()).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "probe interval {0} is rejected")
  @CsvSource({"1ns", "1s", "9.999s", "721h", "99999999999h"})
  void intervalOutsideBoundsIsInvalid(String interval) {
    IntegrationSpec spec = spec();
    spec.setProbe(new Probe());
    spec.getProbe().setInterval(interval);

    SpecCheck check = check(spec, model(), DEFAULT_INTERVAL);

    assertThat(check.outcome().status()).isEqualTo("False");
    assertThat(check.outcome().reason()).isEqualTo(IntegrationConditions.INVALID_DURATION);
    assertThat(check.outcome().message()).contains("spec.probe.interval " + interval);
    assertThat(check.outcome().message()).contains("10s to 720h");
  }

  @ParameterizedTest(name = "probe interval {0} is accepted")
  @CsvSource({"10s, 10", "5m, 300", "1.5h, 5400", "720h, 2592000"})
  void intervalWithinBoundsIsValid(String interval, long seconds) {
    IntegrationSpec spec = spec();
    spec.setProbe(new Probe());
    spec.getProbe().setInterval(interval);

    SpecCheck check = check(spec, model(), DEFAULT_INTERVAL);

    assertThat(check.outcome().isTrue()).isTrue();
    assertThat(check.probeInterval()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "timeout {0} is not a duration")
  @CsvSource({"30", "1d", "1h 30m", "-1s", "1.s", "abc"})
  void malformedTimeoutIsInvalid(String timeout) {
    IntegrationSpec spec = spec();
    spec.setTimeout(timeout);

    SpecCheck check = check(spec, model(), DEFAULT_INTERVAL);

    assertThat(check.outcome().reason()).isEqualTo(IntegrationConditions.INVALID_DURATION);
    assertThat(check.outcome().message())
        .contains("spec.timeout " + timeout + " is not a duration");
  }

  @Test
  void unsetDurationsUseDefaults() {
    SpecCheck check = check(spec(), model(), Duration.ofSeconds(1));

    assertThat(check.outcome().isTrue()).isTrue();
    assertThat(check.timeout()).isEqualTo(SpecCheck.DEFAULT_TIMEOUT);
    assertThat(check.probeInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  /** Checks the spec with the routing that operator settings without gateway defaults give. */
  static SpecCheck check(IntegrationSpec spec, IntegrationModelStatus model, Duration interval) {
    return SpecCheck.check(
        spec,
        model,
        interval,
        EffectiveRoutings.resolve(spec.getGateway(), GatewayDefaults.none()));
  }

  static IntegrationSpec spec() {
    IntegrationSpec spec = new IntegrationSpec();
    ModelReference reference = new ModelReference();
    reference.setName("pets");
    spec.setModelRef(reference);
    return spec;
  }

  static IntegrationModelStatus model() {
    IntegrationModelStatus model = new IntegrationModelStatus();
    model.setDefaultServer("https://api.example.test/v1");
    return model;
  }
}
