package io.integrationoperator.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or replaces the objects of YAML or JSON manifests, like {@code kubectl apply -f}: a
 * directory contributes its {@code .yaml}, {@code .yml} and {@code .json} files in name order
 * (without subdirectories), and each object gets the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation so that a later {@code kubectl
 * apply} of the same file computes its patch as usual.
 */
public final class ManifestApplier {

  private static final Logger LOG = LoggerFactory.getLogger(ManifestApplier.class);
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final KubernetesClient client;

  public ManifestApplier(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Applies every manifest file at the path, a file or a directory.
   *
   * @return the applied objects, in order
   * @throws IOException when the path cannot be read
   * @throws IllegalArgumentException when the path does not exist
   */
  public List<HasMetadata> apply(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("Manifest path " + path + " does not exist");
    }
    List<HasMetadata> applied = new ArrayList<>();
    for (Path file : manifestFiles(path)) {
      try (InputStream input = Files.newInputStream(file)) {
        applied.addAll(applyAll(input, file.toString()));
      }
    }
    return applied;
  }

  /** Applies every object of one YAML or JSON stream; the source names it in log messages. */
  public List<HasMetadata> applyAll(InputStream input, String source) {
    List<HasMetadata> applied = new ArrayList<>();
    for (HasMetadata item : client.load(input).items()) {
      if (item == null) {
        continue;
      }
      applied.add(applyOne(item));
      LOG.info(
          "Applied {} {} from {}",
          item.getKind(),
          qualifiedName(item.getMetadata().getNamespace(), item.getMetadata().getName()),
          source);
    }
    return applied;
  }

  private HasMetadata applyOne(HasMetadata item) {
    String lastApplied = Serialization.asJson(item);
    if (item.getMetadata().getAnnotations() == null) {
      item.getMetadata().setAnnotations(new HashMap<>());
    }
    item.getMetadata().getAnnotations().put(LAST_APPLIED, lastApplied + "\n");
    return client.resource(item).createOr(NonDeletingOperation::update);
  }

  private static List<Path> manifestFiles(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      return files
          .filter(Files::isRegularFile)
          .filter(ManifestApplier::isManifest)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String qualifiedName(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }
}
