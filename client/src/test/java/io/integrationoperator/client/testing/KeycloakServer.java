package io.integrationoperator.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real Keycloak started as a child process on 127.0.0.1 and a free port, in development mode with
 * its file database, importing the test realm {@value #REALM} from {@value #REALM_RESOURCE}.
 *
 * <p>The distribution comes from the Maven artifact org.keycloak:keycloak-quarkus-dist, which the
 * real-servers profile unpacks into target/keycloak and names in the system property {@value
 * #HOME_PROPERTY}. Keycloak needs Java 21 or later, so it runs on the JDK that {@link #javaHome()}
 * picks. The database is deleted before each start, so every start imports the realm afresh. The
 * first start also builds the distribution; on two cores that start took 75 s on an idle machine
 * and 220 s under load.
 *
 * <p>The realm has these clients and one user, alice with password alice-password:
 *
 * <ul>
 *   <li>{@code cc-client} (secret cc-client-secret): client credentials grant
 *   <li>{@code password-client} (secret password-client-secret): password grant
 *   <li>{@code code-client} (secret code-client-secret): authorization code grant with the redirect
 *       URI {@value #REDIRECT_URI}
 *   <li>{@value #SPECIAL_CLIENT_ID} (secret {@value #SPECIAL_CLIENT_SECRET}): client credentials
 *       grant, with characters that RFC 6749 section 2.3.1 form-encodes
 * </ul>
 */
public final class KeycloakServer implements AutoCloseable {

  /** System property with the unpacked distribution's directory. */
  public static final String HOME_PROPERTY = "keycloak.home";

  /** System property with the JDK that runs Keycloak. */
  public static final String JAVA_HOME_PROPERTY = "keycloak.java.home";

  /** The Temurin JDK that Keycloak runs on when {@value #JAVA_HOME_PROPERTY} is not set. */
  public static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";

  /** Name of the test realm. */
  public static final String REALM = "oauth2-test";

  /** Classpath resource of the realm export. */
  public static final String REALM_RESOURCE = "/keycloak/oauth2-test-realm.json";

  /** Redirect URI registered for {@code code-client}. */
  public static final String REDIRECT_URI = "http://127.0.0.1/callback";

  /** Client id with a space, a colon, a percent sign and a non-ASCII letter. */
  public static final String SPECIAL_CLIENT_ID = "special client:%\u00e9";

  /** Secret of {@link #SPECIAL_CLIENT_ID}. */
  public static final String SPECIAL_CLIENT_SECRET = "s3cr:t %41+/= \u00fcml\u00e4ut&x";

  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(480);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private KeycloakServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Keycloak and waits until the realm's discovery document answers.
   *
   * @throws IllegalStateException when the distribution is missing or Keycloak does not start
   */
  public static KeycloakServer start() throws IOException, InterruptedException {
    return start(UnaryOperator.identity());
  }

  /**
   * Starts Keycloak with the test realm export changed by {@code realmEdit}, for example to give a
   * client a different secret or the realm another access token lifespan.
   *
   * @param realmEdit receives the realm export as JSON text and returns the text to import
   */
  public static KeycloakServer start(UnaryOperator<String> realmEdit)
      throws IOException, InterruptedException {
    Path home = home();
    prepareData(home.resolve("data"), realmEdit);
    int port = ServerFixtures.freePort();
    Path log = home.resolve("keycloak-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=" + HOST,
                "--http-port=" + port,
                "--http-management-port=" + ServerFixtures.freePort(),
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", javaHome().toString());
    environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");

    KeycloakServer server = new KeycloakServer(builder.start(), port, log);
    try {
      server.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Deletes the file database of earlier starts and puts the realm export where it is imported. */
  private static void prepareData(Path data, UnaryOperator<String> realmEdit) throws IOException {
    ServerFixtures.deleteRecursively(data.resolve("h2"));
    Files.createDirectories(data.resolve("import"));
    try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
      String export = new String(realm.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(
          data.resolve("import/" + REALM + ".json"),
          realmEdit.apply(export),
          StandardCharsets.UTF_8);
    }
  }

  /** Returns http://127.0.0.1:port. */
  public String baseUrl() {
    return "http://" + HOST + ":" + port;
  }

  /** Returns the test realm's issuer, without a trailing slash. */
  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  /** Returns the test realm's token endpoint. */
  public String tokenUrl() {
    return issuer() + "/protocol/openid-connect/token";
  }

  /** Returns the test realm's authorization endpoint. */
  public String authorizationUrl() {
    return issuer() + "/protocol/openid-connect/auth";
  }

  /** Returns the test realm's token introspection endpoint. */
  public String introspectionUrl() {
    return issuer() + "/protocol/openid-connect/token/introspect";
  }

  /** Returns the test realm's userinfo endpoint. */
  public String userinfoUrl() {
    return issuer() + "/protocol/openid-connect/userinfo";
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest discovery =
        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with status " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "Keycloak did not answer within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  /** Returns the last lines of Keycloak's output, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(the log " + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** Stops Keycloak and any process it started. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static Path home() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || !Files.isExecutable(Path.of(home, "bin/kc.sh"))) {
      throw new IllegalStateException(
          "the Keycloak distribution is missing (system property "
              + HOME_PROPERTY
              + " is '"
              + home
              + "'); run the tests with -Preal-servers, which unpacks"
              + " org.keycloak:keycloak-quarkus-dist into target/keycloak");
    }
    return Path.of(home);
  }

  /**
   * Returns the JDK that runs Keycloak: {@value #JAVA_HOME_PROPERTY} when set, else {@value
   * #DEFAULT_JAVA_HOME} when present, else the newest JDK under /usr/lib/jvm whose release file
   * names version 21 or later.
   */
  private static Path javaHome() throws IOException {
    String configured = System.getProperty(JAVA_HOME_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    if (Files.isExecutable(Path.of(DEFAULT_JAVA_HOME, "bin/java"))) {
      return Path.of(DEFAULT_JAVA_HOME);
    }
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      return jdks.filter(jdk -> majorVersion(jdk) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::majorVersion))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Keycloak needs Java 21 or later, but /usr/lib/jvm has none; set the system"
                          + " property "
                          + JAVA_HOME_PROPERTY));
    }
  }

  /** Returns the major version in the JDK's release file, or 0 when it has none. */
  private static int majorVersion(Path jdk) {
    Path release = jdk.resolve("release");
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
