package io.integrationoperator.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds condition lists that keep transition times and reports which conditions changed. */
public final class Conditions {

  private Conditions() {}

  /**
   * Builds the next conditions from the outcomes, in the order of the map's iteration. A condition
   * whose status equals its previous status keeps the previous lastTransitionTime; every other one
   * gets {@code now}, truncated to seconds as the API server stores it.
   *
   * @param previous the conditions currently in status, possibly null
   * @param outcomes outcome per condition type, in the order the conditions are written
   */
  public static List<Condition> next(
      List<Condition> previous, Map<String, Outcome> outcomes, long generation, Instant now) {
    Map<String, Condition> before = byType(previous);
    String nowText = format(now);
    List<Condition> result = new ArrayList<>();
    outcomes.forEach(
        (type, outcome) -> {
          Condition old = before.get(type);
          boolean sameStatus = old != null && outcome.status().equals(old.getStatus());
          result.add(
              new ConditionBuilder()
                  .withType(type)
                  .withStatus(outcome.status())
                  .withReason(outcome.reason())
                  .withMessage(outcome.message())
                  .withObservedGeneration(generation)
                  .withLastTransitionTime(sameStatus ? old.getLastTransitionTime() : nowText)
                  .build());
        });
    return result;
  }

  /**
   * Lists the conditions of {@code current} that are new or whose status or reason differs from
   * {@code previous}; each of them deserves one Event.
   */
  public static List<Condition> changed(List<Condition> previous, List<Condition> current) {
    Map<String, Condition> before = byType(previous);
    List<Condition> result = new ArrayList<>();
    for (Condition condition : current) {
      Condition old = before.get(condition.getType());
      if (old == null
          || !Objects.equals(old.getStatus(), condition.getStatus())
          || !Objects.equals(old.getReason(), condition.getReason())) {
        result.add(condition);
      }
    }
    return result;
  }

  /** Finds the condition of the given type. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Formats a time as RFC 3339 in UTC with second precision, as Kubernetes writes times. */
  public static String format(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  private static Map<String, Condition> byType(List<Condition> conditions) {
    if (conditions == null) {
      return Map.of();
    }
    return conditions.stream()
        .filter(c -> c.getType() != null)
        .collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> a));
  }
}
