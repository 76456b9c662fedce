package io.integrationoperator.client.connection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations in the syntax the CRD's pattern allows for spec.timeout and spec.probe.interval:
 * one or more decimal numbers, each with a unit of ns, us, ms, s, m or h, as in {@code 1m30s} or
 * {@code 1.5h}. The operator and the executor parse them here because fabric8's {@code
 * Duration.parse} (7.5.2) reads {@code 1.5h} as 5h and also accepts forms the CRD rejects.
 */
public final class DurationText {
  private static final Pattern WHOLE = Pattern.compile("([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");
  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  /** Largest parsed value; longer texts parse to it, which is far above every field's bound. */
  public static final Duration MAX = Duration.ofDays(365L * 1000);

  private DurationText() {}

  /**
   * Parses the text, rounding fractions of a nanosecond down.
   *
   * @return the duration, capped at {@link #MAX}, or empty when the text does not match the syntax
   */
  public static Optional<Duration> parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(NANOS_PER_UNIT.get(part.group(2))));
    }
    BigDecimal max = BigDecimal.valueOf(MAX.getSeconds()).multiply(NANOS_PER_UNIT.get("s"));
    if (nanos.compareTo(max) > 0) {
      return Optional.of(MAX);
    }
    BigDecimal[] secondsAndNanos =
        nanos.setScale(0, RoundingMode.DOWN).divideAndRemainder(NANOS_PER_UNIT.get("s"));
    return Optional.of(
        Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
  }
}
