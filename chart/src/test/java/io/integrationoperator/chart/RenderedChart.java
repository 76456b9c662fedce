package io.integrationoperator.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Objects of one {@code helm template} run of the chart, rendered by the Helm library that
 * helm-java embeds.
 */
final class RenderedChart {
  static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", ".."));
  static final Path CHART = PROJECT_ROOT.resolve("charts/integration-operator");
  static final String RELEASE = "integration-operator";
  static final String NAMESPACE = "integration-system";

  /** Kubernetes version the chart is rendered for; the chart needs 1.25 or later. */
  static final String KUBERNETES_VERSION = "1.29.0";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String text;
  private final List<JsonNode> objects;

  private RenderedChart(String text, List<JsonNode> objects) {
    this.text = text;
    this.objects = objects;
  }

  /** Renders the chart as release {@link #RELEASE} in {@link #NAMESPACE} with the values set. */
  static RenderedChart render(Map<String, ?> values) {
    return render(NAMESPACE, values);
  }

  /** Renders the chart as release {@link #RELEASE} in the namespace with the values set. */
  static RenderedChart render(String namespace, Map<String, ?> values) {
    TemplateCommand template =
        new Helm(CHART)
            .template()
            .withName(RELEASE)
            .withNamespace(namespace)
            .withKubeVersion(KUBERNETES_VERSION);
    values.forEach(template::set);
    String text = template.call();
    return new RenderedChart(text, parse(text));
  }

  static RenderedChart render() {
    return render(Map.of());
  }

  /** Parses every non-empty document of a YAML stream. */
  static List<JsonNode> parse(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (iterator.hasNext()) {
        JsonNode document = iterator.next();
        if (document != null && !document.isNull() && !document.isEmpty()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  String text() {
    return text;
  }

  /** Returns the YAML text of each rendered document, as Helm wrote it, comments included. */
  List<String> documentTexts() {
    return Arrays.stream(text.split("(?m)^---\\s*$"))
        .filter(document -> !parse(document).isEmpty())
        .toList();
  }

  List<JsonNode> objects() {
    return objects;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** Returns the object of the kind and name, converted to its fabric8 model class. */
  <T extends HasMetadata> T get(Class<T> type, String name) {
    return SERIALIZATION.convertValue(node(type.getSimpleName(), name), type);
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return ofKind(type.getSimpleName()).stream()
        .map(node -> SERIALIZATION.convertValue(node, type))
        .toList();
  }

  JsonNode node(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(o.at("/metadata/name").asText()))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("the chart rendered no " + kind + " named " + name));
  }
}
