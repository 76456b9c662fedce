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
 *     "x-itential-dynamic-retrieval.method|url|responsePointer" when that extension is present; and
 *     per entry of x-itential-parameters "x-itential-parameters.NAME.in" (header, body or query)
 *     and "x-itential-parameters.NAME.usedIn" (token, refresh or key, comma-separated)
 */
public record SecuritySchemeInfo(String name, String type, Map<String, String> details) {}
