package io.integrationoperator.executor.server;

/**
 * A response body that another executor sent, returned byte for byte.
 *
 * @param contentType the Content-Type the other executor sent
 * @param bytes the body
 */
public record RelayedBody(String contentType, byte[] bytes) {

  @Override
  public String toString() {
    return "RelayedBody[contentType=" + contentType + ", bytes=" + bytes.length + "]";
  }
}
