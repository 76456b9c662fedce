package io.integrationoperator.executor.logging;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd ({@value #RSYSLOGD}, Debian package rsyslog) started in the foreground on
 * 127.0.0.1, with UDP and TCP inputs on ports the test picks and DNS lookups turned off. Each
 * received message becomes one line {@code PRI|VERSION|HOSTNAME|APP-NAME|PROCID|MSG} in a file,
 * with the fields as rsyslog parsed them.
 */
final class RsyslogServer implements AutoCloseable {

  /** Where Debian installs rsyslogd. */
  static final String RSYSLOGD = "/usr/sbin/rsyslogd";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  private static final String PROBE_APP = "readiness-probe";

  private final Path directory;
  private final int udpPort;
  private final int tcpPort;
  private final Process process;

  private RsyslogServer(Path directory, int udpPort, int tcpPort, Process process) {
    this.directory = directory;
    this.udpPort = udpPort;
    this.tcpPort = tcpPort;
    this.process = process;
  }

  /** Starts rsyslogd with its files in {@code directory} and waits until both inputs work. */
  static RsyslogServer start(Path directory) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(RSYSLOGD))) {
      throw new IllegalStateException(
          RSYSLOGD + " is missing: install it with apt-get install rsyslog (as .ci/run does)");
    }
    int udpPort = freeUdpPort();
    int tcpPort = freeTcpPort();
    Path config = directory.resolve("rsyslog.conf");
    Files.writeString(config, config(directory, udpPort, tcpPort));
    Process process =
        new ProcessBuilder(
                RSYSLOGD, "-n", "-f", config.toString(), "-i", directory.resolve("pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("rsyslogd.out").toFile())
            .start();
    RsyslogServer server = new RsyslogServer(directory, udpPort, tcpPort, process);
    server.awaitReady();
    return server;
  }

  int udpPort() {
    return udpPort;
  }

  int tcpPort() {
    return tcpPort;
  }

  /**
   * Returns the received lines of app-name {@code appName}, waiting until there are {@code count}.
   */
  List<String> awaitLines(String appName, int count, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> lines = lines(appName);
    while (lines.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      lines = lines(appName);
    }
    return lines;
  }

  /** Returns the received lines of app-name {@code appName} so far. */
  List<String> lines(String appName) throws IOException {
    Path messages = directory.resolve("messages.log");
    if (!Files.exists(messages)) {
      return List.of();
    }
    return Files.readAllLines(messages, StandardCharsets.UTF_8).stream()
        .filter(line -> line.split("\\|", -1)[3].equals(appName))
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    boolean udpReady = false;
    boolean tcpReady = false;
    while (!(udpReady && tcpReady)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException(
            "rsyslogd did not start: " + Files.readString(directory.resolve("rsyslogd.out")));
      }
      udpReady = udpReady || probe("udp", this::sendUdpProbe);
      tcpReady = tcpReady || probe("tcp", this::sendTcpProbe);
    }
  }

  private boolean probe(String transport, ProbeSender sender)
      throws IOException, InterruptedException {
    String text = "probe " + transport;
    try {
      sender.send(("<14>1 - - " + PROBE_APP + " - - - " + text).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Thread.sleep(100);
      return false;
    }
    Thread.sleep(100);
    return lines(PROBE_APP).stream().anyMatch(line -> line.endsWith(text));
  }

  private void sendUdpProbe(byte[] message) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(
          new DatagramPacket(
              message,
              message.length,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort)));
    }
  }

  private void sendTcpProbe(byte[] message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
      socket.getOutputStream().write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(message);
    }
  }

  private static String config(Path directory, int udpPort, int tcpPort) {
    return """
        global(workDirectory="%1$s" net.enableDNS="off" maxMessageSize="64k")
        module(load="imudp")
        module(load="imtcp")
        input(type="imudp" address="127.0.0.1" port="%2$d")
        input(type="imtcp" address="127.0.0.1" port="%3$d")
        template(name="fields" type="string"
                 string="%%pri%%|%%protocol-version%%|%%hostname%%|%%app-name%%|%%procid%%|%%msg%%\\n")
        if $programname == "rsyslogd" then {
          action(type="omfile" file="%1$s/status.log")
          stop
        }
        action(type="omfile" file="%1$s/messages.log" template="fields")
        """
        .formatted(directory, udpPort, tcpPort);
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @FunctionalInterface
  private interface ProbeSender {
    void send(byte[] message) throws IOException;
  }
}
