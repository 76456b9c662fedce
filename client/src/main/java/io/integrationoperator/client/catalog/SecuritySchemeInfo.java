package io.integrationoperator.client.catalog;

import java.util.Map;

/**
 * A security scheme the document declares.
 *
 * @param name the scheme's key in components.securitySchemes (or securityDefinitions)
 * @param type apiKey, http, oauth2, openIdConnect, mutualTLS, or awsSigV4 for an apiKey scheme
 *     carrying x-amazon-apigateway-authtype: awsSigv4
 * @param details type-specific values: for apiKey "in" and "name"; for http "scheme" and
 *     "bearerFormat"; for oauth2 "flows" (comma-separated) and per flow "tokenUrl",
 *     "authorizationUrl", "refreshUrl" prefixed with the flow name (for example
 *     "clientCredentials.tokenUrl"); for openIdConnect "openIdConnectUrl";
 *     "x-itential-dynamic-retrieval.method|url|responsePointer|contentType" when that extension is
 *     present; and for each entry of x-itential-parameters "x-itential-parameters.NAME.in" (header,
 *     body or query) and "x-itential-parameters.NAME.x-itential-use-in" (a comma-separated list of
 *     token, refresh and key), in lower case, where NAME is the parameter name
 */
public record SecuritySchemeInfo(String name, String type, Map<String, String> details) {

  /** Prefix of the detail keys that the x-itential-dynamic-retrieval extension fills. */
  public static final String DYNAMIC_RETRIEVAL_PREFIX = "x-itential-dynamic-retrieval.";

  /** Prefix of the detail keys that the x-itential-parameters extension fills. */
  public static final String PARAMETERS_PREFIX = "x-itential-parameters.";

  /** Suffix, after the parameter name, of the detail that says where a parameter goes. */
  public static final String PARAMETER_IN_SUFFIX = ".in";

  /** Suffix, after the parameter name, of the detail that lists the requests using a parameter. */
  public static final String PARAMETER_USE_IN_SUFFIX = ".x-itential-use-in";
}
