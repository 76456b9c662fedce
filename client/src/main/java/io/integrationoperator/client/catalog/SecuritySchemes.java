package io.integrationoperator.client.catalog;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes the security schemes of components.securitySchemes, which for Swagger 2.0 the v2
 * converter fills from securityDefinitions (its {@code basic} becoming http with scheme basic). The
 * detail keys are those listed on {@link SecuritySchemeInfo}, and a key whose value the document
 * does not set is left out.
 */
final class SecuritySchemes {
  /** Extension that marks an apiKey scheme as AWS Signature Version 4. */
  static final String AWS_AUTH_TYPE = "x-amazon-apigateway-authtype";

  /** Extension that describes how to obtain an API key by a login request. */
  static final String DYNAMIC_RETRIEVAL = "x-itential-dynamic-retrieval";

  private static final List<String> DYNAMIC_RETRIEVAL_FIELDS =
      List.of("method", "url", "responsePointer", "contentType");

  private SecuritySchemes() {}

  /**
   * Returns the schemes in document order, adding a warning for each without a type.
   *
   * @param declaredAt JSON path of the map that declares the schemes, used in warnings
   */
  static List<SecuritySchemeInfo> of(OpenAPI api, String declaredAt, List<String> warnings) {
    if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
      return List.of();
    }
    List<SecuritySchemeInfo> schemes = new ArrayList<>();
    for (Map.Entry<String, SecurityScheme> entry :
        api.getComponents().getSecuritySchemes().entrySet()) {
      SecurityScheme scheme = entry.getValue();
      if (scheme == null || scheme.getType() == null) {
        warnings.add(
            JsonPaths.member(declaredAt, entry.getKey())
                + ": the security scheme has no valid type, so it is left out.");
        continue;
      }
      String path = JsonPaths.member(declaredAt, entry.getKey());
      schemes.add(describe(entry.getKey(), scheme, path, warnings));
    }
    return List.copyOf(schemes);
  }

  private static SecuritySchemeInfo describe(
      String name, SecurityScheme scheme, String path, List<String> warnings) {
    Map<String, String> details = new LinkedHashMap<>();
    String type = scheme.getType().toString();
    switch (scheme.getType()) {
      case APIKEY -> {
        put(details, "in", scheme.getIn() == null ? null : scheme.getIn().toString());
        put(details, "name", scheme.getName());
        if (isAwsSigV4(scheme)) {
          type = "awsSigV4";
        }
      }
      case HTTP -> {
        put(details, "scheme", scheme.getScheme());
        put(details, "bearerFormat", scheme.getBearerFormat());
      }
      case OAUTH2 -> putFlows(details, scheme.getFlows());
      case OPENIDCONNECT -> put(details, "openIdConnectUrl", scheme.getOpenIdConnectUrl());
      default -> {
        // mutualTLS has no details.
      }
    }
    putDynamicRetrieval(details, scheme);
    Object parameters =
        scheme.getExtensions() == null
            ? null
            : scheme.getExtensions().get(ItentialParameters.EXTENSION);
    ItentialParameters.put(
        details, parameters, JsonPaths.member(path, ItentialParameters.EXTENSION), warnings);
    return new SecuritySchemeInfo(name, type, Collections.unmodifiableMap(details));
  }

  private static boolean isAwsSigV4(SecurityScheme scheme) {
    Object authType =
        scheme.getExtensions() == null ? null : scheme.getExtensions().get(AWS_AUTH_TYPE);
    return authType instanceof String value && value.equalsIgnoreCase("awsSigv4");
  }

  private static void putFlows(Map<String, String> details, OAuthFlows flows) {
    if (flows == null) {
      return;
    }
    Map<String, OAuthFlow> byName = new LinkedHashMap<>();
    byName.put("implicit", flows.getImplicit());
    byName.put("password", flows.getPassword());
    byName.put("clientCredentials", flows.getClientCredentials());
    byName.put("authorizationCode", flows.getAuthorizationCode());
    byName.values().removeIf(flow -> flow == null);

    details.put("flows", String.join(",", byName.keySet()));
    byName.forEach(
        (flowName, flow) -> {
          put(details, flowName + ".tokenUrl", flow.getTokenUrl());
          put(details, flowName + ".authorizationUrl", flow.getAuthorizationUrl());
          put(details, flowName + ".refreshUrl", flow.getRefreshUrl());
        });
  }

  private static void putDynamicRetrieval(Map<String, String> details, SecurityScheme scheme) {
    Object extension =
        scheme.getExtensions() == null ? null : scheme.getExtensions().get(DYNAMIC_RETRIEVAL);
    if (!(extension instanceof Map<?, ?> fields)) {
      return;
    }
    for (String field : DYNAMIC_RETRIEVAL_FIELDS) {
      Object value = fields.get(field);
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        details.put(SecuritySchemeInfo.DYNAMIC_RETRIEVAL_PREFIX + field, value.toString());
      }
    }
  }

  private static void put(Map<String, String> details, String key, String value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
