package io.integrationoperator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the committed CRDs in {@code crds/} with the ones the build generated from the resource
 * classes. Run with {@code -DupdateCrds=true} to rewrite the committed files.
 */
class CrdDriftTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
  private static final Path COMMITTED =
      Path.of(System.getProperty("project.root", "..")).resolve("crds");

  static List<String> crdNames() {
    return List.of(
        "integrations.integration-operator.io", "integrationmodels.integration-operator.io");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crdNames")
  void committedCrdMatchesGenerated(String crdName) throws IOException {
    String generated = Files.readString(GENERATED.resolve(crdName + "-v1.yml"));
    Path committed = COMMITTED.resolve(crdName + ".yaml");
    if (Boolean.getBoolean("updateCrds")) {
      Files.writeString(committed, generated);
    }

    assertThat(committed).exists();
    assertThat(Files.readString(committed))
        .as(
            "%s is stale; regenerate it with ./mvnw -pl api verify -DupdateCrds=true and commit it",
            committed)
        .isEqualTo(generated);
  }
}
