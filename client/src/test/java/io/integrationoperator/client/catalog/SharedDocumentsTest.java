package io.integrationoperator.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads every real OpenAPI document of the openapi directory under the shared.dir property and
 * compares each catalog with the facts of the directory's index table. The table is parsed when the
 * tests run, so the expected numbers are kept in one place.
 */
class SharedDocumentsTest {
  private static final Path OPENAPI_DIR = sharedDir().resolve("openapi");
  private static final Map<String, TaskCatalog> CATALOGS = new ConcurrentHashMap<>();

  /** Facts of one document, from one row of the index table. */
  record IndexRow(
      String file,
      String spec,
      int operations,
      int operationsWithoutId,
      String duplicateIds,
      String securitySchemes,
      String servers) {
    @Override
    public String toString() {
      return file;
    }
  }

  private static Path sharedDir() {
    String configured = System.getProperty("shared.dir");
    return Path.of(configured != null ? configured : "../../shared");
  }

  static List<IndexRow> indexRows() throws IOException {
    List<String> lines = Files.readAllLines(OPENAPI_DIR.resolve("INDEX.md"));
    int heading = lines.indexOf("## Index");
    assertThat(heading).as("heading of the index table").isNotNegative();
    int headerLine = heading + 1;
    while (!lines.get(headerLine).startsWith("|")) {
      headerLine++;
    }
    List<String> header = cells(lines.get(headerLine));

    List<IndexRow> rows = new ArrayList<>();
    for (int i = headerLine + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> row = cells(lines.get(i));
      rows.add(
          new IndexRow(
              cell(row, header, "File").replace("`", ""),
              cell(row, header, "Spec"),
              Integer.parseInt(cell(row, header, "Ops")),
              Integer.parseInt(cell(row, header, "Ops w/o operationId")),
              cell(row, header, "Duplicate operationIds"),
              cell(row, header, "Security schemes"),
              cell(row, header, "Servers / host / basePath")));
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.length() - 1);
    return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static String cell(List<String> row, List<String> header, String column) {
    int index = header.indexOf(column);
    assertThat(index).as("index table column %s", column).isNotNegative();
    return row.get(index);
  }

  private static TaskCatalog catalog(String file) {
    return CATALOGS.computeIfAbsent(file, SharedDocumentsTest::loadFresh);
  }

  private static TaskCatalog loadFresh(String file) {
    try {
      return DocumentLoader.load(Files.readString(OPENAPI_DIR.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidDocumentException e) {
      throw new AssertionError(file + " was rejected at " + e.getJsonPath() + ": " + e, e);
    }
  }

  @Test
  void indexListsEveryDocument() throws IOException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(OPENAPI_DIR)) {
      files =
          listing
              .map(path -> path.getFileName().toString())
              .filter(name -> !name.equals("INDEX.md"))
              .collect(Collectors.toSet());
    }
    Set<String> indexed = indexRows().stream().map(IndexRow::file).collect(Collectors.toSet());

    assertThat(files).isNotEmpty();
    assertThat(indexed).isEqualTo(files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void taskCountMatchesIndex(IndexRow row) {
    assertThat(catalog(row.file()).tasks()).hasSize(row.operations());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void specVersionMatchesIndex(IndexRow row) {
    String declared = row.spec().substring(row.spec().indexOf(' ') + 1);

    assertThat(catalog(row.file()).openapiVersion()).isEqualTo(declared);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void operationsWithoutIdMatchIndex(IndexRow row) {
    TaskCatalog catalog = catalog(row.file());

    long withoutId =
        catalog.tasks().stream()
            .map(task -> task.operation().getOperationId())
            .filter(id -> id == null || id.isBlank())
            .count();
    long warnings =
        catalog.warnings().stream().filter(w -> w.contains("has no operationId")).count();

    assertThat(withoutId).isEqualTo(row.operationsWithoutId());
    assertThat(warnings).isEqualTo(row.operationsWithoutId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void renamesEachRepeatedOperationIdAfterTheFirst(IndexRow row) {
    TaskCatalog catalog = catalog(row.file());
    int sharedIds = 0;
    int sharingOperations = 0;
    Matcher shared = Pattern.compile("(\\d+) ids shared by (\\d+) ops").matcher(row.duplicateIds());
    if (shared.matches()) {
      sharedIds = Integer.parseInt(shared.group(1));
      sharingOperations = Integer.parseInt(shared.group(2));
    } else {
      assertThat(row.duplicateIds()).isEqualTo("0");
    }

    List<Task> renamed =
        catalog.tasks().stream()
            .filter(task -> task.operation().getOperationId() != null)
            .filter(task -> !task.operation().getOperationId().isBlank())
            .filter(task -> !task.name().equals(task.operation().getOperationId()))
            .toList();
    Set<String> renamedIds =
        renamed.stream().map(task -> task.operation().getOperationId()).collect(Collectors.toSet());
    Set<String> names = catalog.tasks().stream().map(Task::name).collect(Collectors.toSet());
    long renameWarnings =
        catalog.warnings().stream().filter(w -> w.contains(" is already used by ")).count();

    assertThat(renamed).hasSize(sharingOperations - sharedIds);
    assertThat(renamedIds).hasSize(sharedIds);
    assertThat(renameWarnings).isEqualTo(sharingOperations - sharedIds);
    assertThat(names).hasSize(catalog.tasks().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void securitySchemesMatchIndex(IndexRow row) {
    List<SecuritySchemeInfo> schemes = catalog(row.file()).securitySchemes();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String entry : row.securitySchemes().split("; ")) {
      int colon = entry.indexOf(": ");
      expected.put(entry.substring(0, colon), entry.substring(colon + 2));
    }

    assertThat(schemes)
        .extracting(SecuritySchemeInfo::name)
        .containsExactlyElementsOf(expected.keySet());
    for (SecuritySchemeInfo scheme : schemes) {
      assertSchemeMatches(scheme, expected.get(scheme.name()));
    }
  }

  /** Compares a scheme with the index table's description, for example "apiKey in header `k`". */
  private static void assertSchemeMatches(SecuritySchemeInfo scheme, String description) {
    String name = scheme.name();
    Map<String, String> details = scheme.details();
    if (description.startsWith("oauth2 ")) {
      String flows = description.substring("oauth2 ".length()).replace(" (2.0)", "");
      assertThat(scheme.type()).as(name).isEqualTo("oauth2");
      assertThat(Set.of(details.get("flows").split(",")))
          .as(name)
          .isEqualTo(Set.of(flows.split("\\+")));
    } else if (description.startsWith("apiKey in ")) {
      Matcher apiKey = Pattern.compile("apiKey in (\\w+) `([^`]+)`(.*)").matcher(description);
      assertThat(apiKey.matches()).as(description).isTrue();
      boolean sigV4 = apiKey.group(3).contains("x-amazon-apigateway-authtype=awsSigv4");
      assertThat(scheme.type()).as(name).isEqualTo(sigV4 ? "awsSigV4" : "apiKey");
      assertThat(details).as(name).containsEntry("in", apiKey.group(1));
      assertThat(details).as(name).containsEntry("name", apiKey.group(2));
    } else if (description.startsWith("http/")) {
      assertThat(scheme.type()).as(name).isEqualTo("http");
      assertThat(details).as(name).containsEntry("scheme", description.substring(5));
    } else if (description.startsWith("openIdConnect ")) {
      assertThat(scheme.type()).as(name).isEqualTo("openIdConnect");
      assertThat(details)
          .as(name)
          .containsEntry("openIdConnectUrl", description.substring("openIdConnect ".length()));
    } else {
      assertThat(scheme.type()).as(name).isEqualTo(description);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexRows")
  void defaultServerMatchesIndex(IndexRow row) {
    Optional<String> server = catalog(row.file()).defaultServer();
    String servers = row.servers();

    if (servers.equals("none (relative)")) {
      assertThat(server).isEmpty();
    } else if (servers.startsWith("host=")) {
      assertThat(server).isEqualTo(swagger2Server(servers));
    } else {
      String first = servers.split("; ")[0];
      int variables = first.indexOf(" vars=");
      if (variables < 0) {
        assertThat(server).contains(first);
      } else {
        String template = first.substring(0, variables);
        assertThat(server).hasValueSatisfying(url -> assertThat(url).doesNotContain("{"));
        assertThat(server)
            .hasValueSatisfying(url -> assertThat(url).matches(templatePattern(template)));
      }
    }
  }

  /** Expected Swagger 2.0 server for "host=H basePath=B schemes=[...]", None meaning absent. */
  private static Optional<String> swagger2Server(String servers) {
    Matcher fields = Pattern.compile("host=(\\S+) basePath=(\\S+) schemes=(.+)").matcher(servers);
    assertThat(fields.matches()).as(servers).isTrue();
    String host = fields.group(1);
    String basePath = fields.group(2);
    String path = basePath.equals("None") || basePath.equals("/") ? "" : basePath;
    if (host.equals("None")) {
      return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }
    Matcher schemes = Pattern.compile("'(\\w+)'").matcher(fields.group(3));
    String prefix = "//";
    while (schemes.find()) {
      if (schemes.group(1).equals("http") || schemes.group(1).equals("https")) {
        prefix = schemes.group(1) + "://";
        break;
      }
    }
    return Optional.of(prefix + host + path);
  }

  private static Pattern templatePattern(String template) {
    StringBuilder regex = new StringBuilder();
    for (String piece : template.split("\\{[^{}]+}", -1)) {
      if (!regex.isEmpty()) {
        regex.append("[^{}/]+");
      }
      regex.append(Pattern.quote(piece));
    }
    return Pattern.compile(regex.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void methodsOfKnownDocuments(String file, Set<String> methods) {
    assertThat(catalog(file).methods()).containsExactlyInAnyOrderElementsOf(methods);
  }

  static Stream<Arguments> methodsOfKnownDocuments() {
    return Stream.of(
        Arguments.of("swagger-petstore-oas30.yaml", Set.of("get", "put", "post", "delete")),
        Arguments.of("swagger-petstore-v2-swagger20.json", Set.of("get", "put", "post", "delete")),
        Arguments.of("etcd-v3.4.23-rpc.swagger.json", Set.of("post")),
        Arguments.of("paypal-checkout-orders-v2-oas30.json", Set.of("get", "patch", "post")),
        Arguments.of("airflow-v1-oas30.yaml", Set.of("get", "put", "post", "delete", "patch")),
        Arguments.of(
            "kubernetes-v1.12.4-swagger20.json",
            Set.of("get", "put", "post", "delete", "options", "head", "patch")));
  }

  @Test
  void countsKubernetesTasksPerMethod() {
    Map<String, Long> perMethod =
        catalog("kubernetes-v1.12.4-swagger20.json").tasks().stream()
            .collect(Collectors.groupingBy(Task::method, TreeMap::new, Collectors.counting()));

    assertThat(perMethod)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "DELETE", 148L,
                    "GET", 311L,
                    "HEAD", 6L,
                    "OPTIONS", 6L,
                    "PATCH", 128L,
                    "POST", 97L,
                    "PUT", 130L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void defaultServerOfKnownDocuments(String file, Optional<String> server) {
    assertThat(catalog(file).defaultServer()).isEqualTo(server);
  }

  static Stream<Arguments> defaultServerOfKnownDocuments() {
    return Stream.of(
        Arguments.of(
            "swagger-petstore-oas30.yaml", Optional.of("https://petstore3.swagger.io/api/v3")),
        Arguments.of(
            "swagger-petstore-v2-swagger20.json", Optional.of("http://petstore.swagger.io/v2")),
        Arguments.of(
            "aws-mq-apisguru-oas30.yaml", Optional.of("http://mq.us-east-1.amazonaws.com")),
        Arguments.of("datadog-v1-oas30.yaml", Optional.of("https://api.datadoghq.com")),
        Arguments.of("swagger-petstore-oas31.yaml", Optional.of("/api/v31")),
        Arguments.of("airflow-v2-oas31.yaml", Optional.empty()),
        Arguments.of("etcd-v3.4.23-rpc.swagger.json", Optional.empty()),
        Arguments.of("kubernetes-v1.27.0-swagger20.json", Optional.empty()));
  }

  @Test
  void keepsDocumentOrderOfMethods() {
    List<String> swagger2 =
        catalog("swagger-petstore-v2-swagger20.json").tasks().stream()
            .limit(3)
            .map(task -> task.method() + " " + task.path() + " " + task.name())
            .toList();
    List<String> openapi3 =
        catalog("swagger-petstore-oas30.yaml").tasks().stream()
            .limit(3)
            .map(task -> task.method() + " " + task.path() + " " + task.name())
            .toList();

    assertThat(swagger2)
        .containsExactly(
            "POST /pet addPet", "PUT /pet updatePet", "GET /pet/findByStatus findPetsByStatus");
    assertThat(openapi3)
        .containsExactly(
            "PUT /pet updatePet", "POST /pet addPet", "GET /pet/findByStatus findPetsByStatus");
  }

  @Test
  void mergesReferencedPathParametersOfAwsMq() {
    Task describeBroker =
        catalog("aws-mq-apisguru-oas30.yaml").task("DescribeBroker").orElseThrow();

    List<TaskParameter> expected = new ArrayList<>();
    for (String header :
        List.of(
            "X-Amz-Content-Sha256",
            "X-Amz-Date",
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Security-Token",
            "X-Amz-Signature",
            "X-Amz-SignedHeaders")) {
      expected.add(new TaskParameter(header, "header", false, "string"));
    }
    expected.add(new TaskParameter("broker-id", "path", true, "string"));

    assertThat(describeBroker.method()).isEqualTo("GET");
    assertThat(describeBroker.path()).isEqualTo("/v1/brokers/{broker-id}");
    assertThat(describeBroker.parameters()).containsExactlyElementsOf(expected);
  }

  @Test
  void mergesReferencedPathParametersOfAirflow() {
    TaskCatalog catalog = catalog("airflow-v1-oas30.yaml");

    assertThat(catalog.task("get_dag").orElseThrow().parameters())
        .containsExactly(
            new TaskParameter("dag_id", "path", true, "string"),
            new TaskParameter("fields", "query", false, "array"));
    assertThat(catalog.task("update_dag_run_state").orElseThrow().parameters())
        .containsExactly(
            new TaskParameter("dag_id", "path", true, "string"),
            new TaskParameter("dag_run_id", "path", true, "string"));
  }

  @Test
  void namesRepeatedKubernetesIdsFromMethodAndPath() {
    TaskCatalog catalog = catalog("kubernetes-v1.12.4-swagger20.json");
    Task apis = catalog.task("get_apis").orElseThrow();

    assertThat(apis.path()).isEqualTo("/apis/");
    assertThat(apis.operation().getOperationId()).isEqualTo("getAPIVersions");
    assertThat(catalog.task("getAPIVersions").orElseThrow().path()).isEqualTo("/api/");
    assertThat(catalog.warnings())
        .contains(
            "$.paths['/apis/'].get.operationId: operationId getAPIVersions is already used by GET"
                + " /api/, so this operation's task is named get_apis.");
  }
}
