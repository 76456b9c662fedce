package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One column of the {@code meta.k8s.io/v1} Table form that {@code kubectl get} prints.
 *
 * @param name column header, such as {@code Age}
 * @param type OpenAPI type of the cells: string, integer, number, boolean or date
 * @param format OpenAPI format; {@code name} marks the object name column
 * @param description text that {@code kubectl get --show-kind} and help output show
 * @param priority 0 for columns always shown, higher for {@code -o wide} only
 * @param cell computes the cell of one object at the given time; null prints as {@code <none>}
 */
public record PrinterColumn(
    String name, String type, String format, String description, int priority, Cell cell) {

  /** Computes the value of one cell. */
  @FunctionalInterface
  public interface Cell {
    Object value(JsonNode object, Instant now);
  }
}
