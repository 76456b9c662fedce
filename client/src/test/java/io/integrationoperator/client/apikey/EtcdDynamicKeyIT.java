package io.integrationoperator.client.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.DynamicRetrieval;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.envelope.ResponseEnvelope;
import io.integrationoperator.client.catalog.DocumentLoader;
import io.integrationoperator.client.catalog.InvalidDocumentException;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.client.connection.CallFailure;
import io.integrationoperator.client.connection.CallResult;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.IntegrationClient;
import io.integrationoperator.client.http.HttpClientFactory;
import io.integrationoperator.client.testing.ConnectionSettingsBuilder;
import io.integrationoperator.client.testing.EtcdServer;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.client.token.TokenStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Calls a real etcd 3.4 with authentication enabled through its JSON gateway, with the API key that
 * {@code POST /v3/auth/authenticate} returns: once configured by the model's vendor extensions (a
 * small OpenAPI 3 document in the test resources), once by the Integration spec alone with etcd's
 * upstream Swagger document. Key requests are counted with etcd's own gRPC counters.
 */
@Tag("real-server")
class EtcdDynamicKeyIT {

  private static final String ROOT_PASSWORD = "r00t-Pässword-1";

  /** Lifetime of an unused etcd simple token. etcd checks expiry once a second. */
  private static final Duration TOKEN_TTL = Duration.ofSeconds(2);

  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EtcdServer etcd;
  private static HttpClientFactory clients;

  private TokenCaches tokens = new TokenCaches(id -> TokenStore.inMemory());

  @BeforeAll
  static void startEtcd() {
    etcd = EtcdServer.start(TOKEN_TTL);
    etcd.enableAuth(ROOT_PASSWORD);
    clients = new HttpClientFactory();
  }

