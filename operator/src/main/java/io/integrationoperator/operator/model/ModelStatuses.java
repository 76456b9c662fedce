package io.integrationoperator.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import io.integrationoperator.api.model.TaskStatus;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds IntegrationModel statuses from a task catalog or from a failure. */
public final class ModelStatuses {
  /** Maximum number of warnings quoted in the Valid message; the rest are counted. */
  static final int MAX_QUOTED_WARNINGS = 3;

  /** Maximum length of the Valid message. */
  static final int MAX_MESSAGE_CHARS = 1000;

  private ModelStatuses() {}

  /** Builds a status with the catalog fields filled in, without conditions. */
  public static IntegrationModelStatus catalogFields(TaskCatalog catalog) {
    IntegrationModelStatus status = new IntegrationModelStatus();
    status.setTitle(catalog.title());
    status.setVersion(catalog.version());
    status.setOpenapiVersion(catalog.openapiVersion());
    status.setDefaultServer(catalog.defaultServer().orElse(null));
    status.setSecuritySchemes(
        catalog.securitySchemes().stream().map(ModelStatuses::scheme).toList());
    status.setMethods(List.copyOf(catalog.methods()));
    status.setTaskCount(catalog.tasks().size());
    status.setTasks(catalog.tasks().stream().map(ModelStatuses::task).toList());
    return status;
  }

  /**
   * Builds the Valid outcome of a parsed document: True, with the task count and a bounded summary
   * of the warnings, such as renamed tasks.
   */
  public static Outcome validOutcome(TaskCatalog catalog) {
    StringBuilder message =
        new StringBuilder("The document declares ")
            .append(catalog.tasks().size())
            .append(catalog.tasks().size() == 1 ? " task." : " tasks.");
    List<String> warnings = catalog.warnings();
    if (!warnings.isEmpty()) {
      message.append(' ').append(summariseWarnings(warnings));
    }
    return Outcome.passed(ModelConditions.DOCUMENT_VALID, truncate(message.toString()));
  }

  /** Summarises warnings: the count, the first few quoted, and how many more there are. */
  private static String withoutFinalPeriod(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  static String summariseWarnings(List<String> warnings) {
    StringBuilder text =
        new StringBuilder()
            .append(warnings.size())
            .append(warnings.size() == 1 ? " warning: " : " warnings: ");
    List<String> quoted = warnings.subList(0, Math.min(MAX_QUOTED_WARNINGS, warnings.size()));
    // Warnings are sentences that may end with a period; the summary adds its own.
    text.append(String.join("; ", quoted.stream().map(ModelStatuses::withoutFinalPeriod).toList()));
    if (warnings.size() > quoted.size()) {
      text.append("; and ").append(warnings.size() - quoted.size()).append(" more");
    }
    return text.append('.').toString();
  }

  /**
   * Builds the complete next status: the catalog fields (null after a failure), the observed
   * generation and the Valid and Ready conditions derived from the outcome.
   */
  public static IntegrationModelStatus next(
      IntegrationModelStatus catalogFields,
      Outcome valid,
      long generation,
      List<Condition> previousConditions,
      Instant now) {
    IntegrationModelStatus status = copyCatalogFields(catalogFields);
    status.setObservedGeneration(generation);
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    outcomes.put(ModelConditions.VALID, valid);
    outcomes.put(
        ModelConditions.READY,
        valid.isTrue()
            ? Outcome.passed(ModelConditions.READY, "The model's tasks can be used.")
            : Outcome.failed(valid.reason(), valid.message()));
    status.setConditions(Conditions.next(previousConditions, outcomes, generation, now));
    return status;
  }

  private static IntegrationModelStatus copyCatalogFields(IntegrationModelStatus source) {
    IntegrationModelStatus status = new IntegrationModelStatus();
    if (source != null) {
      status.setTitle(source.getTitle());
      status.setVersion(source.getVersion());
      status.setOpenapiVersion(source.getOpenapiVersion());
      status.setDefaultServer(source.getDefaultServer());
      status.setSecuritySchemes(source.getSecuritySchemes());
      status.setMethods(source.getMethods());
      status.setTaskCount(source.getTaskCount());
      status.setTasks(source.getTasks());
    }
    return status;
  }

  private static SecuritySchemeStatus scheme(SecuritySchemeInfo info) {
    SecuritySchemeStatus scheme = new SecuritySchemeStatus();
    scheme.setName(info.name());
    scheme.setType(info.type());
    scheme.setDetails(info.details() == null ? null : new TreeMap<>(info.details()));
    return scheme;
  }

  private static TaskStatus task(Task task) {
    TaskStatus status = new TaskStatus();
    status.setName(task.name());
    status.setMethod(task.method());
    status.setPath(task.path());
    return status;
  }

  static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }
}
