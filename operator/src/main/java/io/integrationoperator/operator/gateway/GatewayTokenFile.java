package io.integrationoperator.operator.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File with the bearer token that the operator sends to gateway executors instead of its own
 * ServiceAccount token, normally a projected serviceAccountToken volume with the executors'
 * audience. The file is read for every probe because the kubelet rewrites it before the token
 * expires.
 */
public final class GatewayTokenFile implements GatewayToken {
  private final Path path;

  /**
   * @param path file that contains the bearer token, surrounding whitespace ignored
   */
  public GatewayTokenFile(Path path) {
    this.path = path;
  }

  /**
   * Reads the current token.
   *
   * @throws IOException when the file is missing, unreadable or empty; the message names the file
   *     and what to check, never the token
   */
  @Override
  public Optional<String> current() throws IOException {
    String token;
    try {
      token = Files.readString(path, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IOException(
          "the token file "
              + path
              + " given by --gateway-token-file could not be read ("
              + e.getClass().getSimpleName()
              + "); check that the operator's pod mounts the projected serviceAccountToken volume"
              + " at that path, or correct the option.",
          e);
    }
    if (token.isEmpty()) {
      throw new IOException(
          "the token file "
              + path
              + " given by --gateway-token-file is empty; check the operator's projected"
              + " serviceAccountToken volume.");
    }
    return Optional.of(token);
  }

  @Override
  public String toString() {
    return "GatewayTokenFile[" + path + "]";
  }
}
