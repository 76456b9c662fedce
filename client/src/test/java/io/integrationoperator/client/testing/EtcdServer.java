package io.integrationoperator.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real single-member etcd ({@value #ETCD_BINARY}, Debian package etcd-server, version 3.4)
 * started as a child process on 127.0.0.1, with client and peer ports it picks itself and a data
 * directory under {@code target/}. Its JSON gateway serves {@code /v3/...} on {@link #baseUrl()}.
 *
 * <p>{@link #enableAuth(String)} creates the root user and turns authentication on; from then on
 * the key-value API needs the simple token that {@code POST /v3/auth/authenticate} returns, sent as
 * is in the Authorization header. A token expires after {@code tokenTtl} without use, and etcd then
 * returns 401. etcd keeps no request log, so tests count requests with the gRPC counters of its
 * Prometheus endpoint ({@link #startedCalls(String)}).
 */
public final class EtcdServer implements AutoCloseable {

  /** Where Debian installs etcd. */
  public static final String ETCD_BINARY = "/usr/bin/etcd";

  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 5;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDirectory;
  private final int clientPort;
  private final Process process;
  private final OkHttpClient http;
  private final Thread shutdownHook;

  private EtcdServer(Path dataDirectory, int clientPort, Process process, OkHttpClient http) {
    this.dataDirectory = dataDirectory;
    this.clientPort = clientPort;
    this.process = process;
    this.http = http;
    this.shutdownHook = new Thread(this::destroyProcess, "etcd-shutdown-" + clientPort);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts etcd and returns once its health endpoint responds. A port that another process took
   * between picking and binding is replaced by a new one, up to 5 times.
   *
   * @param tokenTtl lifetime of an unused simple token, whole seconds of at least 1
   * @throws IllegalStateException when etcd is not installed or does not start
   */
  public static EtcdServer start(Duration tokenTtl) {
    if (!Files.isExecutable(Path.of(ETCD_BINARY))) {
      throw new IllegalStateException(
          "etcd is not installed at "
              + ETCD_BINARY
              + "; install it with apt-get (apt-get install -y etcd-server)");
    }
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    String lastFailure = "";
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Path data = createDataDirectory();
      int clientPort = ServerFixtures.freePort();
      int peerPort = ServerFixtures.freePort();
      Process process = launch(data, clientPort, peerPort, tokenTtl);
      EtcdServer server = new EtcdServer(data, clientPort, process, http);
      String failure = server.awaitHealthy();
      if (failure.isEmpty()) {
        return server;
      }
      lastFailure = failure + "\n" + readIfExists(data.resolve("etcd.log"));
      server.close();
      if (!lastFailure.contains("address already in use")) {
        break;
      }
    }
    throw new IllegalStateException("etcd did not start: " + lastFailure);
  }

  /** Returns http://127.0.0.1:port of the client API, without a trailing slash. */
  public String baseUrl() {
    return "http://" + HOST + ":" + clientPort;
  }

  /**
   * Creates the user root with {@code rootPassword} and the role root, and enables authentication.
   */
  public void enableAuth(String rootPassword) {
    post("/v3/auth/user/add", Map.of("name", "root", "password", rootPassword), null);
    post("/v3/auth/role/add", Map.of("name", "root"), null);
    post("/v3/auth/user/grant", Map.of("user", "root", "role", "root"), null);
    post("/v3/auth/enable", Map.of(), null);
  }

  /** Logs in as root and returns the simple token, for setting up data outside the product. */
  public String authenticate(String rootPassword) {
    JsonNode answer =
        post("/v3/auth/authenticate", Map.of("name", "root", "password", rootPassword), null);
    return answer.path("token").asText();
  }

  /** Reads the value of {@code key} as UTF-8 with a root token, or null when it is not set. */
  public String get(String key, String token) {
    JsonNode answer = post("/v3/kv/range", Map.of("key", base64(key)), token);
    JsonNode value = answer.at("/kvs/0/value");
    if (value.isMissingNode()) {
      return null;
    }
    return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
  }

  /** Returns the base64 of the UTF-8 bytes of {@code text}, as the key-value API expects. */
  public static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns how many calls of the gRPC method (for example Authenticate or Range) etcd has started,
   * whichever their outcome, from the counter grpc_server_started_total of its /metrics endpoint.
   * Calls through the JSON gateway are counted too.
   */
  public long startedCalls(String method) {
    return counter("grpc_server_started_total", "grpc_method=\"" + method + "\"");
  }

  /**
   * Returns how many calls of the gRPC method ended with the gRPC status {@code code}, for example
   * Unauthenticated, from the counter grpc_server_handled_total.
   */
  public long handledCalls(String method, String code) {
    return counter(
        "grpc_server_handled_total", "grpc_code=\"" + code + "\",grpc_method=\"" + method + "\"");
  }

  private long counter(String name, String labels) {
    String metrics = text(new Request.Builder().url(baseUrl() + "/metrics").build());
    Pattern line =
        Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "[^}]*} (\\S+)$");
    Matcher matcher = line.matcher(metrics);
    long total = 0;
    while (matcher.find()) {
      total += (long) Double.parseDouble(matcher.group(1));
    }
    return total;
  }

  private JsonNode post(String path, Map<String, String> body, String token) {
    try {
      Request.Builder request =
          new Request.Builder()
              .url(baseUrl() + path)
              .post(RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE));
      if (token != null) {
        request.header("Authorization", token);
      }
      return JSON.readTree(text(request.build()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not call etcd " + path, e);
    }
  }

  private String text(Request request) {
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new IllegalStateException(
            "etcd returned "
                + response.code()
                + " for "
                + request.url().encodedPath()
                + ": "
                + body);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("could not call etcd " + request.url().encodedPath(), e);
    }
  }

  /** Stops etcd and deletes its data directory. */
  @Override
  public void close() {
    destroyProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook stops etcd itself.
    }
    ServerFixtures.deleteRecursively(dataDirectory);
  }

  private void destroyProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for GET /health to return 200; returns the reason when etcd exits or times out. */
  private String awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Request health = new Request.Builder().url(baseUrl() + "/health").build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return "etcd exited with status " + process.exitValue();
      }
      try (Response response = http.newCall(health).execute()) {
        if (response.isSuccessful()) {
          return "";
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      sleep(Duration.ofMillis(100));
    }
    return "etcd did not become healthy within " + START_TIMEOUT;
  }

  private static Process launch(Path data, int clientPort, int peerPort, Duration tokenTtl) {
    String clientUrl = "http://" + HOST + ":" + clientPort;
    String peerUrl = "http://" + HOST + ":" + peerPort;
    List<String> command =
        List.of(
            ETCD_BINARY,
            "--name=test",
            "--data-dir=" + data.resolve("member-data"),
            "--listen-client-urls=" + clientUrl,
            "--advertise-client-urls=" + clientUrl,
            "--listen-peer-urls=" + peerUrl,
            "--initial-advertise-peer-urls=" + peerUrl,
            "--initial-cluster=test=" + peerUrl,
            "--auth-token=simple",
            "--auth-token-ttl=" + Math.max(1, tokenTtl.toSeconds()),
            "--logger=zap",
            "--log-outputs=stderr");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(data.resolve("etcd.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + ETCD_BINARY, e);
    }
  }

  private static Path createDataDirectory() {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(target.toAbsolutePath(), "etcd-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the etcd data directory", e);
    }
  }

  private static String readIfExists(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for etcd", e);
    }
  }
}
