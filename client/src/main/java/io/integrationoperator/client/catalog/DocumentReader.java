package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads JSON or YAML text into a Jackson tree, with limits that keep hostile input cheap.
 *
 * <p>Text whose first character is {@code {} or {@code [} is read as JSON, anything else as YAML.
 * Duplicate keys are rejected in both, as swagger-parser does for JSON, because a repeated path or
 * method key would silently drop operations. YAML is read with SnakeYAML's safe constructor, and
 * its aliases are expanded while the tree is built, under three limits: at most {@value
 * #MAX_YAML_COLLECTION_ALIASES} aliases to mappings or sequences, a nesting depth of {@value
 * #MAX_NESTING_DEPTH}, and a node count of the text length plus {@value #ALIAS_NODE_ALLOWANCE}.
 * Those limits stop "billion laughs" documents, whose expansion grows exponentially with the
 * number of aliases.
 */
final class DocumentReader {
  /** Deepest nesting of objects and arrays accepted, the top-level object counting as 1. */
  static final int MAX_NESTING_DEPTH = 200;

  /** Maximum number of YAML aliases that point at a mapping or a sequence. */
  static final int MAX_YAML_COLLECTION_ALIASES = 50;

  /**
   * Tree nodes that YAML aliases may add. A document without aliases has fewer nodes than
   * characters, so the node limit of text length plus this allowance only stops alias expansion.
   */
  static final int ALIAS_NODE_ALLOWANCE = 100_000;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private DocumentReader() {}

  /** Reads the text into a tree, which is never null. */
  static JsonNode read(String text) throws InvalidDocumentException {
    // The leading whitespace stays, so that error positions match the lines of the original text.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int start = 0;
    while (start < body.length() && Character.isWhitespace(body.charAt(start))) {
      start++;
    }
    if (start == body.length()) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document is empty; provide an OpenAPI 3.x or Swagger 2.0 document as JSON or YAML.");
    }
    char first = body.charAt(start);
    JsonNode root = first == '{' || first == '[' ? readJson(body) : readYaml(body);
    if (root == null || root.isNull() || root.isMissingNode()) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document contains no value; provide an OpenAPI 3.x or Swagger 2.0 document as JSON"
              + " or YAML.");
    }
    return root;
  }

  private static JsonNode readJson(String text) throws InvalidDocumentException {
    try {
      return JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document nests objects and arrays deeper than "
              + MAX_NESTING_DEPTH
              + " levels; flatten the structure.",
          e);
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage().startsWith("Trailing token")) {
        throw new InvalidDocumentException(
            JsonPaths.ROOT,
            "The document has more content after its first JSON value"
                + position(e.getLocation())
                + "; remove it, because a document is one JSON value.",
            e);
      }
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document is not valid JSON: "
              + e.getOriginalMessage()
              + position(e.getLocation())
              + "; fix the JSON syntax there.",
          e);
    }
  }

  private static String position(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static JsonNode readYaml(String text) throws InvalidDocumentException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_YAML_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(DocumentLoader.MAX_DOCUMENT_CHARS);
    DumperOptions dumperOptions = new DumperOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(dumperOptions),
            dumperOptions,
            options,
            new TimestampsAsStrings());

    Object loaded;
    try {
      loaded = yaml.load(text);
    } catch (MarkedYAMLException e) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document is not valid YAML: "
              + e.getProblem()
              + position(e.getProblemMark())
              + "; fix the YAML syntax there.",
          e);
    } catch (YAMLException e) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document could not be read as YAML ("
              + e.getMessage()
              + "); remove the construct that the message names.",
          e);
    }
    return new TreeBuilder((long) text.length() + ALIAS_NODE_ALLOWANCE).convert(loaded, 1);
  }

  private static String position(Mark mark) {
    if (mark == null) {
      return "";
    }
    return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /**
   * Keeps unquoted dates such as 2024-01-31 as strings, as swagger-parser does, so that values such
   * as info.version keep their text.
   */
  private static final class TimestampsAsStrings extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      Tag tag = super.resolve(kind, value, implicit);
      return Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
    }
  }

  /** Converts SnakeYAML's objects into a Jackson tree, expanding aliases under the limits. */
  private static final class TreeBuilder {
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final long maxNodes;
    private long nodeCount;

    TreeBuilder(long maxNodes) {
      this.maxNodes = maxNodes;
    }

    JsonNode convert(Object value, int depth) throws InvalidDocumentException {
      nodeCount++;
      if (nodeCount > maxNodes) {
        throw new InvalidDocumentException(
            JsonPaths.ROOT,
            "The YAML aliases expand to more than "
                + maxNodes
                + " nodes; replace the aliases with the content they stand for.");
      }
      if (depth > MAX_NESTING_DEPTH) {
        throw new InvalidDocumentException(
            JsonPaths.ROOT,
            "The document, with its YAML aliases expanded, nests deeper than "
                + MAX_NESTING_DEPTH
                + " levels; flatten it or remove self-referencing aliases.");
      }
      if (value instanceof Map<?, ?> map) {
        ObjectNode object = nodes.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          object.set(String.valueOf(entry.getKey()), convert(entry.getValue(), depth + 1));
        }
        return object;
      }
      if (value instanceof Collection<?> collection) {
        ArrayNode array = nodes.arrayNode();
        for (Object item : collection) {
          array.add(convert(item, depth + 1));
        }
        return array;
      }
      return scalar(value);
    }

    private JsonNode scalar(Object value) {
      if (value == null) {
        return nodes.nullNode();
      }
      if (value instanceof String text) {
        return nodes.textNode(text);
      }
      if (value instanceof Boolean flag) {
        return nodes.booleanNode(flag);
      }
      if (value instanceof Integer number) {
        return nodes.numberNode(number);
      }
      if (value instanceof Long number) {
        return nodes.numberNode(number);
      }
      if (value instanceof BigInteger number) {
        return nodes.numberNode(number);
      }
      if (value instanceof Double number) {
        return nodes.numberNode(number);
      }
      if (value instanceof BigDecimal number) {
        return nodes.numberNode(number);
      }
      if (value instanceof byte[] bytes) {
        return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      if (value instanceof Date date) {
        // Only an explicit !!timestamp tag gets here, because plain dates stay strings.
        return nodes.textNode(date.toInstant().toString());
      }
      return nodes.textNode(String.valueOf(value));
    }
  }
}
