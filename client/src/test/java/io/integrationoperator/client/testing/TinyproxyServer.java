package io.integrationoperator.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real tinyproxy ({@value #BINARY}, Debian package tinyproxy) started in the foreground on
 * 127.0.0.1 and a port it picks itself, with its own configuration file in a temporary directory.
 * It accepts clients from 127.0.0.1 only, requires Basic proxy authentication when {@link
 * Builder#basicAuth} is set, and allows CONNECT only to the ports given to {@link
 * Builder#connectPorts}.
 *
 * <p>The log is read with {@link #requestLines()}: tinyproxy writes one {@code Request} line per
 * request it reads, before it checks the credentials, so a rejected request appears too. It does
 * not log headers.
 */
public final class TinyproxyServer implements AutoCloseable {

  /** Where Debian installs tinyproxy. */
  public static final String BINARY = "/usr/bin/tinyproxy";

  private static final String HOST = "127.0.0.1";
  private static final String REQUEST_MARKER = ": Request (file descriptor ";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private final Process process;

  private TinyproxyServer(Path directory, int port, Process process) {
    this.directory = directory;
    this.port = port;
    this.process = process;
  }

  /** Starts building a proxy. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the port tinyproxy listens on (on 127.0.0.1). */
  public int port() {
    return port;
  }

  /** Returns http://127.0.0.1:port. */
  public String url() {
    return "http://" + HOST + ":" + port;
  }

  /**
   * Returns the request lines tinyproxy logged so far, oldest first, such as {@code GET
   * http://127.0.0.1:8080/api/v3/pet/1 HTTP/1.1} or {@code CONNECT 127.0.0.1:8443 HTTP/1.1}.
   */
  public List<String> requestLines() {
    List<String> lines = new ArrayList<>();
    for (String line : log().split("\n")) {
      int marker = line.indexOf(REQUEST_MARKER);
      if (marker >= 0) {
        lines.add(line.substring(line.indexOf("): ", marker) + 3).strip());
      }
    }
    return lines;
  }

  /** Returns the whole log, for failure messages. */
  public String log() {
    return ServerFixtures.readIfExists(directory.resolve("tinyproxy.log"));
  }

  /** Stops tinyproxy and deletes its directory. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    ServerFixtures.deleteRecursively(directory);
  }

  /** Options of a proxy. {@link #start()} writes the configuration and starts tinyproxy. */
  public static final class Builder {
    private String username;
    private String password;
    private List<Integer> connectPorts = List.of();

    private Builder() {}

    /** Requires Basic proxy authentication with this user. */
    public Builder basicAuth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /** Allows CONNECT to these ports only; without any, tinyproxy allows no CONNECT at all. */
    public Builder connectPorts(Integer... ports) {
      this.connectPorts = List.of(ports);
      return this;
    }

    /**
     * Starts tinyproxy and returns once its port accepts connections.
     *
     * @throws IllegalStateException when tinyproxy is not installed or does not start
     */
    public TinyproxyServer start() {
      if (!Files.isExecutable(Path.of(BINARY))) {
        throw new IllegalStateException(
            "tinyproxy is not installed at "
                + BINARY
                + "; install it with apt-get install tinyproxy");
      }
      try {
        Path directory = Files.createTempDirectory("tinyproxy-test-");
        int port = ServerFixtures.freePort();
        Path config = directory.resolve("tinyproxy.conf");
        Files.writeString(config, configuration(directory, port), StandardCharsets.UTF_8);
        Process process =
            new ProcessBuilder(BINARY, "-d", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .start();
        Optional<String> failure = ServerFixtures.awaitListening(process, port, START_TIMEOUT);
        if (failure.isPresent()) {
          process.destroyForcibly();
          String output = ServerFixtures.readIfExists(directory.resolve("stdout.log"));
          ServerFixtures.deleteRecursively(directory);
          throw new IllegalStateException(
              "tinyproxy did not start: " + failure.get() + "\n" + output);
        }
        return new TinyproxyServer(directory, port, process);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start tinyproxy", e);
      }
    }

    private String configuration(Path directory, int port) {
      StringBuilder conf = new StringBuilder();
      conf.append("Port ")
          .append(port)
          .append('\n')
          .append("Listen ")
          .append(HOST)
          .append('\n')
          .append("Timeout 10\n")
          .append("LogFile \"")
          .append(directory.resolve("tinyproxy.log"))
          .append("\"\n")
          .append("LogLevel Info\n")
          .append("PidFile \"")
          .append(directory.resolve("tinyproxy.pid"))
          .append("\"\n")
          .append("MaxClients 20\n")
          .append("Allow ")
          .append(HOST)
          .append('\n')
          .append("DisableViaHeader Yes\n");
      if (username != null) {
        conf.append("BasicAuth ").append(username).append(' ').append(password).append('\n');
      }
      for (int connectPort : connectPorts) {
        conf.append("ConnectPort ").append(connectPort).append('\n');
      }
      if (connectPorts.isEmpty()) {
        // Without any ConnectPort line tinyproxy allows CONNECT to every port.
        conf.append("ConnectPort 1\n");
      }
      return conf.toString();
    }
  }
}
