package io.integrationoperator.operator.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code healthCheckExprs} entry of one kind from docs/flux/kustomization-health.yaml,
 * evaluated with CEL-Java in the order Flux's kustomize-controller uses: InProgress while
 * status.observedGeneration differs from metadata.generation, then the inProgress, failed and
 * current expressions, and InProgress when none is true. The object's top-level fields are the CEL
 * variables.
 */
final class FluxHealthCheck {
  /** Result when an expression cannot be evaluated, for example because status is missing. */
  static final String EVALUATION_ERROR = "EvaluationError";

  private static final List<String> TOP_LEVEL_FIELDS =
      List.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cel cel;
  private final Map<String, String> expressions;

  private FluxHealthCheck(Map<String, String> expressions) {
    var builder =
        CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelOptionalLibrary.INSTANCE)
            .addRuntimeLibraries(CelOptionalLibrary.INSTANCE);
    TOP_LEVEL_FIELDS.forEach(field -> builder.addVar(field, SimpleType.DYN));
    this.cel = builder.build();
    this.expressions = expressions;
  }

  /** Reads the expressions of the kind from the committed Kustomization snippet. */
  static FluxHealthCheck forKind(String kind) throws IOException {
    Path file =
        Path.of(System.getProperty("project.root"), "docs", "flux", "kustomization-health.yaml");
    Map<String, Object> kustomization = Serialization.unmarshal(Files.readString(file), Map.class);
    Map<?, ?> spec = (Map<?, ?>) kustomization.get("spec");
    for (Object entry : (List<?>) spec.get("healthCheckExprs")) {
      Map<?, ?> check = (Map<?, ?>) entry;
      if (kind.equals(check.get("kind"))) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (String status : List.of("inProgress", "failed", "current")) {
          expressions.put(status, (String) check.get(status));
        }
        return new FluxHealthCheck(expressions);
      }
    }
    throw new IllegalStateException(file + " has no healthCheckExprs entry for " + kind);
  }

  /** Returns Flux's status for the object: InProgress, Failed, Current or EvaluationError. */
  String evaluate(Object kubernetesObject) throws IOException {
    Map<String, Object> object = JSON.readValue(Serialization.asJson(kubernetesObject), Map.class);
    if (generationNotObserved(object)) {
      return "InProgress";
    }
    Map<String, String> results =
        Map.of("inProgress", "InProgress", "failed", "Failed", "current", "Current");
    for (Map.Entry<String, String> expression : expressions.entrySet()) {
      if (expression.getValue() == null) {
        continue;
      }
      try {
        if (Boolean.TRUE.equals(program(expression.getValue()).eval(variables(object)))) {
          return results.get(expression.getKey());
        }
      } catch (CelEvaluationException e) {
        return EVALUATION_ERROR;
      }
    }
    return "InProgress";
  }

  private static boolean generationNotObserved(Map<String, Object> object) {
    Object status = object.get("status");
    Object metadata = object.get("metadata");
    if (!(status instanceof Map<?, ?> statusFields) || !(metadata instanceof Map<?, ?> meta)) {
      return false;
    }
    Object observed = statusFields.get("observedGeneration");
    Object generation = meta.get("generation");
    return observed != null
        && generation != null
        && !Objects.equals(asLong(observed), asLong(generation));
  }

  private CelRuntime.Program program(String expression) {
    try {
      return cel.createProgram(cel.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException("invalid expression " + expression + ": " + e, e);
    }
  }

  /** Returns the object's top-level fields that are present, with integers as Long for CEL. */
  private static Map<String, Object> variables(Map<String, Object> object) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String field : TOP_LEVEL_FIELDS) {
      if (object.get(field) != null) {
        variables.put(field, toCel(object.get(field)));
      }
    }
    return variables;
  }

  private static Object toCel(Object value) {
    if (value instanceof Map<?, ?> fields) {
      Map<String, Object> converted = new LinkedHashMap<>();
      fields.forEach(
          (key, field) -> {
            if (field != null) {
              converted.put((String) key, toCel(field));
            }
          });
      return converted;
    }
    if (value instanceof List<?> items) {
      return items.stream().map(FluxHealthCheck::toCel).toList();
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return value;
  }

  private static long asLong(Object number) {
    return ((Number) number).longValue();
  }
}
