package io.integrationoperator.local.apiserver;

import java.time.Duration;

/**
 * Formats ages the way {@code kubectl get} prints them: {@code 45s}, {@code 3m12s}, {@code 5h},
 * {@code 12d}. The thresholds follow {@code HumanDuration} in Kubernetes apimachinery ({@code
 * k8s.io/apimachinery/pkg/util/duration}).
 */
public final class HumanDuration {

  private HumanDuration() {}

  /** Formats a non-negative duration; a duration below minus one second prints as invalid. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long rest = seconds % 60;
      return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
    }
    if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long rest = minutes % 60;
      return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
    }
    return formatDays(hours);
  }

  private static String formatDays(long hours) {
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      long rest = hours % 24;
      return rest == 0 ? hours / 24 + "d" : hours / 24 + "d" + rest + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    if (hours < 24 * 365 * 8) {
      long days = hours / 24 % 365;
      return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
