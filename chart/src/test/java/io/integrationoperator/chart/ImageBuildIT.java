package io.integrationoperator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds the operator and executor images with the project's Jib configuration and checks their
 * entrypoint, user and content. The real base image (eclipse-temurin) comes from a container
 * registry, which this build may not reach, so the test gives Jib a small local base image archive
 * with {@code -Dimage.base=tar://...} instead: what it checks is the project's layer and
 * configuration, not the base image.
 */
class ImageBuildIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;

  @BeforeAll
  static void buildImages() throws Exception {
    Path base = BaseImageArchive.write(work);
    Path log = work.resolve("maven.log");
    Path maven = RenderedChart.PROJECT_ROOT.resolve("mvnw");
    List<String> command =
        new ArrayList<>(
            List.of(
                maven.toString(),
                "-B",
                "-q",
                "-pl",
                "operator,executor",
                "-am",
                "package",
                "-DskipTests",
                "jib:buildTar",
                "-Dimage.base=tar://" + base,
                "-Dspotless.check.skip=true",
                "-Dshared.dir=" + System.getProperty("shared.dir", "")));
    Process process =
        new ProcessBuilder(command)
            .directory(RenderedChart.PROJECT_ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }

    assertThat(finished).as("jib:buildTar finished within 5 minutes").isTrue();
    assertThat(process.exitValue()).as("jib:buildTar output:%n%s", Files.readString(log)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "operator, io.integrationoperator.operator.OperatorMain",
    "executor, io.integrationoperator.executor.ExecutorMain"
  })
  void imageStartsMainClassAsNonRootUser(String module, String mainClass) throws Exception {
    Path extracted = BaseImageArchive.extract(imageTar(module), work.resolve(module));
    JsonNode manifest = JSON.readTree(extracted.resolve("manifest.json").toFile()).get(0);
    JsonNode config =
        JSON.readTree(extracted.resolve(manifest.get("Config").asText()).toFile()).get("config");

    assertThat(manifest.at("/RepoTags/0").asText())
        .isEqualTo(imageName(module) + ":" + System.getProperty("project.version"));
    assertThat(JSON.convertValue(config.get("Entrypoint"), List.class))
        .containsExactly(
            "java", "-XX:MaxRAMPercentage=75", "-cp", "@/app/jib-classpath-file", mainClass);
    assertThat(config.get("User").asText()).isEqualTo("65532:65532");
    assertThat(config.at("/Labels/org.opencontainers.image.title").asText())
        .isEqualTo(imageName(module));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "operator, io/integrationoperator/operator/OperatorMain.class",
    "executor, io/integrationoperator/executor/ExecutorMain.class"
  })
  void imageContainsClassesAndClasspath(String module, String mainClassFile) throws Exception {
    Path extracted = BaseImageArchive.extract(imageTar(module), work.resolve(module + "-layers"));
    List<String> files = BaseImageArchive.layerFiles(extracted);

    assertThat(files).contains("app/classes/" + mainClassFile, "app/jib-classpath-file");
    assertThat(files)
        .anyMatch(f -> f.matches("app/libs/integration-operator-api-.*\\.jar"))
        .anyMatch(f -> f.matches("app/libs/integration-operator-client-.*\\.jar"))
        .anyMatch(f -> f.matches("app/libs/kubernetes-client-api-.*\\.jar"));
  }

  private static Path imageTar(String module) {
    return RenderedChart.PROJECT_ROOT.resolve(module).resolve("target/jib-image.tar");
  }

  private static String imageName(String module) {
    return module.equals("operator") ? "integration-operator" : "integration-operator-executor";
  }
}
