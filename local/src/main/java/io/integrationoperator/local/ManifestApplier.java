package io.integrationoperator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper SORTED_JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

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
  public List<HasMetadata> applyAll(InputStream input, String source) throws IOException {
    List<HasMetadata> applied = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(input)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || !document.isObject() || document.isEmpty()) {
          continue;
        }
        HasMetadata object = applyOne((ObjectNode) document);
        applied.add(object);
        LOG.info(
            "Applied {} {} from {}",
            object.getKind(),
            qualifiedName(object.getMetadata().getNamespace(), object.getMetadata().getName()),
            source);
      }
    }
    return applied;
  }

  /**
   * Creates or replaces one object. The last-applied annotation is written as kubectl writes it
   * (the manifest as JSON with sorted keys, the namespace and an annotations map filled in, and a
   * final newline), so {@code kubectl apply} of an unchanged file reports "unchanged".
   */
  private HasMetadata applyOne(ObjectNode manifest) throws IOException {
    ObjectNode metadata = manifest.with("metadata");
    if (!metadata.has("namespace") && isNamespaced(manifest)) {
      metadata.put("namespace", client.getNamespace());
    }
    // kubectl records an empty annotations map when the manifest has none.
    metadata.with("annotations");
    String lastApplied =
        SORTED_JSON.writeValueAsString(SORTED_JSON.treeToValue(manifest, Object.class));
    metadata.with("annotations").put(LAST_APPLIED, lastApplied + "\n");
    GenericKubernetesResource object =
        client
            .getKubernetesSerialization()
            .unmarshal(manifest.toString(), GenericKubernetesResource.class);
    return client.resource(object).createOr(NonDeletingOperation::update);
  }

  private boolean isNamespaced(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    APIResourceList resources = client.getApiResources(apiVersion);
    if (resources == null) {
      throw new IllegalArgumentException(
          "The API server does not serve " + apiVersion + " (kind " + kind + ")");
    }
    return resources.getResources().stream()
        .filter(resource -> resource.getKind().equals(kind))
        .findFirst()
        .map(resource -> Boolean.TRUE.equals(resource.getNamespaced()))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "The API server does not serve kind " + kind + " in " + apiVersion));
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
