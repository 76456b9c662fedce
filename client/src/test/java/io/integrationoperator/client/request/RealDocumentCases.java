package io.integrationoperator.client.request;

import java.util.List;
import java.util.Map;

/**
 * Task calls on operations of the real documents under shared.dir, each with the exact request it
 * must produce. Both the unit test and the test against nginx use this table.
 */
final class RealDocumentCases {
  static final String SWAGGER_20 = "swagger-petstore-v2-swagger20.json";
  static final String PETSTORE_30 = "swagger-petstore-oas30.yaml";
  static final String PETSTORE_31 = "swagger-petstore-oas31.yaml";
  static final String DISCORD_31 = "discord-api-oas31.json";
  static final String AIRFLOW_31 = "airflow-v2-oas31.yaml";
  static final String AWS_MQ_30 = "aws-mq-apisguru-oas30.yaml";

  /** Placeholder for the multipart boundary, which OkHttp picks at random. */
  static final String BOUNDARY = "{boundary}";

  /**
   * One task call and the request it must produce.
   *
   * @param name what the case shows, used as the test name
   * @param file document under shared.dir/openapi
   * @param basePath path of the base URL the task is called below
   * @param task task name
   * @param input the call's input as {@code {"parameters", "body", "headers"}} JSON
   * @param requestLine method and target, for example GET /v2/pet/7
   * @param headers every header the request carries (Content-Type included), in any order
   * @param body the exact body, or null for none; {@link #BOUNDARY} stands for the boundary
   */
  record Case(
      String name,
      String file,
      String basePath,
      String task,
      String input,
      String requestLine,
      Map<String, String> headers,
      String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  private RealDocumentCases() {}

  static List<Case> all() {
    return List.of(
        new Case(
            "2.0 getPetById puts petId in the path",
            SWAGGER_20,
            "/v2",
            "getPetById",
            """
            {"parameters": {"petId": 7}}""",
            "GET /v2/pet/7",
            Map.of(),
            null),
        new Case(
            "2.0 findPetsByStatus repeats status for collectionFormat multi",
            SWAGGER_20,
            "/v2",
            "findPetsByStatus",
            """
            {"parameters": {"status": ["available", "pending"]}}""",
            "GET /v2/pet/findByStatus?status=available&status=pending",
            Map.of(),
            null),
        new Case(
            "2.0 loginUser percent-encodes query values",
            SWAGGER_20,
            "/v2",
            "loginUser",
            """
            {"parameters": {"username": "alice", "password": "p@ss w0rd&admin=1"}}""",
            "GET /v2/user/login?username=alice&password=p%40ss%20w0rd%26admin%3D1",
            Map.of(),
            null),
        new Case(
            "2.0 deletePet sends api_key as a header",
            SWAGGER_20,
            "/v2",
            "deletePet",
            """
            {"parameters": {"api_key": "key-1", "petId": 7}}""",
            "DELETE /v2/pet/7",
            Map.of("api_key", "key-1"),
            null),
        new Case(
            "2.0 updatePetWithForm sends formData as a form body",
            SWAGGER_20,
            "/v2",
            "updatePetWithForm",
            """
            {"parameters": {"petId": 7}, "body": {"name": "doggie two", "status": "sold"}}""",
            "POST /v2/pet/7",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "name=doggie%20two&status=sold"),
        new Case(
            "2.0 uploadFile sends formData as multipart parts",
            SWAGGER_20,
            "/v2",
            "uploadFile",
            """
            {"parameters": {"petId": 7}, "body": {"additionalMetadata": "front", "file": "PNG"}}""",
            "POST /v2/pet/7/uploadImage",
            Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
            multipart(Map.of("additionalMetadata", "front"), Map.of("file", "PNG"))),
        new Case(
            "2.0 addPet sends the body as JSON",
            SWAGGER_20,
            "/v2",
            "addPet",
            """
            {"body": {"name": "doggie", "photoUrls": ["https://img.test/1"]}}""",
            "POST /v2/pet",
            Map.of("Content-Type", "application/json"),
            "{\"name\":\"doggie\",\"photoUrls\":[\"https://img.test/1\"]}"),
        new Case(
            "2.0 placeOrder sends JSON for a body without consumes",
            SWAGGER_20,
            "/v2",
            "placeOrder",
            """
            {"body": {"petId": 7, "quantity": 1}}""",
            "POST /v2/store/order",
            Map.of("Content-Type", "application/json"),
            "{\"petId\":7,\"quantity\":1}"),
        new Case(
            "3.0 updatePetWithForm sends query parameters and an empty body",
            PETSTORE_30,
            "/api/v3",
            "updatePetWithForm",
            """
            {"parameters": {"petId": 7, "name": "doggie", "status": "sold"}}""",
            "POST /api/v3/pet/7?name=doggie&status=sold",
            Map.of(),
            ""),
        new Case(
            "3.0 findPetsByTags repeats tags for form with explode",
            PETSTORE_30,
            "/api/v3",
            "findPetsByTags",
            """
            {"parameters": {"tags": ["a b", "c,d"]}}""",
            "GET /api/v3/pet/findByTags?tags=a%20b&tags=c%2Cd",
            Map.of(),
            null),
        new Case(
            "3.0 getUserByName percent-encodes a space in the path",
            PETSTORE_30,
            "/api/v3",
            "getUserByName",
            """
            {"parameters": {"username": "user 1"}}""",
            "GET /api/v3/user/user%201",
            Map.of(),
            null),
        new Case(
            "3.0 addPet prefers JSON among JSON, XML and form",
            PETSTORE_30,
            "/api/v3",
            "addPet",
            """
            {"body": {"name": "doggie", "photoUrls": []}}""",
            "POST /api/v3/pet",
            Map.of("Content-Type", "application/json"),
            "{\"name\":\"doggie\",\"photoUrls\":[]}"),
        new Case(
            "3.0 addPet sends a form body when Content-Type picks it",
            PETSTORE_30,
            "/api/v3",
            "addPet",
            """
            {"headers": {"Content-Type": "application/x-www-form-urlencoded"},
             "body": {"id": 10, "name": "doggie", "photoUrls": ["u1", "u2"]}}""",
            "POST /api/v3/pet",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "id=10&name=doggie&photoUrls=u1&photoUrls=u2"),
        new Case(
            "3.0 addPet sends XML text when Content-Type picks it",
            PETSTORE_30,
            "/api/v3",
            "addPet",
            """
            {"headers": {"Content-Type": "application/xml"},
             "body": "<pet><name>doggie</name></pet>"}""",
            "POST /api/v3/pet",
            Map.of("Content-Type", "application/xml"),
            "<pet><name>doggie</name></pet>"),
        new Case(
            "3.0 uploadFile sends an octet-stream body",
            PETSTORE_30,
            "/api/v3",
            "uploadFile",
            """
            {"parameters": {"petId": 7, "additionalMetadata": "side"}, "body": "raw image"}""",
            "POST /api/v3/pet/7/uploadImage?additionalMetadata=side",
            Map.of("Content-Type", "application/octet-stream"),
            "raw image"),
        new Case(
            "3.1 findPetsByStatus sends status",
            PETSTORE_31,
            "/api/v31",
            "findPetsByStatus",
            """
            {"parameters": {"status": "sold"}}""",
            "GET /api/v31/pet/findByStatus?status=sold",
            Map.of(),
            null),
        new Case(
            "3.1 getPetById accepts digits in a string for an integer",
            PETSTORE_31,
            "/api/v31",
            "getPetById",
            """
            {"parameters": {"petId": "42"}}""",
            "GET /api/v31/pet/42",
            Map.of(),
            null),
        new Case(
            "3.1 deletePet sends api_key and extra headers",
            PETSTORE_31,
            "/api/v31",
            "deletePet",
            """
            {"parameters": {"petId": 42, "api_key": "k-2"},
             "headers": {"X-Request-Id": "req-1"}}""",
            "DELETE /api/v31/pet/42",
            Map.of("api_key", "k-2", "X-Request-Id", "req-1"),
            null),
        new Case(
            "3.1 discord list_messages merges the path-level channel_id",
            DISCORD_31,
            "/api/v10",
            "list_messages",
            """
            {"parameters": {"channel_id": "1234567890", "limit": 50}}""",
            "GET /api/v10/channels/1234567890/messages?limit=50",
            Map.of(),
            null),
        new Case(
            "3.1 discord create_message prefers JSON among three media types",
            DISCORD_31,
            "/api/v10",
            "create_message",
            """
            {"parameters": {"channel_id": "1234567890"}, "body": {"content": "hello"}}""",
            "POST /api/v10/channels/1234567890/messages",
            Map.of("Content-Type", "application/json"),
            "{\"content\":\"hello\"}"),
        new Case(
            "3.1 airflow get_assets repeats dag_ids in declaration order",
            AIRFLOW_31,
            "",
            "get_assets",
            """
            {"parameters": {"dag_ids": ["etl", "report"], "limit": 10}}""",
            "GET /api/v2/assets?limit=10&dag_ids=etl&dag_ids=report",
            Map.of(),
            null),
        new Case(
            "3.0 aws-mq DeleteTags drops the #tagKeys suffix of the path",
            AWS_MQ_30,
            "",
            "DeleteTags",
            """
            {"parameters": {"resource-arn": "arn:aws:mq:us-east-1:1:broker:b/1",
                            "tagKeys": ["env", "team"]}}""",
            "DELETE /v1/tags/arn%3Aaws%3Amq%3Aus-east-1%3A1%3Abroker%3Ab%2F1?tagKeys=env&tagKeys=team",
            Map.of(),
            null));
  }

  /** Returns the multipart/form-data body OkHttp writes for text parts, in the given order. */
  @SafeVarargs
  static String multipart(Map<String, String>... parts) {
    StringBuilder body = new StringBuilder();
    for (Map<String, String> part : parts) {
      Map.Entry<String, String> field = part.entrySet().iterator().next();
      body.append("--")
          .append(BOUNDARY)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(field.getKey())
          .append("\"\r\n\r\n")
          .append(field.getValue())
          .append("\r\n");
    }
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }
}
