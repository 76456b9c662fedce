package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.SwaggerResolver;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.parser.util.SwaggerDeserializer;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.reference.DereferencerContext;
import io.swagger.v3.parser.reference.DereferencersFactory;
import io.swagger.v3.parser.reference.OpenAPIDereferencer;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands an already read tree to swagger-parser 2.1 and resolves its references, so the text is
 * parsed only once and only by {@link DocumentReader}, whose YAML limits apply.
 *
 * <p>The steps are those that {@code OpenAPIV3Parser.readContents} and {@code
 * SwaggerConverter.readContents} take after reading text: deserialize, then resolve with {@code
 * OpenAPIResolver} (3.0), the registered dereferencers (3.1) or {@code SwaggerResolver} followed by
 * the v2 converter (Swagger 2.0). No location is given, so nothing is fetched, and {@link
 * ReferenceChecker} has already rejected references outside the document.
 */
final class SwaggerParsing {
  private SwaggerParsing() {}

  /** Parses and resolves the tree; the result's model is null when swagger-parser gave up. */
  static SwaggerParseResult parse(JsonNode root, SpecVersion version) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return switch (version.family()) {
      case SWAGGER_2 -> parseSwagger2(root);
      case OPENAPI_3_0 -> parseOpenApi30(root, options);
      case OPENAPI_3_1 -> parseOpenApi31(root, options);
    };
  }

  private static SwaggerParseResult parseSwagger2(JsonNode root) {
    SwaggerDeserializationResult swagger = new SwaggerDeserializer().deserialize(root);
    if (swagger.getSwagger() != null) {
      swagger.setSwagger(new SwaggerResolver(swagger.getSwagger()).resolve());
      CollectionFormats.tag(swagger.getSwagger());
    }
    return withMessageList(new SwaggerConverter().convert(swagger));
  }

  private static SwaggerParseResult parseOpenApi30(JsonNode root, ParseOptions options) {
    SwaggerParseResult result =
        withMessageList(new OpenAPIV3Parser().parseJsonNode(null, root, options));
    if (result.getOpenAPI() != null) {
      new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), null, null, options)
          .resolve(result);
    }
    return result;
  }

  private static SwaggerParseResult parseOpenApi31(JsonNode root, ParseOptions options) {
    SwaggerParseResult result =
        withMessageList(new OpenAPIV3Parser().parseJsonNode(null, root, options));
    if (result.getOpenAPI() == null) {
      return result;
    }
    DereferencerContext context =
        new DereferencerContext(result, new ArrayList<>(), null, options, null, null, true);
    List<OpenAPIDereferencer> dereferencers = DereferencersFactory.getInstance().getDereferencers();
    if (!dereferencers.isEmpty()) {
      // Each dereferencer handles the context or passes it on along the iterator.
      dereferencers.get(0).dereference(context, dereferencers.iterator());
    }
    return result;
  }

  /** Makes the message list present and modifiable, since the resolvers append to it. */
  private static SwaggerParseResult withMessageList(SwaggerParseResult result) {
    List<String> messages = result.getMessages();
    result.setMessages(messages == null ? new ArrayList<>() : new ArrayList<>(messages));
    return result;
  }
}
