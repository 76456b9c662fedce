package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses OpenAPI 3.0, 3.1 and Swagger 2.0 documents into task catalogs.
 *
 * <p>Steps: the text is read once into a tree ({@link DocumentReader}, which limits size, nesting
 * and YAML aliases), its version is checked, every {@code $ref} is checked ({@link
 * ReferenceChecker}), and swagger-parser 2.1 builds and resolves the model from that tree ({@link
 * SwaggerParsing}). Swagger 2.0 goes through swagger-parser's v2 converter.
 *
 * <p>Which problems are fatal: the document is rejected with an {@link InvalidDocumentException}
 * when
 *
 * <ul>
 *   <li>it is larger than {@link #MAX_DOCUMENT_CHARS}, empty, or not valid JSON or YAML ({@code
 *       $});
 *   <li>its YAML aliases or its nesting exceed {@link DocumentReader}'s limits ({@code $});
 *   <li>a path item or operation lists more than {@link TaskParameters#MAX_PARAMETERS} parameters
 *       (the path of that list);
 *   <li>its top level is not an object with an {@code openapi} 3.0.x or 3.1.x or a {@code swagger}
 *       2.0 field ({@code $}, {@code $.openapi} or {@code $.swagger});
 *   <li>a {@code $ref} does not resolve or points outside the document (the path of the object that
 *       contains the {@code $ref});
 *   <li>swagger-parser produces no model ({@code $}), cannot read a declared path item or operation
 *       (its path, for example {@code $.paths['/pet'].get}), or finds no operation at all ({@code
 *       $.paths});
 *   <li>swagger-parser or its resolver throws, including a stack overflow on deeply recursive input
 *       ({@code $}).
 * </ul>
 *
 * <p>Every other swagger-parser message (unexpected or missing attributes, values of the wrong type
 * elsewhere, references its 3.1 resolver could not follow although they resolve in the tree)
 * becomes a warning {@code JSONPATH: message}, because the tasks can still be called. Repeated
 * operationIds are reported once, as the rename warnings of the task list.
 */
public final class DocumentLoader {
  /** Largest accepted document, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  /** Maximum length of a parser exception's text quoted in an error message. */
  private static final int MAX_CAUSE_CHARS = 300;

  private DocumentLoader() {}

  /**
   * Parses a document given as JSON or YAML text.
   *
   * @throws InvalidDocumentException when the text is not JSON or YAML, not OpenAPI or Swagger 2.0,
   *     has a broken $ref, or is larger than {@link #MAX_DOCUMENT_CHARS}
   */
  public static TaskCatalog load(String text) throws InvalidDocumentException {
    if (text == null) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document is empty; provide an OpenAPI 3.x or Swagger 2.0 document as JSON or YAML.");
    }
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document has "
              + text.length()
              + " characters, more than the maximum of "
              + MAX_DOCUMENT_CHARS
              + "; remove unused parts or split the API into several models.");
    }
    try {
      return parse(text);
    } catch (StackOverflowError e) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "The document nests schemas or references too deeply to resolve; shorten recursive"
              + " $ref chains and deeply nested schemas.",
          e);
    } catch (RuntimeException e) {
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "swagger-parser failed on the document ("
              + abbreviate(e.toString())
              + "); check that it is a valid OpenAPI 3.x or Swagger 2.0 document.",
          e);
    }
  }

  private static TaskCatalog parse(String text) throws InvalidDocumentException {
    JsonNode root = DocumentReader.read(text);
    SpecVersion version = SpecVersion.detect(root);
    ReferenceChecker.check(root);
    TaskParameters.checkCounts(root);

    SwaggerParseResult result = SwaggerParsing.parse(root, version);
    List<String> messages = result.getMessages();
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      String reason = messages.isEmpty() ? "no reason given" : messages.get(0);
      throw new InvalidDocumentException(
          JsonPaths.ROOT,
          "swagger-parser could not read the document ("
              + abbreviate(reason)
              + "); fix the reported problem.");
    }

    List<String> warnings = new ArrayList<>(ParserMessages.warnings(root, messages));
    TaskListBuilder.TaskList tasks = TaskListBuilder.build(root, api, messages);
    warnings.addAll(tasks.warnings());
    Optional<String> server = ServerDefaults.of(root, version, api, warnings);
    List<SecuritySchemeInfo> schemes =
        SecuritySchemes.of(api, securitySchemesPath(version), warnings);

    Info info = api.getInfo();
    return new TaskCatalog(
        info == null || info.getTitle() == null ? "" : info.getTitle(),
        info == null || info.getVersion() == null ? "" : info.getVersion(),
        version.declared(),
        server,
        schemes,
        tasks.methods(),
        tasks.tasks(),
        List.copyOf(warnings));
  }

  private static String securitySchemesPath(SpecVersion version) {
    if (version.family() == SpecVersion.Family.SWAGGER_2) {
      return JsonPaths.member(JsonPaths.ROOT, "securityDefinitions");
    }
    return JsonPaths.member(JsonPaths.member(JsonPaths.ROOT, "components"), "securitySchemes");
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_CAUSE_CHARS ? line : line.substring(0, MAX_CAUSE_CHARS) + "...";
  }
}
