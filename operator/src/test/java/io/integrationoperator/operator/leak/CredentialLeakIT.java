package io.integrationoperator.operator.leak;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.AwsSigV4Authentication;
import io.integrationoperator.api.authentication.BasicAuthentication;
import io.integrationoperator.api.authentication.BearerAuthentication;
import io.integrationoperator.api.authentication.MutualTlsAuthentication;
import io.integrationoperator.api.authentication.OAuth2Authentication;
import io.integrationoperator.api.authentication.OAuth2GrantType;
import io.integrationoperator.api.authentication.SecretValueSource;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;
import io.integrationoperator.api.integration.Probe;
import io.integrationoperator.api.integration.Tls;
import io.integrationoperator.client.testing.AccessLogEntry;
import io.integrationoperator.client.testing.EtcdServer;
import io.integrationoperator.client.testing.KeycloakServer;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.client.testing.TestCertificates;
import io.integrationoperator.client.testing.TestCertificates.Issued;
import io.integrationoperator.client.token.SecretTokenStore;
import io.integrationoperator.operator.OperatorFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the operator with every logger at DEBUG against real servers on 127.0.0.1, one Integration
 * per authentication scheme plus three failure paths, and checks that no credential value appears
 * in a log record, an Integration status or an Event.
 *
 * <p>Every credential that the test chooses contains {@link #MARK}, a random value per run. The
 * Keycloak client secrets and user password are set to such values in the imported realm. Values
 * that servers issue (the etcd token, the Keycloak access tokens) are read from the token Secrets
 * afterwards and scanned for as well. The scan also looks for the Base64 form of the Basic
 * credentials and the lines of the client's private key PEM.
 *
 * <p>The records of the fabric8 mock API server are kept apart: it stands in for the Kubernetes API
 * server and logs every stored object, Secrets included.
 */
@Tag("real-server")
@EnableKubernetesMockClient(crud = true)
class CredentialLeakIT {
  static final String MARK = "LEAKMARK" + HexFormat.of().formatHex(randomBytes());

  private static final String BASIC_USER = "alice";
  private static final String BASIC_PASSWORD = MARK + "-basic-password";
  private static final String WRONG_BASIC_PASSWORD = MARK + "-wrong-basic-password";
  private static final String BEARER_TOKEN = MARK + "-bearer-token";
  private static final String HEADER_KEY = MARK + "-header-key";
  private static final String QUERY_KEY = MARK + "-query-key";
  private static final String ACCESS_KEY_ID = "AKIA" + MARK.toUpperCase();
  private static final String SECRET_ACCESS_KEY = MARK + "-aws-secret-key";
  private static final String SESSION_TOKEN = MARK + "-aws-session-token";
  private static final String ETCD_PASSWORD = MARK + "-etcd-root";
  private static final String WRONG_ETCD_PASSWORD = MARK + "-wrong-etcd";
  private static final String CC_SECRET = MARK + "-cc-client-secret";
  private static final String PASSWORD_CLIENT_SECRET = MARK + "-password-client-secret";
  private static final String ALICE_PASSWORD = MARK + "-alice-password";
  private static final String WRONG_CC_SECRET = MARK + "-wrong-cc-secret";

  static KubernetesClient client;
  static LogCapture logs;
  static OperatorFixture operator;
  static NginxServer nginx;
  static NginxServer mtlsNginx;
  static EtcdServer etcd;
  static KeycloakServer keycloak;
  static TestCertificates certificates;
  static String clientKeyPem;

  @TempDir static Path certificateDirectory;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.begin();
    certificates = TestCertificates.create(certificateDirectory);
    nginx = NginxServer.builder().basicAuth(BASIC_USER, BASIC_PASSWORD).start();
    mtlsNginx =
        NginxServer.builder()
            .tls(certificates.server())
            .requireClientCertificate(certificates.ca())
            .start();
    etcd = EtcdServer.start(Duration.ofMinutes(5));
    etcd.enableAuth(ETCD_PASSWORD);
    keycloak =
        KeycloakServer.start(
            realm ->
                realm
                    .replace("\"cc-client-secret\"", quoted(CC_SECRET))
                    .replace("\"password-client-secret\"", quoted(PASSWORD_CLIENT_SECRET))
                    .replace("\"alice-password\"", quoted(ALICE_PASSWORD)));
    operator = OperatorFixture.start(client);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable :
        new AutoCloseable[] {operator, keycloak, etcd, mtlsNginx, nginx}) {
      closeQuietly(closeable);
    }
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  void noCredentialInLogsStatusOrEvents() throws IOException {
    createAll();

    awaitConnected("basic");
    awaitConnected("bearer");
    awaitConnected("header-key");
    awaitConnected("query-key");
    awaitConnected("aws");
    awaitConnected("mtls");
    awaitConnected("etcd");
    awaitConnected("client-credentials");
    awaitConnected("password-grant");
    operator.awaitIntegrationCondition("basic-401", "api", "Connected", "False", "HttpError");
    operator.awaitIntegrationCondition(
        "etcd-wrong", "api", "Connected", "False", "TokenRequestFailed");
    operator.awaitIntegrationCondition(
        "cc-wrong", "api", "Connected", "False", "TokenRequestFailed");

    assertCredentialsReachedServers();
    MarkerScan scan = MarkerScan.of(markers());

    // The mock API server logs stored Secrets as a real API server stores them; the markers
    // found there prove that the scan finds credential values in records captured at DEBUG.
    assertThat(scan.findings("mock API server log", logs.mockServerLines())).isNotEmpty();
    assertThat(scan.findings("log", logs.lines())).isEmpty();
    assertThat(scan.findings("status", statusJson())).isEmpty();
    assertThat(scan.findings("event", eventTexts())).isEmpty();
    assertThat(logs.size()).as("records captured at DEBUG").isGreaterThan(1000);
    // The signer's canonical request stays out through the product's TurboFilter, not a level.
    assertThat(LoggerFactory.getLogger("software.amazon.awssdk").isDebugEnabled()).isTrue();
  }

  @Test
  void scanFindsPlantedMarkers() {
    MarkerScan scan = MarkerScan.of(List.of(BEARER_TOKEN));
    int before = logs.size();
    org.slf4j.Logger logger = LoggerFactory.getLogger("io.integrationoperator.leak.selfcheck");
    logger.debug("token {}", BEARER_TOKEN);
    MDC.put("credential", BEARER_TOKEN);
    logger.debug("no value in the message");
    MDC.remove("credential");
    logger.debug("failure", new IllegalStateException("caused by " + BEARER_TOKEN));
    List<String> recent = logs.lines().subList(before, logs.size());

    assertThat(recent).hasSize(3);
    assertThat(scan.findings("log", recent)).hasSize(3);
    assertThat(scan.findings("status", List.of("{\"lastProbe\":\"" + BEARER_TOKEN + "\"}")))
        .hasSize(1);
    assertThat(scan.findings("event", List.of("reason= note=" + BEARER_TOKEN))).hasSize(1);
    assertThat(((ch.qos.logback.classic.Logger) logger).getEffectiveLevel()).isEqualTo(Level.DEBUG);
  }

  /** Checks the server-side records, so that a credential that was never sent cannot pass. */
  private static void assertCredentialsReachedServers() {
    List<AccessLogEntry> entries = nginx.accessLog();
    assertThat(entries).anySatisfy(e -> assertThat(e.remoteUser()).isEqualTo(BASIC_USER));
    assertThat(entries)
        .anySatisfy(e -> assertThat(e.authorization()).isEqualTo("Bearer " + BEARER_TOKEN));
    assertThat(entries).anySatisfy(e -> assertThat(e.xApiKey()).isEqualTo(HEADER_KEY));
    assertThat(entries).anySatisfy(e -> assertThat(e.uri()).contains("api_key=" + QUERY_KEY));
    assertThat(entries)
        .anySatisfy(
            e ->
                assertThat(e.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/"));
    assertThat(mtlsNginx.accessLog())
        .anySatisfy(e -> assertThat(e.sslClientVerify()).isEqualTo("SUCCESS"));
  }

  /** Returns every credential value: the chosen ones, their encodings and the issued tokens. */
  private static Set<String> markers() {
    Set<String> markers = new LinkedHashSet<>();
    markers.add(MARK);
    markers.add(basicHeaderValue(BASIC_PASSWORD));
    markers.add(basicHeaderValue(WRONG_BASIC_PASSWORD));
    for (String line : clientKeyPem.split("\n")) {
      if (!line.startsWith("-----") && line.length() >= 16) {
        markers.add(line);
      }
    }
    for (String namespace : List.of("etcd", "client-credentials", "password-grant")) {
      Secret tokenSecret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(SecretTokenStore.secretName("api"))
              .get();
      assertThat(tokenSecret).as("token Secret in " + namespace).isNotNull();
      String accessToken = decode(tokenSecret.getData().get("accessToken"));
      assertThat(accessToken).as("issued token in " + namespace).hasSizeGreaterThan(16);
      markers.add(accessToken);
      String refreshToken = tokenSecret.getData().get("refreshToken");
      if (refreshToken != null) {
        markers.add(decode(refreshToken));
      }
    }
    return markers;
  }

  private static List<String> statusJson() {
    List<String> texts = new ArrayList<>();
    for (Integration integration :
        client.resources(Integration.class).inAnyNamespace().list().getItems()) {
      texts.add(Serialization.asJson(integration.getStatus()));
    }
    assertThat(texts).hasSize(12);
    return texts;
  }

  private static List<String> eventTexts() {
    List<Event> events = client.v1().events().inAnyNamespace().list().getItems();
    assertThat(events).as("Events of the condition changes").hasSizeGreaterThan(12);
    return events.stream()
        .map(e -> "reason=" + e.getReason() + " message=" + e.getMessage() + " " + e)
        .toList();
  }

  private static void createAll() throws IOException {
    String publicUrl = nginx.baseUrl() + "/public";
    create("basic", httpModel(nginx.apiUrl(), "basicAuth: {type: http, scheme: basic}"), basic());
    secret("basic", Map.of("username", BASIC_USER, "password", BASIC_PASSWORD));
    create(
        "basic-401", httpModel(nginx.apiUrl(), "basicAuth: {type: http, scheme: basic}"), basic());
    secret("basic-401", Map.of("username", BASIC_USER, "password", WRONG_BASIC_PASSWORD));
    create("bearer", httpModel(publicUrl, "token: {type: http, scheme: bearer}"), bearer());
    secret("bearer", Map.of("token", BEARER_TOKEN));
    create(
        "header-key",
        httpModel(publicUrl, "key: {type: apiKey, in: header, name: X-API-Key}"),
        apiKey());
    secret("header-key", Map.of("apiKey", HEADER_KEY));
    create(
        "query-key",
        httpModel(publicUrl, "key: {type: apiKey, in: query, name: api_key}"),
        apiKey());
    secret("query-key", Map.of("apiKey", QUERY_KEY));
    create(
        "aws",
        httpModel(
            publicUrl,
            "sigv4: {type: apiKey, in: header, name: Authorization,"
                + " x-amazon-apigateway-authtype: awsSigv4}"),
        aws());
    secret(
        "aws",
        Map.of(
            "accessKeyId", ACCESS_KEY_ID,
            "secretAccessKey", SECRET_ACCESS_KEY,
            "sessionToken", SESSION_TOKEN));
    createMutualTls();
    createEtcd("etcd", ETCD_PASSWORD);
    createEtcd("etcd-wrong", WRONG_ETCD_PASSWORD);
    createOAuth2("client-credentials", OAuth2GrantType.ClientCredentials, "cc-client", CC_SECRET);
    createOAuth2("cc-wrong", OAuth2GrantType.ClientCredentials, "cc-client", WRONG_CC_SECRET);
    createOAuth2(
        "password-grant", OAuth2GrantType.Password, "password-client", PASSWORD_CLIENT_SECRET);
  }

  private static void createMutualTls() {
    Issued leaf = certificates.client();
    clientKeyPem = leaf.privateKeyPem();
    String document =
        """
        openapi: 3.1.0
        info: {title: Client certificates, version: "1"}
        servers: [{url: "%s/public"}]
        components:
          securitySchemes:
            clientCert: {type: mutualTLS}
        paths:
          /client-certificate:
            get: {operationId: getVerdict, responses: {'200': {description: ok}}}
        """
            .formatted(mtlsNginx.baseUrl());
    Consumer<IntegrationSpec> spec =
        authentication(
            auth -> {
              MutualTlsAuthentication mutualTls = new MutualTlsAuthentication();
              mutualTls.setSecretRef(new LocalObjectReference("credentials"));
              auth.setMutualTls(mutualTls);
            },
            "/client-certificate");
    create("mtls", document, spec.andThen(s -> s.setTls(new Tls())));
    Secret tlsSecret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace("mtls")
            .withName("credentials")
            .endMetadata()
            .withType("kubernetes.io/tls")
            .withStringData(
                Map.of(
                    "tls.crt", leaf.certificatePem(),
                    "tls.key", clientKeyPem,
                    "ca.crt", certificates.caPem()))
            .build();
    client.resource(tlsSecret).create();
  }

  private static void createEtcd(String namespace, String password) throws IOException {
    String document = etcdDocument().replace("http://127.0.0.1:2379", etcd.baseUrl());
    Consumer<IntegrationSpec> spec =
        authentication(
            auth -> {
              AuthenticationParameter name = new AuthenticationParameter();
              name.setName("name");
              name.setValue("root");
              AuthenticationParameter passwordParameter = new AuthenticationParameter();
              passwordParameter.setName("password");
              passwordParameter.setValueFrom(secretKey("password"));
              auth.setApiKey(new ApiKeyAuthentication());
              auth.setParameters(List.of(name, passwordParameter));
            },
            "/health");
    create(namespace, document, spec);
    secret(namespace, Map.of("password", password));
  }

  private static void createOAuth2(
      String namespace, OAuth2GrantType grant, String clientId, String clientSecret) {
    String flow = grant == OAuth2GrantType.Password ? "password" : "clientCredentials";
    String scheme =
        "oauth: {type: oauth2, flows: {%s: {tokenUrl: \"%s\", scopes: {}}}}"
            .formatted(flow, keycloak.tokenUrl());
    Consumer<IntegrationSpec> spec =
        authentication(
            auth -> {
              OAuth2Authentication oauth2 = new OAuth2Authentication();
              oauth2.setGrantType(grant);
              oauth2.setSecretRef(new LocalObjectReference("credentials"));
              auth.setOauth2(oauth2);
            },
            "/health");
    create(namespace, httpModel(nginx.baseUrl() + "/public", scheme), spec);
    if (grant == OAuth2GrantType.Password) {
      secret(
          namespace,
          Map.of(
              "clientId", clientId,
              "clientSecret", clientSecret,
              "username", "alice",
              "password", ALICE_PASSWORD));
    } else {
      secret(namespace, Map.of("clientId", clientId, "clientSecret", clientSecret));
    }
  }

  private static Consumer<IntegrationSpec> basic() {
    return authentication(
        auth -> {
          BasicAuthentication basic = new BasicAuthentication();
          basic.setSecretRef(new LocalObjectReference("credentials"));
          auth.setBasic(basic);
        },
        "/health");
  }

  private static Consumer<IntegrationSpec> bearer() {
    return authentication(
        auth -> {
          BearerAuthentication bearer = new BearerAuthentication();
          bearer.setToken(secretKey("token"));
          auth.setBearer(bearer);
        },
        "/health");
  }

  private static Consumer<IntegrationSpec> apiKey() {
    return authentication(
        auth -> {
          ApiKeyAuthentication apiKey = new ApiKeyAuthentication();
          apiKey.setValue(secretKey("apiKey"));
          auth.setApiKey(apiKey);
        },
        "/health");
  }

  private static Consumer<IntegrationSpec> aws() {
    return authentication(
        auth -> {
          AwsSigV4Authentication aws = new AwsSigV4Authentication();
          aws.setRegion("eu-west-1");
          aws.setService("execute-api");
          aws.setSecretRef(new LocalObjectReference("credentials"));
          auth.setAwsSigV4(aws);
        },
        "/health");
  }

  private static Consumer<IntegrationSpec> authentication(
      Consumer<Authentication> block, String probePath) {
    return spec -> {
      Authentication auth = new Authentication();
      block.accept(auth);
      spec.setAuthentication(auth);
      Probe probe = new Probe();
      probe.setPath(probePath);
      spec.setProbe(probe);
    };
  }

  private static SecretValueSource secretKey(String key) {
    SecretValueSource source = new SecretValueSource();
    source.setSecretKeyRef(new SecretKeySelector(key, "credentials", false));
    return source;
  }

  /** Returns a model with one GET operation and one security scheme, given as a YAML entry. */
  private static String httpModel(String serverUrl, String scheme) {
    return """
        openapi: 3.0.3
        info: {title: Leak check, version: "1"}
        servers: [{url: "%s"}]
        components:
          securitySchemes:
            %s
        paths:
          /health:
            get: {operationId: health, responses: {'200': {description: ok}}}
        """
        .formatted(serverUrl, scheme);
  }

  private static void create(String namespace, String document, Consumer<IntegrationSpec> spec) {
    client.resource(OperatorFixture.inlineModel(namespace, "model", document)).create();
    client.resource(OperatorFixture.integration(namespace, "api", "model", spec)).create();
  }

  private static void secret(String namespace, Map<String, String> values) {
    client.resource(OperatorFixture.secret(namespace, "credentials", values)).create();
  }

  private static void awaitConnected(String namespace) {
    operator.awaitIntegrationCondition(namespace, "api", "Connected", "True", "ProbeSucceeded");
  }

  private static String etcdDocument() throws IOException {
    try (InputStream in =
        CredentialLeakIT.class.getResourceAsStream("/etcd/etcd-kv-dynamic-key.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String basicHeaderValue(String password) {
    return Base64.getEncoder()
        .encodeToString((BASIC_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(CredentialLeakIT.class).warn("could not stop {}", closeable, e);
    }
  }
}
