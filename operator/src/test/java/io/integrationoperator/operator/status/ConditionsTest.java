package io.integrationoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant FIRST = Instant.parse("2026-01-01T10:00:00.250Z");
  private static final Instant LATER = Instant.parse("2026-01-01T11:00:00Z");

  @Test
  void keepsTransitionTimeWhenStatusUnchanged() {
    List<Condition> before = Conditions.next(null, outcomes(Outcome.failed("A", "one")), 1, FIRST);

    List<Condition> after =
        Conditions.next(before, outcomes(Outcome.failed("B", "other reason")), 2, LATER);

    assertThat(after.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(after.get(0).getReason()).isEqualTo("B");
    assertThat(after.get(0).getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void setsTransitionTimeWhenStatusChanges() {
    List<Condition> before = Conditions.next(null, outcomes(Outcome.failed("A", "one")), 1, FIRST);

    List<Condition> after =
        Conditions.next(before, outcomes(Outcome.passed("Ok", "fine")), 1, LATER);

    assertThat(after.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
  }

  @Test
  void writesConditionsInOutcomeOrder() {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    outcomes.put("Zeta", Outcome.passed("Z", "z"));
    outcomes.put("Alpha", Outcome.passed("A", "a"));

    List<Condition> conditions = Conditions.next(null, outcomes, 1, FIRST);

    assertThat(conditions).extracting(Condition::getType).containsExactly("Zeta", "Alpha");
  }

  @Test
  void changedIgnoresMessageOnlyChanges() {
    List<Condition> before = Conditions.next(null, outcomes(Outcome.failed("A", "one")), 1, FIRST);
    List<Condition> sameStatusNewReason =
        Conditions.next(before, outcomes(Outcome.failed("B", "one")), 1, LATER);
    List<Condition> onlyMessage =
        Conditions.next(before, outcomes(Outcome.failed("A", "new text")), 1, LATER);

    assertThat(Conditions.changed(null, before)).hasSize(1);
    assertThat(Conditions.changed(before, sameStatusNewReason)).hasSize(1);
    assertThat(Conditions.changed(before, onlyMessage)).isEmpty();
  }

  private static Map<String, Outcome> outcomes(Outcome outcome) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    outcomes.put("Valid", outcome);
    return outcomes;
  }
}
