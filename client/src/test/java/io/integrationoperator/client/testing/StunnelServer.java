package io.integrationoperator.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real stunnel ({@value #BINARY}, Debian package stunnel4) that accepts TLS on 127.0.0.1 and a
 * port it picks itself and forwards the decrypted bytes to a plain TCP port on 127.0.0.1. Put in
 * front of {@link TinyproxyServer}, it makes an https proxy.
 */
public final class StunnelServer implements AutoCloseable {

  /** Where Debian installs stunnel. */
  public static final String BINARY = "/usr/bin/stunnel4";

  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private final Process process;

  private StunnelServer(Path directory, int port, Process process) {
    this.directory = directory;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts stunnel with {@code certificate} forwarding to 127.0.0.1:{@code targetPort}.
   *
   * @throws IllegalStateException when stunnel is not installed or does not start
   */
  public static StunnelServer start(TestCertificates.Issued certificate, int targetPort) {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          "stunnel is not installed at " + BINARY + "; install it with apt-get install stunnel4");
    }
    try {
      Path directory = Files.createTempDirectory("stunnel-test-");
      int port = ServerFixtures.freePort();
      Path config = directory.resolve("stunnel.conf");
      String text =
          "foreground = yes\n"
              + "pid =\n"
              + "output = "
              + directory.resolve("stunnel.log")
              + "\n[proxy]\naccept = "
              + HOST
              + ":"
              + port
              + "\nconnect = "
              + HOST
              + ":"
              + targetPort
              + "\ncert = "
              + certificate.certificateFile()
              + "\nkey = "
              + certificate.privateKeyFile()
              + "\n";
      Files.writeString(config, text, StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(BINARY, config.toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("stdout.log").toFile())
              .start();
      Optional<String> failure = ServerFixtures.awaitListening(process, port, START_TIMEOUT);
      if (failure.isPresent()) {
        process.destroyForcibly();
        String output =
            ServerFixtures.readIfExists(directory.resolve("stdout.log"))
                + ServerFixtures.readIfExists(directory.resolve("stunnel.log"));
        ServerFixtures.deleteRecursively(directory);
        throw new IllegalStateException("stunnel did not start: " + failure.get() + "\n" + output);
      }
      return new StunnelServer(directory, port, process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start stunnel", e);
    }
  }

  /** Returns https://127.0.0.1:port. */
  public String url() {
    return "https://" + HOST + ":" + port;
  }

  /** Returns the port stunnel accepts TLS on. */
  public int port() {
    return port;
  }

  /** Stops stunnel and deletes its directory. */
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
}