  @AfterAll
  static void stopEtcd() {
    if (clients != null) {
      clients.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  @Test
  void extensionModelRequestsKeyBeforeFirstCall() throws Exception {
    TaskCatalog model = extensionModel();
    ConnectionSettings settings = extensionSettings(model, ROOT_PASSWORD);
    long keyRequestsBefore = etcd.startedCalls("Authenticate");

    CallResult put = call(settings, model.task("put").orElseThrow(), kv("greeting", "hello"));
    CallResult range = call(settings, model.task("range").orElseThrow(), key("greeting"));

    assertThat(put.failure()).isEmpty();
    assertThat(put.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(range.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(range.envelope().orElseThrow().getBody().at("/kvs/0/value").asText())
        .isEqualTo(EtcdServer.base64("hello"));
    assertThat(etcd.startedCalls("Authenticate") - keyRequestsBefore).isEqualTo(1);
    assertThat(etcd.get("greeting", etcd.authenticate(ROOT_PASSWORD))).isEqualTo("hello");
  }

  @Test
  void specOnlyConfigurationWorksWithUpstreamModel() throws Exception {
    TaskCatalog model = upstreamModel();
    ConnectionSettings settings = specOnlySettings(model);
    long keyRequestsBefore = etcd.startedCalls("Authenticate");

    CallResult put = call(settings, model.task("Put").orElseThrow(), kv("colour", "blue"));
    CallResult range = call(settings, model.task("Range").orElseThrow(), key("colour"));

    assertThat(put.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(range.envelope().orElseThrow().getBody().at("/kvs/0/value").asText())
        .isEqualTo(EtcdServer.base64("blue"));
    assertThat(etcd.startedCalls("Authenticate") - keyRequestsBefore).isEqualTo(1);
  }

  @Test
  void expiredKeyIsRequestedOnceMoreAfter401() throws Exception {
    TaskCatalog model = extensionModel();
    ConnectionSettings settings = extensionSettings(model, ROOT_PASSWORD);
    Task range = model.task("range").orElseThrow();
    CallResult first = call(settings, range, key("greeting"));
    assertThat(first.envelope().orElseThrow().getStatus()).isEqualTo(200);

    // etcd drops an unused simple token after its TTL, checked once a second.
    Thread.sleep(TOKEN_TTL.plusSeconds(2).toMillis());
    long keyRequestsBefore = etcd.startedCalls("Authenticate");
    long rejectedBefore = etcd.handledCalls("Range", "Unauthenticated");
    long rangesBefore = etcd.startedCalls("Range");
    CallResult second = call(settings, range, key("greeting"));

    assertThat(second.failure()).isEmpty();
    assertThat(second.envelope().orElseThrow().getStatus()).isEqualTo(200);
    assertThat(etcd.startedCalls("Authenticate") - keyRequestsBefore).isEqualTo(1);
    assertThat(etcd.handledCalls("Range", "Unauthenticated") - rejectedBefore).isEqualTo(1);
    assertThat(etcd.startedCalls("Range") - rangesBefore).isEqualTo(2);
  }

  @Test
  void wrongPasswordReturnsKeyRequestEnvelope() throws Exception {
    TaskCatalog model = extensionModel();
    String wrongPassword = "wrong-Password-7";
    ConnectionSettings settings = extensionSettings(model, wrongPassword);
    long rangesBefore = etcd.startedCalls("Range");

    CallResult result = call(settings, model.task("range").orElseThrow(), key("greeting"));

    String keyUrl = etcd.baseUrl() + "/v3/auth/authenticate";
    assertThat(result.failure()).contains(CallFailure.TokenRequestFailed);
    assertThat(result.error()).contains("the key request POST " + keyUrl + " returned 400");
    ResponseEnvelope envelope = result.envelope().orElseThrow();
    assertThat(envelope.getMethod()).isEqualTo("POST");
    assertThat(envelope.getUrl()).isEqualTo(keyUrl);
    assertThat(envelope.getStatus()).isEqualTo(400);
    assertThat(envelope.getBody().path("error").asText())
        .isEqualTo("etcdserver: authentication failed, invalid user ID or password");
    assertThat(envelope.getBody().toString()).doesNotContain(wrongPassword);
    assertThat(etcd.startedCalls("Range") - rangesBefore).isZero();
  }

  @Test
  void parallelCallsShareOneKeyRequest() throws Exception {
    TaskCatalog model = extensionModel();
    ConnectionSettings settings = extensionSettings(model, ROOT_PASSWORD);
    Task range = model.task("range").orElseThrow();
    int calls = 100;
    long keyRequestsBefore = etcd.startedCalls("Authenticate");
    long rangesBefore = etcd.startedCalls("Range");

    List<CallResult> results = callInParallel(calls, () -> call(settings, range, key("greeting")));

    for (CallResult result : results) {
      assertThat(result.failure()).as(result.error().orElse("")).isEmpty();
      assertThat(result.envelope().orElseThrow().getStatus()).isEqualTo(200);
    }
    assertThat(etcd.startedCalls("Authenticate") - keyRequestsBefore).isEqualTo(1);
    assertThat(etcd.startedCalls("Range") - rangesBefore).isEqualTo(calls);
  }

  private static List<CallResult> callInParallel(int calls, Callable<CallResult> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CallResult>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<CallResult> results = new ArrayList<>();
      for (Future<CallResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private CallResult call(ConnectionSettings settings, Task task, Map<String, String> body)
      throws IOException {
    Request request =
        new Request.Builder()
            .url(settings.baseUrl() + task.path())
            .method(task.method(), RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE))
            .build();
    return new IntegrationClient(settings, clients, tokens).send(request);
  }

  private static Map<String, String> key(String key) {
    return Map.of("key", EtcdServer.base64(key));
  }

  private static Map<String, String> kv(String key, String value) {
    return Map.of("key", EtcdServer.base64(key), "value", EtcdServer.base64(value));
  }

  /** Settings for the model whose scheme carries both vendor extensions. */
  private static ConnectionSettings extensionSettings(TaskCatalog model, String password) {
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(etcd.baseUrl())
            .scheme(model.securityScheme("etcdToken").orElseThrow())
            .credential("parameter.password", password);
    settings.authentication().setApiKey(new ApiKeyAuthentication());
    settings
        .authentication()
        .setParameters(List.of(inline("name", "root"), fromSecret("password")));
    return settings.build();
  }

  /**
   * Settings that give the key request and its parameters in the spec, as etcd's model has none.
   */
  private static ConnectionSettings specOnlySettings(TaskCatalog model) {
    DynamicRetrieval retrieval = new DynamicRetrieval();
    retrieval.setMethod("POST");
    retrieval.setUrl(etcd.baseUrl() + "/v3/auth/authenticate");
    retrieval.setResponsePointer("/token");
    ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
    apiKey.setDynamicRetrieval(retrieval);
    AuthenticationParameter name = inline("name", "root");
    AuthenticationParameter password = fromSecret("password");
    for (AuthenticationParameter parameter : List.of(name, password)) {
      parameter.setIn(ParameterLocation.Body);
      parameter.setUsedIn(List.of(ParameterUsage.Key));
    }
    ConnectionSettingsBuilder settings =
        ConnectionSettingsBuilder.forBaseUrl(etcd.baseUrl())
            .scheme(model.securityScheme("ApiKey").orElseThrow())
            .credential("parameter.password", ROOT_PASSWORD);
    settings.authentication().setApiKey(apiKey);
    settings.authentication().setParameters(List.of(name, password));
    return settings.build();
  }

  private static AuthenticationParameter inline(String name, String value) {
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    parameter.setValue(value);
    return parameter;
  }

  private static AuthenticationParameter fromSecret(String name) {
    SecretValueSource source = new SecretValueSource();
    source.setSecretKeyRef(new SecretKeySelector(name, "etcd-login", false));
    AuthenticationParameter parameter = new AuthenticationParameter();
    parameter.setName(name);
    parameter.setValueFrom(source);
    return parameter;
  }

  private static TaskCatalog extensionModel() throws IOException, InvalidDocumentException {
    try (InputStream in =
        EtcdDynamicKeyIT.class.getResourceAsStream("/etcd/etcd-kv-dynamic-key.yaml")) {
      return DocumentLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Loads etcd's own Swagger document of its JSON gateway, version 3.4.23. */
  private static TaskCatalog upstreamModel() throws IOException, InvalidDocumentException {
    String shared = System.getProperty("shared.dir", "../../shared");
    Path document = Path.of(shared, "openapi", "etcd-v3.4.23-rpc.swagger.json");
    return DocumentLoader.load(Files.readString(document));
  }
}
