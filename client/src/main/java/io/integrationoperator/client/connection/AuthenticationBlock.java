package io.integrationoperator.client.connection;

import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.model.SecuritySchemeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The authentication blocks of an Integration spec and the model security scheme types each one
 * fits: apiKey to apiKey, basic to http with scheme basic, bearer to http with scheme bearer,
 * oauth2 to oauth2, openIdConnect to openIdConnect, mutualTls to mutualTLS and awsSigV4 to the
 * awsSigV4 type the catalog reports for apiKey schemes marked with x-amazon-apigateway-authtype.
 */
public enum AuthenticationBlock {
  API_KEY("apiKey", "apiKey", null),
  BASIC("basic", "http", "basic"),
  BEARER("bearer", "http", "bearer"),
  AWS_SIG_V4("awsSigV4", "awsSigV4", null),
  OAUTH2("oauth2", "oauth2", null),
  OPEN_ID_CONNECT("openIdConnect", "openIdConnect", null),
  MUTUAL_TLS("mutualTls", "mutualTLS", null);

  private final String field;
  private final String schemeType;
  private final String httpScheme;

  AuthenticationBlock(String field, String schemeType, String httpScheme) {
    this.field = field;
    this.schemeType = schemeType;
    this.httpScheme = httpScheme;
  }

  /** Returns the field name of the block in spec.authentication. */
  public String field() {
    return field;
  }

  /** Returns a description of the scheme types the block fits, for messages. */
  public String fittingSchemeDescription() {
    return httpScheme == null ? schemeType : schemeType + " with scheme " + httpScheme;
  }

  /** Lists the blocks that are set, in declaration order. */
  public static List<AuthenticationBlock> present(Authentication auth) {
    List<AuthenticationBlock> blocks = new ArrayList<>();
    if (auth.getApiKey() != null) {
      blocks.add(API_KEY);
    }
    if (auth.getBasic() != null) {
      blocks.add(BASIC);
    }
    if (auth.getBearer() != null) {
      blocks.add(BEARER);
    }
    if (auth.getAwsSigV4() != null) {
      blocks.add(AWS_SIG_V4);
    }
    if (auth.getOauth2() != null) {
      blocks.add(OAUTH2);
    }
    if (auth.getOpenIdConnect() != null) {
      blocks.add(OPEN_ID_CONNECT);
    }
    if (auth.getMutualTls() != null) {
      blocks.add(MUTUAL_TLS);
    }
    return blocks;
  }

  /** Returns true when the model's scheme has a type this block can authenticate against. */
  public boolean fits(SecuritySchemeStatus scheme) {
    if (!schemeType.equals(scheme.getType())) {
      return false;
    }
    if (httpScheme == null) {
      return true;
    }
    Map<String, String> details = scheme.getDetails() == null ? Map.of() : scheme.getDetails();
    String actual = details.getOrDefault("scheme", "");
    return httpScheme.equals(actual.toLowerCase(Locale.ROOT));
  }
}
