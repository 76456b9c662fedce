package io.integrationoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationoperator.client.connection.CallFailure;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that docs/troubleshooting.md names every condition type and reason the operator can write,
 * so that a new reason without documentation fails the build.
 *
 * <p>Reasons are the String constants of every {@code *Conditions} class in the operator's and the
 * client's sources, and the values of {@link CallFailure}, which become Connected reasons. A reason
 * written as a string literal would escape this list, so the sources may not pass one to {@link
 * Outcome}.
 */
class TroubleshootingReasonsTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root"));
  private static final List<Path> SOURCE_ROOTS =
      List.of(ROOT.resolve("operator/src/main/java"), ROOT.resolve("client/src/main/java"));
  private static final Pattern LITERAL_REASON =
      Pattern.compile("Outcome\\.(passed|failed|unknown)\\(\\s*\"([^\"]*)\"");

  @Test
  void everyReasonIsInTroubleshootingDoc() throws Exception {
    String doc = Files.readString(ROOT.resolve("docs/troubleshooting.md"));
    Set<String> reasons = reasons();

    assertThat(reasons).contains("SecretNotFound", "DocumentInvalid", "ConnectionFailed");
    List<String> missing = new ArrayList<>();
    for (String reason : reasons) {
      if (!doc.contains("`" + reason + "`")) {
        missing.add(reason);
      }
    }
    assertThat(missing).as("reasons missing from docs/troubleshooting.md").isEmpty();
  }

  @Test
  void noReasonIsStringLiteral() throws IOException {
    List<String> literals = new ArrayList<>();
    for (Path file : javaFiles()) {
      Matcher matcher = LITERAL_REASON.matcher(Files.readString(file));
      while (matcher.find()) {
        literals.add(ROOT.relativize(file) + ": \"" + matcher.group(2) + "\"");
      }
    }

    assertThat(literals)
        .as("declare the reason as a constant of a *Conditions class instead")
        .isEmpty();
  }

  /** Collects the reason and condition type constants from the sources. */
  private static Set<String> reasons() throws Exception {
    Set<String> reasons = new TreeSet<>();
    for (Path file : javaFiles()) {
      if (file.getFileName().toString().endsWith("Conditions.java")) {
        reasons.addAll(stringConstants(Class.forName(className(file))));
      }
    }
    for (CallFailure failure : CallFailure.values()) {
      reasons.add(failure.name());
    }
    return reasons;
  }

  private static List<String> stringConstants(Class<?> type) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static String className(Path file) {
    Path sourceRoot = SOURCE_ROOTS.stream().filter(file::startsWith).findFirst().orElseThrow();
    String relative = sourceRoot.relativize(file).toString();
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  private static List<Path> javaFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path sourceRoot : SOURCE_ROOTS) {
      try (Stream<Path> walk = Files.walk(sourceRoot)) {
        walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
      }
    }
    return files;
  }
}
