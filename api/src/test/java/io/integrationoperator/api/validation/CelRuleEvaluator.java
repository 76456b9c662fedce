package io.integrationoperator.api.validation;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a CRD against an object the way the API
 * server does: each rule runs once for every value at its schema path that the object sets, with
 * that value as {@code self}, and a rule that evaluates to false contributes its message.
 *
 * <p>Differences from the API server: {@code self} is declared as {@code dyn} instead of a type
 * built from the schema, so the CEL type checker cannot reject an unknown field name. {@link
 * #compile} checks the {@code self.NAME} references against the schema's properties instead. The
 * rules get the standard macros and the optional library, but not the Kubernetes CEL libraries.
 */
final class CelRuleEvaluator {
  // TODO: add the Kubernetes CEL libraries (isURL, quantity, format, authz and others) once a
  // rule uses them; CEL-Java does not ship them, so such a rule fails to compile here.
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .addVar("self", SimpleType.DYN)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addCompilerLibraries(CelOptionalLibrary.INSTANCE)
          .addRuntimeLibraries(CelOptionalLibrary.INSTANCE)
          .build();

  private static final Pattern SELF_FIELD = Pattern.compile("\\bself\\.([A-Za-z_][A-Za-z0-9_]*)");

  private CelRuleEvaluator() {}

  /**
   * Compiles a rule and checks that every {@code self.NAME} it reads is a property of its schema
   * node, as the API server's type check does.
   */
  static CelRuntime.Program compile(CrdRule rule) {
    Object properties = rule.schema().get("properties");
    Map<String, Object> known = properties == null ? Map.of() : CrdValidationRules.map(properties);
    Matcher matcher = SELF_FIELD.matcher(rule.rule());
    while (matcher.find()) {
      if (!known.containsKey(matcher.group(1))) {
        throw new IllegalArgumentException(
            rule.location() + " rule reads self." + matcher.group(1) + ", which the schema lacks");
      }
    }
    try {
      CelAbstractSyntaxTree ast = CEL.compile(rule.rule()).getAst();
      return CEL.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException(rule.location() + " rule does not compile: " + e, e);
    }
  }

  /** Evaluates one rule on one value and returns true when the value satisfies it. */
  static boolean satisfies(CrdRule rule, Object self) {
    try {
      Object result = compile(rule).eval(Map.of("self", toCel(self)));
      if (!(result instanceof Boolean satisfied)) {
        throw new IllegalStateException(rule + " returned " + result + " instead of a boolean");
      }
      return satisfied;
    } catch (CelEvaluationException e) {
      throw new IllegalStateException(rule + " failed on " + self + ": " + e.getMessage(), e);
    }
  }

  /** Returns the values at a rule's path in the object, one per array item. */
  static List<Object> valuesAt(Object object, List<String> path) {
    List<Object> current = List.of(object);
    for (String segment : path) {
      List<Object> next = new ArrayList<>();
      for (Object value : current) {
        if (CrdRule.ITEMS.equals(segment) && value instanceof List<?> items) {
          next.addAll(items);
        } else if (value instanceof Map<?, ?> fields && fields.get(segment) != null) {
          next.add(fields.get(segment));
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * Converts YAML values into CEL values. Integers become Long, because CEL's int is 64-bit, and
   * fields set to null are left out, as the API server prunes them before validation.
   */
  static Object toCel(Object value) {
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
      return items.stream().map(CelRuleEvaluator::toCel).toList();
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return Optional.ofNullable(value)
        .orElseThrow(() -> new IllegalArgumentException("a list item is null; remove it"));
  }
}
