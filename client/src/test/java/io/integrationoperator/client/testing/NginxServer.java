package io.integrationoperator.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx ({@value #NGINX_BINARY}, Debian package nginx-light) started as a child process on
 * 127.0.0.1 and a port it picks itself, with a generated configuration in a temporary directory. It
 * serves fixed responses:
 *
 * <ul>
 *   <li>{@code /api/v3} and {@code /api/v3/}: 200 with {@value #ROOT_JSON}
 *   <li>{@code /api/v3/health}: 200 with {@value #HEALTH_JSON}
 *   <li>{@code /api/v3/pet/1}: 200 with {@value #PET_JSON}
 *   <li>{@code /api/v3/text}: 200 with text/plain {@value #PLAIN_TEXT}
 *   <li>any other path under {@code /api/}: 404 with {@value #NOT_FOUND_JSON}
 *   <li>{@code /public/health}: 200 with {@value #HEALTH_JSON}, never behind Basic authentication
 *   <li>{@code /public/moved}: 301 to {@code /api/v3/pet/1}
 *   <li>{@code /public/client-certificate}: 200 with JSON of nginx's {@code $ssl_client_verify}
 *       ({@code verify}), {@code $ssl_client_s_dn} ({@code subject}) and {@code $ssl_client_i_dn}
 *       ({@code issuer}), so that a test can check nginx's verdict on the client certificate
 * </ul>
 *
 * JSON responses have Content-Type application/json. With {@link Builder#basicAuth} every path
 * under {@code /api/} requires that user. Over TLS nginx offers HTTP/2 and HTTP/1.1 through ALPN.
 *
 * <p>The access log has one JSON object per request, read with {@link #accessLog()}; it records the
 * method, URI, status, and the Authorization, api_key, X-API-Key and Cookie headers so that tests
 * can check what the server received.
 */
public final class NginxServer implements AutoCloseable {
  /** Quiet time after which the access log counts as complete. */
  static final Duration SETTLE_TIME = Duration.ofMillis(250);

  /** Where Debian installs nginx. */
  public static final String NGINX_BINARY = "/usr/sbin/nginx";

  /** Body of {@code /api/v3/pet/1}. */
  public static final String PET_JSON = "{\"id\":1,\"name\":\"doggie\"}";

  /** Body of {@code /api/v3/health} and {@code /public/health}. */
  public static final String HEALTH_JSON = "{\"status\":\"UP\"}";

  /** Body of {@code /api/v3} and {@code /api/v3/}. */
  public static final String ROOT_JSON = "{\"name\":\"test API\"}";

  /** Body of {@code /api/v3/text}. */
  public static final String PLAIN_TEXT = "plain text answer";

  /** Body of unknown paths under {@code /api/}. */
  public static final String NOT_FOUND_JSON = "{\"message\":\"not found\"}";

  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 5;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path prefix;
  private final int port;
  private final boolean tls;
  private final Process process;
  private final Thread shutdownHook;

  private NginxServer(Path prefix, int port, boolean tls, Process process) {
    this.prefix = prefix;
    this.port = port;
    this.tls = tls;
    this.process = process;
    this.shutdownHook = new Thread(this::destroyProcess, "nginx-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts building a server. Without {@link Builder#tls} it serves plain HTTP. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port nginx listens on (on 127.0.0.1). */
  public int port() {
    return port;
  }

  /** Returns https://127.0.0.1:port (or http:// without TLS), without a trailing slash. */
  public String baseUrl() {
    return (tls ? "https" : "http") + "://" + HOST + ":" + port;
  }

  /** Returns {@link #baseUrl()} followed by /api/v3. */
  public String apiUrl() {
    return baseUrl() + "/api/v3";
  }

  /** Returns true while the nginx master process runs. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Returns the requests logged so far, oldest first. */
  public List<AccessLogEntry> accessLog() {
    Path file = prefix.resolve("logs/access.log");
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      List<AccessLogEntry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          entries.add(parseEntry(line));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read nginx access log " + file, e);
    }
  }

  /**
   * Returns the number of access log entries once no entry has been added for {@link #SETTLE_TIME},
   * at most five seconds. Taken before a request, it counts the late entries of earlier requests
   * too, so the entry after it belongs to the next request.
   */
  public int settledAccessLogSize() {
    List<AccessLogEntry> entries = accessLog();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      sleep(SETTLE_TIME);
      List<AccessLogEntry> later = accessLog();
      if (later.size() == entries.size()) {
        return later.size();
      }
      entries = later;
    }
    return entries.size();
  }

  /**
   * Returns the access log once it has at least {@code count} entries. nginx writes an entry after
   * it has sent the response, so a client can receive the response slightly before the entry
   * exists.
   *
   * @throws AssertionError when fewer entries exist after 5 seconds
   */
  public List<AccessLogEntry> awaitAccessLog(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<AccessLogEntry> entries = accessLog();
    while (entries.size() < count && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(20));
      entries = accessLog();
    }
    if (entries.size() < count) {
      throw new AssertionError(
          "expected at least " + count + " nginx access log entries, found " + entries);
    }
    return entries;
  }

  /** Returns the last entry of the access log, waiting for at least one. */
  public AccessLogEntry lastRequest() {
    List<AccessLogEntry> entries = awaitAccessLog(1);
    return entries.get(entries.size() - 1);
  }

  /** Returns the text of nginx's error log, for failure messages. */
  public String errorLog() {
    return readIfExists(prefix.resolve("logs/error.log"));
  }

  /** Stops nginx and waits until it has exited, so the port then refuses connections. */
  public void stop() {
    destroyProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook stops nginx itself.
    }
  }

  /** Stops nginx and deletes its temporary directory. */
  @Override
  public void close() {
    stop();
    ServerFixtures.deleteRecursively(prefix);
  }

  private void destroyProcess() {
    if (!process.isAlive()) {
      return;
    }
    // SIGTERM makes the master stop its workers first, which SIGKILL would leave running.
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

  private static AccessLogEntry parseEntry(String line) throws IOException {
    JsonNode node = JSON.readTree(line);
    return new AccessLogEntry(
        node.path("method").asText(),
        node.path("uri").asText(),
        node.path("status").asInt(),
        node.path("host").asText(),
        node.path("authorization").asText(),
        node.path("apiKey").asText(),
        node.path("xApiKey").asText(),
        node.path("cookie").asText(),
        node.path("remoteUser").asText(),
        node.path("sslServerName").asText(),
        node.path("sslClientSubject").asText(),
        node.path("sslClientVerify").asText(),
        node.path("protocol").asText());
  }

  /** Options of a server. {@link #start()} writes the configuration and starts nginx. */
  public static final class Builder {
    private TestCertificates.Issued serverCertificate;
    private TestCertificates.Issued clientCa;
    private int clientVerifyDepth = 1;
    private int workerConnections = 64;
    private String basicAuthUser;
    private String basicAuthPassword;
    private String extraServerConfig = "";
    private String extraHttpConfig = "";

    private Builder() {}

    /** Serves HTTPS with this certificate and private key. */
    public Builder tls(TestCertificates.Issued serverCertificate) {
      this.serverCertificate = serverCertificate;
      return this;
    }

    /**
     * Requires a TLS client certificate that chains to this CA (needs {@link #tls}), with nginx's
     * {@code ssl_verify_client on}. Without one, nginx returns 400 to every request.
     */
    public Builder requireClientCertificate(TestCertificates.Issued ca) {
      this.clientCa = ca;
      return this;
    }

    /**
     * Sets nginx's {@code ssl_verify_depth}: how many intermediate CAs may lie between the client
     * certificate and the trusted CA. The default, 1, is nginx's own default; 0 accepts only client
     * certificates that the trusted CA issued itself.
     */
    public Builder clientVerifyDepth(int depth) {
      this.clientVerifyDepth = depth;
      return this;
    }

    /**
     * Requires HTTP Basic authentication with this user on every path under {@code /api/}. The
     * password is stored as a salted SHA-1 ({SSHA}) in nginx's user file, and compared as UTF-8
     * bytes, so non-ASCII passwords work.
     */
    public Builder basicAuth(String username, String password) {
      this.basicAuthUser = username;
      this.basicAuthPassword = password;
      return this;
    }

    /**
     * Sets nginx's {@code worker_connections} (default 64 here): how many connections, clients and
     * idle keep-alive ones included, the single worker process keeps open at once.
     */
    public Builder workerConnections(int connections) {
      this.workerConnections = connections;
      return this;
    }

    /** Adds nginx directives (for example more {@code location} blocks) to the server block. */
    public Builder extraServerConfig(String directives) {
      this.extraServerConfig = directives;
      return this;
    }

    /**
     * Adds nginx directives to the http block, before the server block (for example a {@code
     * log_format} that a location of {@link #extraServerConfig} uses).
     */
    public Builder extraHttpConfig(String directives) {
      this.extraHttpConfig = directives;
      return this;
    }

    /**
     * Starts nginx and returns once its port accepts connections. A port that another process took
     * between picking and binding is replaced by a new one, up to 5 times.
     *
     * @throws IllegalStateException when nginx is not installed or does not start
     */
    public NginxServer start() {
      if (!Files.isExecutable(Path.of(NGINX_BINARY))) {
        throw new IllegalStateException(
            "nginx is not installed at "
                + NGINX_BINARY
                + "; install nginx-light with apt-get (apt-get install -y nginx-light)");
      }
      if (clientCa != null && serverCertificate == null) {
        throw new IllegalStateException("requireClientCertificate needs tls");
      }
      try {
        Path prefix = Files.createTempDirectory("nginx-test-");
        for (String directory : List.of("conf", "logs", "temp")) {
          Files.createDirectories(prefix.resolve(directory));
        }
        writeUserFile(prefix);
        writeAnswerFiles(prefix);
        return startWithRetries(prefix);
      } catch (IOException e) {
        throw new UncheckedIOException("could not prepare the nginx directory", e);
      }
    }

    private NginxServer startWithRetries(Path prefix) throws IOException {
      String lastFailure = "";
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = ServerFixtures.freePort();
        Files.writeString(prefix.resolve("conf/nginx.conf"), configuration(prefix, port));
        Files.deleteIfExists(prefix.resolve("logs/error.log"));
        Process process = launch(prefix);
        Optional<String> failure = awaitListening(process, port);
        if (failure.isEmpty()) {
          return new NginxServer(prefix, port, serverCertificate != null, process);
        }
        lastFailure =
            failure.get()
                + "\n"
                + readIfExists(prefix.resolve("logs/stderr.log"))
                + readIfExists(prefix.resolve("logs/error.log"));
        process.destroyForcibly();
        if (!lastFailure.contains("Address already in use")) {
          break;
        }
      }
      ServerFixtures.deleteRecursively(prefix);
      throw new IllegalStateException("nginx did not start: " + lastFailure);
    }

    private static Process launch(Path prefix) throws IOException {
      String logs = prefix.resolve("logs").toString();
      String globals =
          "daemon off; pid " + logs + "/nginx.pid; error_log " + logs + "/error.log info;";
      ProcessBuilder builder =
          new ProcessBuilder(
                  NGINX_BINARY,
                  "-p",
                  prefix + "/",
                  "-c",
                  prefix.resolve("conf/nginx.conf").toString(),
                  // -e sets the error log nginx uses before it has read the configuration.
                  "-e",
                  logs + "/error.log",
                  "-g",
                  globals)
              .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
              .redirectError(prefix.resolve("logs/stderr.log").toFile());
      return builder.start();
    }

    /** Waits until the port accepts connections, or returns the reason when nginx exits first. */
    private static Optional<String> awaitListening(Process process, int port) {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          return Optional.of("nginx exited with status " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(HOST, port), 200);
          return Optional.empty();
        } catch (IOException notYet) {
          sleep(Duration.ofMillis(50));
        }
      }
      return Optional.of("port " + port + " did not accept connections within " + START_TIMEOUT);
    }

    private String configuration(Path prefix, int port) {
      StringBuilder conf = new StringBuilder();
      // As root, workers would otherwise switch to "nobody" and could not read the files in the
      // temporary directory. Under any other user nginx ignores the directive with a warning.
      if (isRoot()) {
        conf.append("user root;\n");
      }
      conf.append("worker_processes 1;\n")
          .append("events { worker_connections ")
          .append(workerConnections)
          .append("; }\n")
          .append("http {\n");
      for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
        conf.append("  ")
            .append(temp)
            .append("_temp_path ")
            .append(prefix.resolve("temp/" + temp))
            .append(";\n");
      }
      conf.append("  log_format requests escape=json '{")
          .append("\"method\":\"$request_method\",\"uri\":\"$request_uri\",")
          .append("\"status\":\"$status\",\"host\":\"$http_host\",")
          .append("\"authorization\":\"$http_authorization\",\"apiKey\":\"$http_api_key\",")
          .append("\"xApiKey\":\"$http_x_api_key\",\"cookie\":\"$http_cookie\",")
          .append("\"remoteUser\":\"$remote_user\",\"sslServerName\":\"$ssl_server_name\",")
          .append(
              "\"sslClientSubject\":\"$ssl_client_s_dn\","
                  + "\"sslClientVerify\":\"$ssl_client_verify\","
                  + "\"protocol\":\"$server_protocol\"}';\n")
          .append("  access_log ")
          .append(prefix.resolve("logs/access.log"))
          .append(" requests;\n")
          // nginx drops headers with underscores, such as api_key, unless this is on.
          .append("  underscores_in_headers on;\n")
          .append("  default_type application/octet-stream;\n")
          .append(extraHttpConfig)
          .append("\n  server {\n");
      appendListen(conf, port);
      appendLocations(conf, prefix);
      conf.append(extraServerConfig).append("\n  }\n}\n");
      return conf.toString();
    }

    private void appendListen(StringBuilder conf, int port) {
      if (serverCertificate == null) {
        conf.append("    listen ").append(HOST).append(':').append(port).append(";\n");
        return;
      }
      conf.append("    listen ")
          .append(HOST)
          .append(':')
          .append(port)
          .append(" ssl http2;\n")
          .append("    ssl_certificate ")
          .append(serverCertificate.certificateFile())
          .append(";\n")
          .append("    ssl_certificate_key ")
          .append(serverCertificate.privateKeyFile())
          .append(";\n");
      if (clientCa != null) {
        conf.append("    ssl_client_certificate ")
            .append(clientCa.certificateFile())
            .append(";\n")
            .append("    ssl_verify_client on;\n")
            .append("    ssl_verify_depth ")
            .append(clientVerifyDepth)
            .append(";\n");
      }
    }

    private void appendLocations(StringBuilder conf, Path prefix) {
      // Responses come from files because "return" acts before the access phase and so would
      // skip Basic authentication.
      conf.append("    location /api/ {\n");
      if (basicAuthUser != null) {
        conf.append("      auth_basic \"test\";\n")
            .append("      auth_basic_user_file ")
            .append(prefix.resolve("conf/htpasswd"))
            .append(";\n");
      }
      conf.append(fileLocation(prefix, "= /api/v3", "root.json"))
          .append(fileLocation(prefix, "= /api/v3/", "root.json"))
          .append(fileLocation(prefix, "= /api/v3/health", "health.json"))
          .append(fileLocation(prefix, "= /api/v3/pet/1", "pet.json"))
          .append(fileLocation(prefix, "= /api/v3/text", "text.txt"))
          // Other paths find no file below the empty root, after authentication.
          .append("      root ")
          .append(prefix.resolve("html/empty"))
          .append(";\n      error_page 404 /errors/not-found.json;\n")
          .append("    }\n")
          .append("    location = /errors/not-found.json {\n")
          .append("      internal; default_type application/json; alias ")
          .append(prefix.resolve("html/not-found.json"))
          .append(";\n    }\n")
          .append(fileLocation(prefix, "= /public/health", "health.json"))
          .append("    location = /public/moved { return 301 /api/v3/pet/1; }\n")
          .append("    location = /public/client-certificate {\n")
          .append("      default_type application/json;\n")
          .append("      return 200 '{\"verify\":\"$ssl_client_verify\",")
          .append("\"subject\":\"$ssl_client_s_dn\",\"issuer\":\"$ssl_client_i_dn\"}';\n")
          .append("    }\n");
    }

    private static String fileLocation(Path prefix, String match, String file) {
      String type = file.endsWith(".json") ? "application/json" : "text/plain";
      return "      location "
          + match
          + " { default_type "
          + type
          + "; alias "
          + prefix.resolve("html/" + file)
          + "; }\n";
    }

    private static void writeAnswerFiles(Path prefix) throws IOException {
      Path html = Files.createDirectories(prefix.resolve("html/empty")).getParent();
      Files.writeString(html.resolve("root.json"), ROOT_JSON);
      Files.writeString(html.resolve("health.json"), HEALTH_JSON);
      Files.writeString(html.resolve("pet.json"), PET_JSON);
      Files.writeString(html.resolve("text.txt"), PLAIN_TEXT);
      Files.writeString(html.resolve("not-found.json"), NOT_FOUND_JSON);
    }

    private void writeUserFile(Path prefix) throws IOException {
      if (basicAuthUser == null) {
        return;
      }
      String line = basicAuthUser + ":" + sshaHash(basicAuthPassword) + "\n";
      Files.writeString(prefix.resolve("conf/htpasswd"), line, StandardCharsets.UTF_8);
    }
  }

  /** Hashes a password in the {SSHA} scheme: base64 of SHA-1(password + salt) followed by salt. */
  static String sshaHash(String password) {
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(password.getBytes(StandardCharsets.UTF_8));
      sha1.update(salt);
      byte[] digest = sha1.digest();
      byte[] digestAndSalt = new byte[digest.length + salt.length];
      System.arraycopy(digest, 0, digestAndSalt, 0, digest.length);
      System.arraycopy(salt, 0, digestAndSalt, digest.length, salt.length);
      return "{SSHA}" + Base64.getEncoder().encodeToString(digestAndSalt);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String readIfExists(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for nginx", e);
    }
  }
}
