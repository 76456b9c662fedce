package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.integration.ProbeResult;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.CredentialRedaction;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.probe.ProbeOutcome;
import io.integrationoperator.client.probe.ProbeReport;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.operator.status.ConditionStatus;
import io.integrationoperator.operator.status.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs connectivity probes and decides when the next one is due. One probe and its outcome are
 * built by the client's {@link ProbeReport}, which gateway executors use too.
 *
 * <p>A probe is due when no earlier probe result exists, when the connection settings changed since
 * the last probe (spec, model scheme, endpoint or credentials, compared by a SHA-256 fingerprint
 * kept in memory), or when the last probe is older than the probe interval, which is at most 30
 * seconds while the last probe failed. The probe runs synchronously on the reconcile thread; the
 * call timeout bounds how long it blocks.
 */
public final class ConnectionProbe {
  /** Response bodies longer than this, in characters of JSON, are cut in the status. */
  static final int MAX_BODY_CHARS = ProbeReport.MAX_BODY_CHARS;

  /**
   * Maximum wait before a failed probe is repeated. A server that was down when the Integration was
   * applied is found within this time, not only after probe.interval.
   */
  static final Duration FAILED_PROBE_RETRY = Duration.ofSeconds(30);

  private ConnectionProbe() {}

  /**
   * Returns the time between probes: probe.interval, or at most {@link #FAILED_PROBE_RETRY} while
   * the Connected condition is False.
   */
  public static Duration interval(Duration configured, Condition connected) {
    boolean failed = connected != null && ConditionStatus.FALSE.equals(connected.getStatus());
    return failed && configured.compareTo(FAILED_PROBE_RETRY) > 0 ? FAILED_PROBE_RETRY : configured;
  }

  /** Outcome of one probe: the status field and the Connected condition. */
  public record Result(ProbeResult lastProbe, Outcome connected) {}

  /**
   * Calls the server once with the settings.
   *
   * @param task the task that spec.probe.task names, or empty when the probe calls no task
   * @param tokens the caches of requested tokens, shared with earlier probes
   */
  public static Result run(ConnectionSettings settings, Optional<Task> task, TokenCaches tokens) {
    ProbeReport report = ProbeReport.run(settings, task, HttpClientFactory.shared(), tokens);
    return new Result(report.lastProbe(), outcome(report.outcome()));
  }

  /**
   * Returns true when a probe must run now.
   *
   * @param lastProbe status.lastProbe, possibly null
   * @param connected the current Connected condition, possibly null
   * @param settingsChanged whether the settings differ from those of the last probe
   */
  public static boolean isDue(
      ProbeResult lastProbe,
      Condition connected,
      boolean settingsChanged,
      Duration interval,
      Instant now) {
    if (settingsChanged || lastProbe == null || connected == null) {
      return true;
    }
    if (ConditionStatus.UNKNOWN.equals(connected.getStatus())) {
      return true;
    }
    return lastProbeTime(lastProbe).map(t -> !t.plus(interval).isAfter(now)).orElse(true);
  }

  /** Returns the time until the next probe is due, at least one second. */
  public static Duration untilNext(ProbeResult lastProbe, Duration interval, Instant now) {
    Duration remaining =
        lastProbeTime(lastProbe)
            .map(t -> Duration.between(now, t.plus(interval)))
            .orElse(Duration.ZERO);
    return remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remaining;
  }

  /**
   * Computes a fingerprint of everything a probe depends on. Credential values enter only through
   * the hash, which is kept in memory and never written anywhere.
   */
  public static String fingerprint(ConnectionSettings settings) {
    Map<String, Object> parts = new TreeMap<>();
    parts.put("baseUrl", settings.baseUrl());
    parts.put("spec", settings.spec());
    parts.put("scheme", settings.scheme().map(ConnectionProbe::describe).orElse(null));
    parts.put("credentials", new TreeMap<>(settings.credentials()));
    parts.put("caBundle", settings.caBundlePem().orElse(null));
    parts.put("timeout", settings.timeout().toString());
    return sha256(Serialization.asJson(parts));
  }

  static Outcome connected(CallResult call) {
    return outcome(ProbeOutcome.of(call));
  }

  static ProbeResult lastProbe(CallResult call) {
    return ProbeReport.lastProbe(call, CredentialRedaction.of(Map.of()));
  }

  /** Returns the Connected check of a probe outcome. */
  static Outcome outcome(ProbeOutcome outcome) {
    return outcome.connected()
        ? Outcome.passed(outcome.reason(), outcome.message())
        : Outcome.failed(outcome.reason(), outcome.message());
  }

  private static Optional<Instant> lastProbeTime(ProbeResult lastProbe) {
    if (lastProbe == null || lastProbe.getTime() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(lastProbe.getTime()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String describe(SecuritySchemeInfo scheme) {
    Map<String, String> details = scheme.details() == null ? Map.of() : scheme.details();
    return scheme.name() + "|" + scheme.type() + "|" + new TreeMap<>(details);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
