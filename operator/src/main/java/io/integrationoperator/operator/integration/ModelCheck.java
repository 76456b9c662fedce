package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.Condition;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.operator.model.ModelConditions;
import io.integrationoperator.operator.status.ConditionStatus;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.Outcome;
import java.util.Objects;
import java.util.Optional;

/** Decides the ModelResolved outcome from the referenced model, as the informer cache has it. */
public final class ModelCheck {

  private ModelCheck() {}

  /**
   * Checks the model: missing is ModelNotFound, a status that does not describe the current
   * generation yet is ModelPending (Unknown), a Valid condition that is not True is ModelInvalid.
   */
  public static Outcome check(Optional<IntegrationModel> model, String name, String namespace) {
    if (model.isEmpty()) {
      return Outcome.failed(
          IntegrationConditions.MODEL_NOT_FOUND,
          "IntegrationModel "
              + name
              + " not found in namespace "
              + namespace
              + "; create it or correct spec.modelRef.name.");
    }
    IntegrationModelStatus status = model.get().getStatus();
    Optional<Condition> valid =
        status == null
            ? Optional.empty()
            : Conditions.find(status.getConditions(), ModelConditions.VALID);
    boolean current =
        status != null
            && Objects.equals(
                status.getObservedGeneration(), model.get().getMetadata().getGeneration());
    if (!current || valid.isEmpty() || ConditionStatus.UNKNOWN.equals(valid.get().getStatus())) {
      return Outcome.unknown(
          IntegrationConditions.MODEL_PENDING,
          "IntegrationModel " + name + " has not been parsed yet.");
    }
    if (!ConditionStatus.TRUE.equals(valid.get().getStatus())) {
      return Outcome.failed(
          IntegrationConditions.MODEL_INVALID,
          "IntegrationModel " + name + " is invalid: " + valid.get().getMessage());
    }
    int tasks = Optional.ofNullable(status.getTaskCount()).orElse(0);
    return Outcome.passed(
        IntegrationConditions.MODEL_RESOLVED,
        "IntegrationModel " + name + " offers " + tasks + (tasks == 1 ? " task." : " tasks."));
  }
}
