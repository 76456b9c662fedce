package io.integrationoperator.executor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes JSON, plain-text and metrics responses. */
public final class JsonResponses {
  /** Mapper for request and response bodies. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private JsonResponses() {}

  /** Writes {@code value} as JSON with the given status. */
  public static void send(HttpExchange exchange, int status, Object value) throws IOException {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IOException("the response cannot be written as JSON", e);
    }
    write(exchange, status, "application/json", body);
  }

  /** Writes a body that is already encoded, with its Content-Type. */
  public static void sendBytes(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    write(exchange, status, type, body);
  }

  /** Writes the error body of {@code error}. */
  public static void sendError(HttpExchange exchange, ApiError error) throws IOException {
    send(exchange, error.status(), errorBody(error));
  }

  /** Builds {@code {"error": ..., "reason": ...}}. */
  public static ObjectNode errorBody(ApiError error) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", error.error());
    body.put("reason", error.reason());
    return body;
  }

  /** Writes a line of plain text, as the health endpoints return. */
  public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    write(
        exchange,
        status,
        "text/plain; charset=utf-8",
        (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Writes metrics in the Prometheus text exposition format, version 0.0.4. */
  public static void sendPrometheus(HttpExchange exchange, String text) throws IOException {
    write(
        exchange,
        200,
        "text/plain; version=0.0.4; charset=utf-8",
        text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
