package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every {@code $ref} of a document in one walk over the tree, before swagger-parser reads
 * it.
 *
 * <p>swagger-parser reports only some broken references (for example an unknown schema, but not an
 * unknown parameter or response) and would fetch references to other files or URLs over the
 * network. This check therefore rejects:
 *
 * <ul>
 *   <li>a reference {@code #/json/pointer} that points at nothing in this document;
 *   <li>a reference {@code #name} when no {@code $anchor} or {@code $dynamicAnchor} has that name;
 *   <li>any other reference, unless the part before {@code #} equals a {@code $id} declared in the
 *       document (OpenAPI 3.1 schemas may refer to each other that way). A model is one
 *       self-contained document, so references to other files or URLs cannot be followed.
 * </ul>
 *
 * <p>Values that contain data rather than OpenAPI objects are skipped: {@code example}, {@code
 * enum}, {@code const}, extensions ({@code x-...}) and {@code examples} arrays. In an {@code
 * examples} map only each entry's own {@code $ref} is checked.
 */
final class ReferenceChecker {
  private final JsonNode root;
  private final List<Object> location = new ArrayList<>();
  private final Set<String> schemaIds = new HashSet<>();
  private final Set<String> anchors = new HashSet<>();
  private final List<DeferredReference> deferred = new ArrayList<>();

  /** A reference that can be checked only once every $id and $anchor is known. */
  private record DeferredReference(String reference, String jsonPath) {}

  private ReferenceChecker(JsonNode root) {
    this.root = root;
  }

  /** Throws for the first reference, in document order, that does not resolve. */
  static void check(JsonNode root) throws InvalidDocumentException {
    ReferenceChecker checker = new ReferenceChecker(root);
    checker.visit(root);
    checker.checkDeferred();
  }

  private void visit(JsonNode node) throws InvalidDocumentException {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        location.add(i);
        visit(node.get(i));
        location.remove(location.size() - 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    collectIdentifiers(node);
    checkReference(node);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (holdsData(name, field.getValue())) {
        continue;
      }
      location.add(name);
      if (name.equals("examples")) {
        visitExamples(field.getValue());
      } else {
        visit(field.getValue());
      }
      location.remove(location.size() - 1);
    }
  }

  private static boolean holdsData(String name, JsonNode value) {
    return name.startsWith("x-")
        || name.equals("example")
        || name.equals("enum")
        || name.equals("const")
        || (name.equals("examples") && value.isArray());
  }

  /** Checks the entries of an examples map, whose example values are arbitrary data. */
  private void visitExamples(JsonNode examples) throws InvalidDocumentException {
    for (Map.Entry<String, JsonNode> entry : examples.properties()) {
      location.add(entry.getKey());
      checkReference(entry.getValue());
      location.remove(location.size() - 1);
    }
  }

  private void collectIdentifiers(JsonNode node) {
    JsonNode id = node.get("$id");
    if (id != null && id.isTextual()) {
      schemaIds.add(id.textValue());
    }
    for (String keyword : List.of("$anchor", "$dynamicAnchor")) {
      JsonNode anchor = node.get(keyword);
      if (anchor != null && anchor.isTextual()) {
        anchors.add(anchor.textValue());
      }
    }
  }

  private void checkReference(JsonNode node) throws InvalidDocumentException {
    JsonNode value = node.get("$ref");
    if (value == null || !value.isTextual()) {
      return;
    }
    String reference = value.textValue();
    if (reference.equals("#") || reference.startsWith("#/")) {
      if (!resolvesInDocument(reference.substring(1))) {
        throw notFound(reference, JsonPaths.of(location));
      }
      return;
    }
    deferred.add(new DeferredReference(reference, JsonPaths.of(location)));
  }

  private boolean resolvesInDocument(String fragment) {
    try {
      return !root.at(JsonPointer.compile(percentDecode(fragment))).isMissingNode();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void checkDeferred() throws InvalidDocumentException {
    for (DeferredReference pending : deferred) {
      String reference = pending.reference();
      int hash = reference.indexOf('#');
      if (hash == 0) {
        if (!anchors.contains(reference.substring(1))) {
          throw notFound(reference, pending.jsonPath());
        }
        continue;
      }
      String resource = hash < 0 ? reference : reference.substring(0, hash);
      // NOTE: the resource must equal a declared $id character for character. A reference that is
      // relative to an enclosing $id is not resolved, so it is reported as outside the document.
      if (!schemaIds.contains(resource)) {
        throw new InvalidDocumentException(
            pending.jsonPath(),
            "The $ref \""
                + reference
                + "\" points outside this document; copy the referenced definition into the"
                + " document and refer to it with a #/ reference.");
      }
    }
  }

  private static InvalidDocumentException notFound(String reference, String jsonPath) {
    return new InvalidDocumentException(
        jsonPath,
        "The $ref \""
            + reference
            + "\" does not point at anything in this document; define the target or correct the"
            + " reference.");
  }

  /** Decodes the %XX escapes of a URI fragment and keeps a malformed escape as written. */
  static String percentDecode(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    StringBuilder decoded = new StringBuilder(fragment.length());
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    int i = 0;
    while (i < fragment.length()) {
      if (fragment.charAt(i) == '%' && isHexPair(fragment, i + 1)) {
        escaped.write(Integer.parseInt(fragment.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      // A run of escapes is one UTF-8 sequence, so it is decoded as a whole.
      decoded.append(escaped.toString(StandardCharsets.UTF_8));
      escaped.reset();
      decoded.append(fragment.charAt(i));
      i++;
    }
    decoded.append(escaped.toString(StandardCharsets.UTF_8));
    return decoded.toString();
  }

  private static boolean isHexPair(String text, int start) {
    return start + 1 < text.length()
        && Character.digit(text.charAt(start), 16) >= 0
        && Character.digit(text.charAt(start + 1), 16) >= 0;
  }
}
