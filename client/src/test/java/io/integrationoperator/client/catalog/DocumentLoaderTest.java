package io.integrationoperator.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentLoaderTest {

  /** Returns an OpenAPI 3.0 document with the given text under paths and after it. */
  private static String openapi30(String paths, String rest) {
    return """
        openapi: 3.0.3
        info: {title: Test API, version: '1.0'}
        paths:
        %s
        %s
        """
        .formatted(paths.indent(2).stripTrailing(), rest);
  }

  private static String openapi30(String paths) {
    return openapi30(paths, "");
  }

  /** Returns a Swagger 2.0 document with the given top-level text before its paths. */
  private static String swagger20(String topLevel, String paths) {
    return """
        swagger: '2.0'
        info: {title: Test API, version: '1.0'}
        %s
        paths:
        %s
        """
        .formatted(topLevel, paths.indent(2).stripTrailing());
  }

  private static final String OK = "responses: {'200': {description: ok}}";

  private static TaskCatalog load(String text) {
    try {
      return DocumentLoader.load(text);
    } catch (InvalidDocumentException e) {
      return fail("expected the document to load, got " + e.getJsonPath() + ": " + e.getMessage());
    }
  }

  private static InvalidDocumentException rejection(String text) {
    return catchThrowableOfType(InvalidDocumentException.class, () -> DocumentLoader.load(text));
  }

  private static List<String> names(TaskCatalog catalog) {
    return catalog.tasks().stream().map(Task::name).toList();
  }

  @Nested
  class TaskNaming {
    @Test
    void keepsOperationIdAsName() {
      TaskCatalog catalog = load(openapi30("/pets: {get: {operationId: listPets, " + OK + "}}"));

      assertThat(names(catalog)).containsExactly("listPets");
      assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void derivesNameWhenOperationIdMissing() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/pet/{petId}: {get: {parameters: [{name: petId, in: path, required: true, schema: {type: string}}], "
                      + OK
                      + "}}"));

      assertThat(names(catalog)).containsExactly("get_pet_petId");
      assertThat(catalog.warnings())
          .containsExactly(
              "$.paths['/pet/{petId}'].get: the operation has no operationId, so its task is named"
                  + " get_pet_petId.");
    }

    @Test
    void treatsBlankOperationIdAsMissing() {
      TaskCatalog catalog = load(openapi30("/pets: {get: {operationId: '  ', " + OK + "}}"));

      assertThat(names(catalog)).containsExactly("get_pets");
      assertThat(catalog.warnings()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource
    void derivedNameIsSanitised(String method, String path, String expected) {
      assertThat(TaskNames.derive(method, path)).isEqualTo(expected);
    }

    static Stream<Arguments> derivedNameIsSanitised() {
      return Stream.of(
          Arguments.of("GET", "/pet/{petId}", "get_pet_petId"),
          Arguments.of("get", "/apis/apps.k8s.io/v1/", "get_apis_apps_k8s_io_v1"),
          Arguments.of(
              "DELETE",
              "/guilds/{guild.id}/members/{user.id}",
              "delete_guilds_guild_id_members_user_id"),
          Arguments.of("post", "/", "post"),
          Arguments.of("patch", "/users/@me//settings--x", "patch_users_me_settings_x"),
          Arguments.of("put", "/caf\u00e9/{id}", "put_caf_id"));
    }

    @Test
    void renamesLaterOperationsWithRepeatedOperationId() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /api/v1/: {get: {operationId: getAPIResources, %1$s}}
                  /apis/apps/v1/: {get: {operationId: getAPIResources, %1$s}}
                  /apis/batch/v1/: {get: {operationId: getAPIResources, %1$s}}
                  """
                      .formatted(OK)));

      assertThat(names(catalog))
          .containsExactly("getAPIResources", "get_apis_apps_v1", "get_apis_batch_v1");
      assertThat(catalog.warnings())
          .containsExactly(
              "$.paths['/apis/apps/v1/'].get.operationId: operationId getAPIResources is already"
                  + " used by GET /api/v1/, so this operation's task is named get_apis_apps_v1.",
              "$.paths['/apis/batch/v1/'].get.operationId: operationId getAPIResources is already"
                  + " used by GET /api/v1/, so this operation's task is named get_apis_batch_v1.");
    }

    @Test
    void appendsNumberWhenDerivedNameTaken() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /a.b: {get: {%1$s}}
                  /a_b: {get: {%1$s}}
                  /a-b: {get: {%1$s}}
                  """
                      .formatted(OK)));

      assertThat(names(catalog)).containsExactly("get_a_b", "get_a_b_2", "get_a_b_3");
    }

    @Test
    void derivedNameAvoidsLaterOperationId() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /pets: {get: {%1$s}}
                  /animals: {get: {operationId: get_pets, %1$s}}
                  """
                      .formatted(OK)));

      assertThat(names(catalog)).containsExactly("get_pets_2", "get_pets");
    }

    @Test
    void repeatedIdWhoseDerivedNameIsAnOperationIdGetsSuffix() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /items: {get: {operationId: list, %1$s}}
                  /things: {get: {operationId: list, %1$s}}
                  /other: {get: {operationId: get_things, %1$s}}
                  """
                      .formatted(OK)));

      assertThat(names(catalog)).containsExactly("list", "get_things_2", "get_things");
    }

    @Test
    void ordersTasksAsDocumentWritesThem() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /b:
                    post: {operationId: createB, %1$s}
                    get: {operationId: listB, %1$s}
                  /a:
                    delete: {operationId: deleteA, %1$s}
                    patch: {operationId: patchA, %1$s}
                    get: {operationId: getA, %1$s}
                  """
                      .formatted(OK)));

      assertThat(names(catalog)).containsExactly("createB", "listB", "deleteA", "patchA", "getA");
      assertThat(catalog.tasks().get(0).method()).isEqualTo("POST");
      assertThat(catalog.tasks().get(0).path()).isEqualTo("/b");
    }

    @Test
    void collectsLowerCaseMethods() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /a:
                    head: {operationId: headA, %1$s}
                    options: {operationId: optionsA, %1$s}
                    trace: {operationId: traceA, %1$s}
                    patch: {operationId: patchA, %1$s}
                  """
                      .formatted(OK)));

      assertThat(catalog.methods()).containsExactly("head", "options", "patch", "trace");
    }
  }

  @Nested
  class DefaultServer {
    @Test
    void substitutesVariableDefaults() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  servers:
                    - url: '{protocol}://{subdomain}.example.test:{port}/v1'
                      variables:
                        protocol: {default: https, enum: [http, https]}
                        subdomain: {default: api}
                        port: {default: '8443'}
                    - url: https://second.example.test
                  """));

      assertThat(catalog.defaultServer()).contains("https://api.example.test:8443/v1");
      assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void usesFirstEnumValueWithoutDefault() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  servers:
                    - url: https://mq.{region}.example.test
                      variables:
                        region: {enum: [eu-west-1, us-east-1]}
                  """));

      assertThat(catalog.defaultServer()).contains("https://mq.eu-west-1.example.test");
      assertThat(catalog.warnings())
          .contains(
              "$.servers[0].variables.region: the server variable region has no default, so its"
                  + " first enum value eu-west-1 is used.");
    }

    @Test
    void keepsUndeclaredVariable() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  "servers: [{url: 'https://{tenant}.example.test'}]"));

      assertThat(catalog.defaultServer()).contains("https://{tenant}.example.test");
      assertThat(catalog.warnings())
          .containsExactly(
              "$.servers[0].variables.tenant: the server variable tenant is not declared, so the"
                  + " default server keeps {tenant}.");
    }

    @Test
    void keepsRelativeServerRelative() {
      TaskCatalog catalog =
          load(openapi30("/a: {get: {operationId: a, " + OK + "}}", "servers: [{url: /api/v31}]"));

      assertThat(catalog.defaultServer()).contains("/api/v31");
    }

    @ParameterizedTest(name = "servers: {0}")
    @ValueSource(strings = {"", "servers: []"})
    void isEmptyWithoutDeclaredServers(String servers) {
      TaskCatalog catalog = load(openapi30("/a: {get: {operationId: a, " + OK + "}}", servers));

      assertThat(catalog.defaultServer()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void followsSwagger2HostBasePathAndSchemes(String topLevel, Optional<String> expected) {
      TaskCatalog catalog = load(swagger20(topLevel, "/a: {get: {operationId: a, " + OK + "}}"));

      assertThat(catalog.defaultServer()).isEqualTo(expected);
    }

    static Stream<Arguments> followsSwagger2HostBasePathAndSchemes() {
      return Stream.of(
          Arguments.of(
              "host: h.example.test\nbasePath: /v2\nschemes: [http]",
              Optional.of("http://h.example.test/v2")),
          Arguments.of(
              "host: 'h.example.test:8443'\nbasePath: /v2\nschemes: [https, http]",
              Optional.of("https://h.example.test:8443/v2")),
          Arguments.of(
              "host: h.example.test\nschemes: [wss, http]", Optional.of("http://h.example.test")),
          Arguments.of("host: h.example.test\nbasePath: /", Optional.of("//h.example.test")),
          Arguments.of("basePath: /api", Optional.of("/api")),
          Arguments.of("basePath: /\nschemes: [https]", Optional.empty()),
          Arguments.of("schemes: [http, https]", Optional.empty()));
    }
  }

  @Nested
  class Parameters {
    @Test
    void mergesPathAndOperationParameters() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /pets/{id}:
                    parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                      - {name: verbose, in: query, schema: {type: boolean}}
                    get:
                      operationId: getPet
                      parameters:
                        - {name: limit, in: query, schema: {type: integer}}
                        - {name: verbose, in: query, required: true, schema: {type: integer}}
                      %s
                  """
                      .formatted(OK)));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("id", "path", true, "string"),
              new TaskParameter("limit", "query", false, "integer"),
              new TaskParameter("verbose", "query", true, "integer"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.1.0", "2.0"})
    void mergesAlikeInOtherVersions(String version) {
      String header = version.equals("2.0") ? "swagger: '2.0'\nbasePath: /" : "openapi: " + version;
      String type = version.equals("2.0") ? "type: %s" : "schema: {type: %s}";
      TaskCatalog catalog =
          load(
              """
              %s
              info: {title: t, version: '1'}
              paths:
                /pets/{id}:
                  parameters:
                    - {name: id, in: path, required: true, %s}
                    - {name: verbose, in: query, %s}
                  get:
                    operationId: getPet
                    parameters:
                      - {name: limit, in: query, %s}
                      - {name: verbose, in: query, required: true, %s}
                    responses: {'200': {description: ok}}
              """
                  .formatted(
                      header,
                      type.formatted("string"),
                      type.formatted("boolean"),
                      type.formatted("integer"),
                      type.formatted("integer")));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("id", "path", true, "string"),
              new TaskParameter("limit", "query", false, "integer"),
              new TaskParameter("verbose", "query", true, "integer"));
    }

    @Test
    void keepsSameNameInOtherLocation() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /pets:
                    parameters: [{name: trace, in: header, schema: {type: string}}]
                    get:
                      operationId: listPets
                      parameters: [{name: trace, in: query, schema: {type: boolean}}]
                      %s
                  """
                      .formatted(OK)));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("trace", "header", false, "string"),
              new TaskParameter("trace", "query", false, "boolean"));
    }

    @Test
    void resolvesReferencedParameters() {
      TaskCatalog catalog =
          load(
              openapi30(
                  """
                  /dags/{dag_id}:
                    parameters: [{$ref: '#/components/parameters/DagId'}]
                    get:
                      operationId: getDag
                      parameters: [{$ref: '#/components/parameters/Fields'}]
                      %s
                  """
                      .formatted(OK),
                  """
                  components:
                    parameters:
                      DagId: {name: dag_id, in: path, required: true, schema: {type: string}}
                      Fields:
                        name: fields
                        in: query
                        schema: {$ref: '#/components/schemas/FieldList'}
                    schemas:
                      FieldList: {type: array, items: {type: string}}
                  """));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("dag_id", "path", true, "string"),
              new TaskParameter("fields", "query", false, "array"));
    }

    @Test
    void treatsPathParametersAsRequired() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/pets/{id}: {get: {operationId: getPet, parameters: [{name: id, in: path,"
                      + " schema: {type: integer}}], "
                      + OK
                      + "}}"));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(new TaskParameter("id", "path", true, "integer"));
    }

    @Test
    void readsTypeFromContentAndTypeLists() {
      TaskCatalog catalog =
          load(
              """
              openapi: 3.1.0
              info: {title: Test API, version: '1.0'}
              paths:
                /search:
                  get:
                    operationId: search
                    parameters:
                      - name: filter
                        in: query
                        content: {application/json: {schema: {type: object}}}
                      - {name: cursor, in: query, schema: {type: ['null', string]}}
                      - {name: anything, in: cookie}
                    responses: {'200': {description: ok}}
              """);

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("filter", "query", false, "object"),
              new TaskParameter("cursor", "query", false, "string"),
              new TaskParameter("anything", "cookie", false, ""));
    }

    @Test
    void convertsSwagger2ParametersWithoutBody() {
      TaskCatalog catalog =
          load(
              swagger20(
                  """
                  parameters:
                    Pretty: {name: pretty, in: query, type: string}
                  """,
                  """
                  /pets/{id}:
                    parameters: [{$ref: '#/parameters/Pretty'}]
                    put:
                      operationId: replacePet
                      parameters:
                        - {name: id, in: path, required: true, type: integer}
                        - {name: body, in: body, required: true, schema: {type: object}}
                      %s
                  """
                      .formatted(OK)));

      assertThat(catalog.tasks().get(0).parameters())
          .containsExactly(
              new TaskParameter("pretty", "query", false, "string"),
              new TaskParameter("id", "path", true, "integer"));
      assertThat(catalog.tasks().get(0).operation().getRequestBody()).isNotNull();
    }
  }

  @Nested
  class SecuritySchemeDetails {
    @Test
    void describesOpenApi3Schemes() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  components:
                    securitySchemes:
                      key: {type: apiKey, in: query, name: api_key}
                      jwt: {type: http, scheme: bearer, bearerFormat: JWT}
                      oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example.test/.well-known/openid-configuration'}
                      oauth:
                        type: oauth2
                        flows:
                          password: {tokenUrl: /token, scopes: {}}
                          clientCredentials: {tokenUrl: 'https://id.example.test/token', refreshUrl: 'https://id.example.test/refresh', scopes: {}}
                          authorizationCode: {authorizationUrl: /authorize, tokenUrl: /token, scopes: {}}
                  """));

      assertThat(catalog.securitySchemes())
          .containsExactly(
              new SecuritySchemeInfo("key", "apiKey", Map.of("in", "query", "name", "api_key")),
              new SecuritySchemeInfo(
                  "jwt", "http", Map.of("scheme", "bearer", "bearerFormat", "JWT")),
              new SecuritySchemeInfo(
                  "oidc",
                  "openIdConnect",
                  Map.of(
                      "openIdConnectUrl",
                      "https://id.example.test/.well-known/openid-configuration")),
              new SecuritySchemeInfo(
                  "oauth",
                  "oauth2",
                  Map.of(
                      "flows", "password,clientCredentials,authorizationCode",
                      "password.tokenUrl", "/token",
                      "clientCredentials.tokenUrl", "https://id.example.test/token",
                      "clientCredentials.refreshUrl", "https://id.example.test/refresh",
                      "authorizationCode.authorizationUrl", "/authorize",
                      "authorizationCode.tokenUrl", "/token")));
    }

    @Test
    void marksAwsApiKeyAsSigV4() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  components:
                    securitySchemes:
                      hmac:
                        type: apiKey
                        in: header
                        name: Authorization
                        x-amazon-apigateway-authtype: awsSigv4
                  """));

      assertThat(catalog.securitySchemes())
          .containsExactly(
              new SecuritySchemeInfo(
                  "hmac", "awsSigV4", Map.of("in", "header", "name", "Authorization")));
    }

    @Test
    void readsDynamicRetrievalExtension() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  components:
                    securitySchemes:
                      login:
                        type: apiKey
                        in: header
                        name: X-Auth-Token
                        x-itential-dynamic-retrieval:
                          method: POST
                          url: https://api.example.test/v1/login
                          responsePointer: /token
                  """));

      assertThat(catalog.securityScheme("login").orElseThrow().details())
          .containsExactly(
              Map.entry("in", "header"),
              Map.entry("name", "X-Auth-Token"),
              Map.entry("x-itential-dynamic-retrieval.method", "POST"),
              Map.entry("x-itential-dynamic-retrieval.url", "https://api.example.test/v1/login"),
              Map.entry("x-itential-dynamic-retrieval.responsePointer", "/token"));
    }

    @Test
    void readsItentialParametersExtension() {
      TaskCatalog catalog =
          load(
              openapi30(
                  "/a: {get: {operationId: a, " + OK + "}}",
                  """
                  components:
                    securitySchemes:
                      login:
                        type: apiKey
                        in: header
                        name: X-Auth-Token
                        x-itential-dynamic-retrieval:
                          url: /v1/login
                          responsePointer: /data/token
                          contentType: application/x-www-form-urlencoded
                        x-itential-parameters:
                          - {name: username, in: body, x-itential-use-in: key}
                          - {name: X-Tenant, in: Header, x-itential-use-in: [Key, token]}
                          - {name: audience}
                          - just text
                  """));

      assertThat(catalog.securityScheme("login").orElseThrow().details())
          .containsExactly(
              Map.entry("in", "header"),
              Map.entry("name", "X-Auth-Token"),
              Map.entry("x-itential-dynamic-retrieval.url", "/v1/login"),
              Map.entry("x-itential-dynamic-retrieval.responsePointer", "/data/token"),
              Map.entry(
                  "x-itential-dynamic-retrieval.contentType", "application/x-www-form-urlencoded"),
              Map.entry("x-itential-parameters.username.in", "body"),
              Map.entry("x-itential-parameters.username.x-itential-use-in", "key"),
              Map.entry("x-itential-parameters.X-Tenant.in", "header"),
              Map.entry("x-itential-parameters.X-Tenant.x-itential-use-in", "key,token"));
      assertThat(catalog.warnings())
          .containsExactly(
              "$.components.securitySchemes.login['x-itential-parameters'][2]: the parameter has"
                  + " no name or no 'in', so it is ignored.",
              "$.components.securitySchemes.login['x-itential-parameters'][3]: the parameter is"
                  + " not an object, so it is ignored.");
    }

    @Test
    void convertsSwagger2SecurityDefinitions() {
      TaskCatalog catalog =
          load(
              swagger20(
                  """
                  securityDefinitions:
                    basicAuth: {type: basic}
                    app: {type: oauth2, flow: application, tokenUrl: 'https://id.example.test/token', scopes: {}}
                    code: {type: oauth2, flow: accessCode, authorizationUrl: /auth, tokenUrl: /token, scopes: {}}
                    key: {type: apiKey, in: header, name: X-Key}
                  """,
                  "/a: {get: {operationId: a, " + OK + "}}"));

      assertThat(catalog.securitySchemes())
          .containsExactly(
              new SecuritySchemeInfo("basicAuth", "http", Map.of("scheme", "basic")),
              new SecuritySchemeInfo(
                  "app",
                  "oauth2",
                  Map.of(
                      "flows",
                      "clientCredentials",
                      "clientCredentials.tokenUrl",
                      "https://id.example.test/token")),
              new SecuritySchemeInfo(
                  "code",
                  "oauth2",
                  Map.of(
                      "flows", "authorizationCode",
                      "authorizationCode.authorizationUrl", "/auth",
                      "authorizationCode.tokenUrl", "/token")),
              new SecuritySchemeInfo("key", "apiKey", Map.of("in", "header", "name", "X-Key")));
    }
  }

  @Nested
  class Identity {
    @Test
    void readsTitleAndVersions() {
      TaskCatalog catalog = load(openapi30("/a: {get: {operationId: a, " + OK + "}}"));

      assertThat(catalog.title()).isEqualTo("Test API");
      assertThat(catalog.version()).isEqualTo("1.0");
      assertThat(catalog.openapiVersion()).isEqualTo("3.0.3");
    }

    @Test
    void acceptsUnquotedSwaggerVersion() {
      TaskCatalog catalog =
          load(swagger20("", "/a: {get: {operationId: a, " + OK + "}}").replace("'2.0'", "2.0"));

      assertThat(catalog.openapiVersion()).isEqualTo("2.0");
      assertThat(names(catalog)).containsExactly("a");
    }

    @Test
    void readsJsonDocument() {
      TaskCatalog catalog =
          load(
              """
              {"openapi": "3.1.0", "info": {"title": "J", "version": "2"},
               "paths": {"/x": {"get": {"operationId": "getX",
                 "responses": {"200": {"description": "ok"}}}}}}
              """);

      assertThat(catalog.openapiVersion()).isEqualTo("3.1.0");
      assertThat(names(catalog)).containsExactly("getX");
    }
  }

  @Nested
  class Warnings {
    @Test
    void mapsParserMessagesToJsonPaths() {
      TaskCatalog catalog =
          load(
              openapi30("/a: {get: {operationId: a, " + OK + "}}", "unknownTopLevel: 1")
                  .replace("version: '1.0'", "versionX: '1.0'"));

      assertThat(catalog.warnings())
          .containsExactlyInAnyOrder(
              "$.unknownTopLevel: attribute unknownTopLevel is unexpected",
              "$.info.versionX: attribute info.versionX is unexpected",
              "$.info.version: attribute info.version is missing");
    }

    @Test
    void splitsDottedNamesByTree() throws Exception {
      JsonNode root =
          new ObjectMapper()
              .readTree(
                  """
                  {"components": {"schemas": {"io.k8s.api.core.v1.Pod": {"properties": {}}}},
                   "paths": {"/pet": {"get": {"responses": {"200": {}},
                     "parameters": [{"name": "offset"}, {"name": "limit"}]}}}}
                  """);

      assertThat(
              ParserMessages.jsonPath(
                  root,
                  "attribute components.schemas.io.k8s.api.core.v1.Pod.properties is not of"
                      + " type `object`"))
          .isEqualTo("$.components.schemas['io.k8s.api.core.v1.Pod'].properties");
      assertThat(
              ParserMessages.jsonPath(
                  root,
                  "attribute paths.'/pet'(get).responses.200.content.'application/json'.schema"
                      + ".#/components/schemas/Missing is missing"))
          .isEqualTo("$.paths['/pet'].get.responses['200'].content['application/json'].schema");
      assertThat(
              ParserMessages.jsonPath(
                  root,
                  "paths.'/pet'. Declared path parameter petId needs to be defined as a path"
                      + " parameter in path or operation level"))
          .isEqualTo("$.paths['/pet']");
      assertThat(
              ParserMessages.jsonPath(
                  root, "attribute paths.'/pet'(get).parameters.[limit].content is missing"))
          .isEqualTo("$.paths['/pet'].get.parameters[1].content");
      assertThat(ParserMessages.jsonPath(root, "Could not find /x in contents of #/x"))
          .isEqualTo("$");
    }
  }

  @Nested
  class Errors {
    @Test
    void rejectsInvalidJson() {
      InvalidDocumentException error = rejection("{\"openapi\": ");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is not valid JSON: Unexpected end-of-input within/between Object"
                  + " entries at line 1, column 13; fix the JSON syntax there.");
    }

    @Test
    void rejectsInvalidYaml() {
      InvalidDocumentException error = rejection("openapi: 3.0.0\n  bad: x\n");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is not valid YAML: mapping values are not allowed here at line 2,"
                  + " column 6; fix the YAML syntax there.");
    }

    @Test
    void countsLinesFromTextStart() {
      InvalidDocumentException error = rejection("\n\n{\"openapi\": }");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage()).contains(" at line 3, column 13;");
    }

    @Test
    void rejectsTrailingJsonContent() {
      InvalidDocumentException error = rejection("{} {}");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document has more content after its first JSON value at line 1, column 4;"
                  + " remove it, because a document is one JSON value.");
    }

    @Test
    void rejectsDuplicateJsonKeys() {
      InvalidDocumentException error =
          rejection("{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":{},\"get\":{}}}}");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is not valid JSON: Duplicate field 'get' at line 1, column 49; fix the"
                  + " JSON syntax there.");
    }

    @Test
    void rejectsDuplicateYamlKeys() {
      InvalidDocumentException error =
          rejection("openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n    get: {}\n");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is not valid YAML: found duplicate key get at line 5, column 5; fix"
                  + " the YAML syntax there.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   \n", "# only a comment\n"})
    void rejectsEmptyDocument(String text) {
      InvalidDocumentException error = rejection(text);

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage()).startsWith("The document ");
      assertThat(error.getMessage())
          .endsWith("; provide an OpenAPI 3.x or Swagger 2.0 document as JSON or YAML.");
    }

    @Test
    void rejectsNullText() {
      InvalidDocumentException error = rejection(null);

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is empty; provide an OpenAPI 3.x or Swagger 2.0 document as JSON or"
                  + " YAML.");
    }

    @Test
    void rejectsScalarDocument() {
      InvalidDocumentException error = rejection("just some words");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document is a string rather than an object; provide an OpenAPI 3.x or Swagger"
                  + " 2.0 document, whose top level is an object.");
    }

    @Test
    void rejectsDocumentWithoutVersionField() {
      InvalidDocumentException error = rejection("info: {title: t, version: '1'}\npaths: {}\n");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document has neither an openapi nor a swagger field, so it is not OpenAPI or"
                  + " Swagger; add openapi: 3.x.y (or swagger: \"2.0\") at the top level.");
    }

    @Test
    void rejectsUnsupportedOpenApiVersion() {
      InvalidDocumentException error =
          rejection(openapi30("/a: {get: {" + OK + "}}").replace("3.0.3", "4.0.0"));

      assertThat(error.getJsonPath()).isEqualTo("$.openapi");
      assertThat(error.getMessage())
          .isEqualTo(
              "OpenAPI version \"4.0.0\" is not supported; declare a 3.0.x or 3.1.x version, or"
                  + " convert the document.");
    }

    @Test
    void rejectsNumericOpenApiVersion() {
      InvalidDocumentException error =
          rejection(openapi30("/a: {get: {" + OK + "}}").replace("3.0.3", "3.1"));

      assertThat(error.getJsonPath()).isEqualTo("$.openapi");
      assertThat(error.getMessage())
          .isEqualTo(
              "The openapi field is a number but must be a string such as \"3.0.3\"; quote the"
                  + " version.");
    }

    @Test
    void rejectsUnsupportedSwaggerVersion() {
      InvalidDocumentException error =
          rejection(swagger20("", "/a: {get: {" + OK + "}}").replace("'2.0'", "'1.2'"));

      assertThat(error.getJsonPath()).isEqualTo("$.swagger");
      assertThat(error.getMessage())
          .isEqualTo(
              "Swagger version \"1.2\" is not supported; declare swagger: \"2.0\" or convert the"
                  + " document to OpenAPI 3.");
    }

    @Test
    void rejectsBrokenSchemaReference() {
      InvalidDocumentException error =
          rejection(
              openapi30(
                  """
                  /pet:
                    get:
                      operationId: getPet
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Pett'}
                  """,
                  "components: {schemas: {Pet: {type: object}}}"));

      assertThat(error.getJsonPath())
          .isEqualTo("$.paths['/pet'].get.responses['200'].content['application/json'].schema");
      assertThat(error.getMessage())
          .isEqualTo(
              "The $ref \"#/components/schemas/Pett\" does not point at anything in this document;"
                  + " define the target or correct the reference.");
    }

    @Test
    void rejectsBrokenParameterReference() {
      InvalidDocumentException error =
          rejection(
              openapi30(
                  "/pet: {get: {operationId: getPet, parameters: [{name: a, in: query},"
                      + " {$ref: '#/components/parameters/Missing'}], "
                      + OK
                      + "}}"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths['/pet'].get.parameters[1]");
      assertThat(error.getMessage())
          .isEqualTo(
              "The $ref \"#/components/parameters/Missing\" does not point at anything in this"
                  + " document; define the target or correct the reference.");
    }

    @Test
    void rejectsBrokenSwagger2Reference() {
      InvalidDocumentException error =
          rejection(
              swagger20(
                  "",
                  "/pet: {get: {operationId: getPet, responses: {'200': {description: ok,"
                      + " schema: {$ref: '#/definitions/Pet'}}}}}"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths['/pet'].get.responses['200'].schema");
      assertThat(error.getMessage())
          .isEqualTo(
              "The $ref \"#/definitions/Pet\" does not point at anything in this document; define"
                  + " the target or correct the reference.");
    }

    @Test
    void rejectsReferenceToOtherFile() {
      InvalidDocumentException error =
          rejection(
              openapi30(
                  "/pet: {get: {operationId: getPet, parameters: [{$ref: 'common.yaml#/Limit'}], "
                      + OK
                      + "}}"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths['/pet'].get.parameters[0]");
      assertThat(error.getMessage())
          .isEqualTo(
              "The $ref \"common.yaml#/Limit\" points outside this document; copy the referenced"
                  + " definition into the document and refer to it with a #/ reference.");
    }

    @Test
    void rejectsUnknownAnchor() {
      InvalidDocumentException error =
          rejection(
              """
              openapi: 3.1.0
              info: {title: t, version: '1'}
              paths:
                /a:
                  get:
                    operationId: a
                    responses:
                      '200':
                        description: ok
                        content: {application/json: {schema: {$ref: '#nowhere'}}}
              """);

      assertThat(error.getJsonPath())
          .isEqualTo("$.paths['/a'].get.responses['200'].content['application/json'].schema");
      assertThat(error.getMessage())
          .isEqualTo(
              "The $ref \"#nowhere\" does not point at anything in this document; define the target"
                  + " or correct the reference.");
    }

    @Test
    void acceptsReferencesByIdAnchorAndEscapedPointer() {
      TaskCatalog catalog =
          load(
              """
              openapi: 3.1.0
              info: {title: t, version: '1'}
              paths:
                /a/{id}:
                  get:
                    operationId: a
                    responses:
                      '200':
                        description: ok
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                byId: {$ref: '/schemas/detail#detail_id'}
                                byAnchor: {$ref: '#detail_id'}
                                byPointer: {$ref: '#/paths/~1a~1%7Bid%7D/get/responses/200'}
                            example: {$ref: '#/not/checked'}
                      x-data: {$ref: '#/not/checked/either'}
              components:
                schemas:
                  Detail:
                    $id: /schemas/detail
                    properties:
                      id: {type: integer, $anchor: detail_id}
              """);

      assertThat(names(catalog)).containsExactly("a");
    }

    @Test
    void rejectsOversizedDocument() {
      String text = "#".repeat(DocumentLoader.MAX_DOCUMENT_CHARS + 1);

      InvalidDocumentException error = rejection(text);

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document has 8388609 characters, more than the maximum of 8388608; remove"
                  + " unused parts or split the API into several models.");
    }

    @Test
    void rejectsOperationThatIsNotObject() {
      InvalidDocumentException error =
          rejection(openapi30("/a: {get: {operationId: a, " + OK + "}, post: later}"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths['/a'].post");
      assertThat(error.getMessage())
          .isEqualTo(
              "The operation is a string rather than an object; write it as an OpenAPI operation"
                  + " object.");
    }

    @Test
    void rejectsPathItemThatIsNotObject() {
      InvalidDocumentException error =
          rejection(openapi30("/a: {get: {operationId: a, " + OK + "}}\n/b: 7"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths['/b']");
      assertThat(error.getMessage())
          .isEqualTo(
              "The path item is a number rather than an object; write it as an OpenAPI path item"
                  + " object.");
    }

    @ParameterizedTest(name = "paths: {0}")
    @ValueSource(strings = {"{}", "{/a: {parameters: []}}", "{/a: {$ref: '#/paths/~1a'}}"})
    void rejectsDocumentWithoutOperations(String paths) {
      InvalidDocumentException error =
          rejection(openapi30("").replace("paths:\n", "paths: " + paths + "\n"));

      assertThat(error.getJsonPath()).isEqualTo("$.paths");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document declares no operations under paths; add at least one, because each"
                  + " operation becomes a task.");
    }
  }

  @Nested
  class HostileInput {
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsBillionLaughs() {
      StringBuilder yaml = new StringBuilder("openapi: 3.0.0\na0: &a0 [lol, lol, lol, lol]\n");
      for (int level = 1; level <= 9; level++) {
        String previous = "*a" + (level - 1);
        yaml.append("a").append(level).append(": &a").append(level).append(" [");
        yaml.append(String.join(", ", Collections.nCopies(9, previous)));
        yaml.append("]\n");
      }

      InvalidDocumentException error = rejection(yaml.toString());

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document could not be read as YAML (Number of aliases for non-scalar nodes"
                  + " exceeds the specified max=50); remove the construct that the message"
                  + " names.");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsExpansionWithinAliasLimit() {
      // 24 levels of two aliases each stay under 50 aliases but expand to 2^24 lists.
      StringBuilder yaml = new StringBuilder("openapi: 3.0.0\nl0: &l0 [x]\n");
      for (int level = 1; level <= 24; level++) {
        String previous = "*l" + (level - 1);
        yaml.append("l%d: &l%d [%s, %s]\n".formatted(level, level, previous, previous));
      }

      InvalidDocumentException error = rejection(yaml.toString());

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .startsWith("The YAML aliases expand to more than ")
          .endsWith(" nodes; replace the aliases with the content they stand for.");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsSelfReferencingAlias() {
      InvalidDocumentException error = rejection("openapi: 3.0.0\nloop: &loop [*loop]\n");

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              "The document, with its YAML aliases expanded, nests deeper than 200 levels;"
                  + " flatten it or remove self-referencing aliases.");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void namesManyClashingOperationsQuickly() {
      String punctuation = "!$&()*+,;=:@-._~";
      StringBuilder paths = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        StringBuilder path = new StringBuilder("/a");
        int rest = i;
        do {
          path.append(punctuation.charAt(rest % punctuation.length()));
          rest /= punctuation.length();
        } while (rest > 0);
        paths.append("'").append(path).append("': {get: {").append(OK).append("}}\n");
      }

      TaskCatalog catalog = load(openapi30(paths.toString()));

      assertThat(catalog.tasks()).hasSize(3000);
      assertThat(catalog.tasks().get(0).name()).isEqualTo("get_a");
      assertThat(catalog.tasks().get(2999).name()).isEqualTo("get_a_3000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"path item", "operation"})
    void rejectsTooManyParameters(String kind) {
      StringBuilder parameters = new StringBuilder();
      for (int i = 0; i <= TaskParameters.MAX_PARAMETERS; i++) {
        parameters.append(i == 0 ? "" : ", ").append("{name: p").append(i).append(", in: query}");
      }
      String pathItem =
          kind.equals("path item")
              ? "/a: {parameters: [%s], get: {operationId: a, %s}}".formatted(parameters, OK)
              : "/a: {get: {operationId: a, parameters: [%s], %s}}".formatted(parameters, OK);

      InvalidDocumentException error = rejection(openapi30(pathItem));

      assertThat(error.getJsonPath())
          .isEqualTo(
              kind.equals("path item")
                  ? "$.paths['/a'].parameters"
                  : "$.paths['/a'].get.parameters");
      assertThat(error.getMessage())
          .isEqualTo(
              "The "
                  + kind
                  + " declares 501 parameters, more than the maximum of 500; remove the ones the"
                  + " API does not use.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml"})
    void rejectsDeepNesting(String format) {
      String text =
          format.equals("json")
              ? "{\"openapi\":\"3.0.0\",\"x\":" + "[".repeat(300) + "]".repeat(300) + "}"
              : "openapi: 3.0.0\nx: " + "[".repeat(300) + "]".repeat(300) + "\n";

      InvalidDocumentException error = rejection(text);

      assertThat(error.getJsonPath()).isEqualTo("$");
      assertThat(error.getMessage())
          .isEqualTo(
              format.equals("json")
                  ? "The document nests objects and arrays deeper than 200 levels; flatten the"
                      + " structure."
                  : "The document could not be read as YAML (Nesting Depth exceeded max 200);"
                      + " remove the construct that the message names.");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void throwsOnlyInvalidDocumentException(String text) {
      try {
        DocumentLoader.load(text);
      } catch (InvalidDocumentException expected) {
        assertThat(expected.getJsonPath()).startsWith("$");
        assertThat(expected.getMessage()).isNotBlank();
      }
    }

    static Stream<String> throwsOnlyInvalidDocumentException() {
      return Stream.of(
          "null",
          "{}",
          "[]",
          "42",
          "openapi: 3.0.0",
          "swagger: '2.0'",
          "openapi: 3.0.0\npaths: []\n",
          "openapi: 3.0.0\npaths: {/a: {get: null}}\n",
          "openapi: 3.0.0\npaths: {/a: {get: {parameters: 5, responses: []}}}\n",
          "openapi: 3.1.0\npaths: {/a: {get: {parameters: [{$ref: '#/components/parameters/A'}]}}}\n"
              + "components: {parameters: {A: {$ref: '#/components/parameters/A'}}}\n",
          "openapi: 3.0.0\npaths: {/a: {get: {responses: {'200': {description: x, content:"
              + " {a/b: {schema: {$ref: '#/components/schemas/A'}}}}}}}}\n"
              + "components: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref:"
              + " '#/components/schemas/A'}}}\n",
          "openapi: 3.1.0\npaths: {/a: {get: {responses: {'200': {description: x, content:"
              + " {a/b: {schema: {$ref: '#/components/schemas/A'}}}}}}}}\n"
              + "components: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref:"
              + " '#/components/schemas/A'}}}\n",
          "swagger: '2.0'\npaths: {/a: {get: {parameters: [{$ref: '#/parameters/A'}]}}}\n"
              + "parameters: {A: {$ref: '#/parameters/A'}}\n",
          "swagger: '2.0'\nhost: [1]\nbasePath: {a: b}\nschemes: 7\npaths: {/a: {get: {}}}\n",
          "openapi: 3.0.0\nservers: [{url: 5}, 7]\npaths: {/a: {get: {}}}\n",
          "openapi: 3.0.0\ncomponents: {securitySchemes: {a: {type: nope}, b: 5}}\n"
              + "paths: {/a: {get: {}}}\n",
          "openapi: 3.0.0\npaths: {/a: {$ref: 'http://127.0.0.1:1/x.yaml'}}\n",
          "openapi: 3.0.0\npaths: {/a: {get: {responses: {default: {$ref: '#/%zz'}}}}}\n",
          "openapi: !!binary aGVsbG8=\n",
          "openapi: 3.0.0\ninfo: {version: 2024-01-31}\npaths: {/a: {get: {}}}\n",
          "? [a, b]\n: c\nopenapi: 3.0.0\n",
          "openapi: 3.0.0\npaths: {/a: {get: {operationId: !!python/object:os.system x}}}\n");
    }
  }
}
