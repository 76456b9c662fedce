package io.integrationoperator.operator.model;

import io.integrationoperator.operator.status.Outcome;
import java.util.Optional;

/**
 * The text of a model's document, or the failed Valid outcome that explains why it cannot be read.
 *
 * @param text the document as JSON or YAML text
 * @param failure why there is no text
 */
public record DocumentText(Optional<String> text, Optional<Outcome> failure) {

  static DocumentText of(String text) {
    return new DocumentText(Optional.of(text), Optional.empty());
  }

  static DocumentText failed(String reason, String message) {
    return new DocumentText(Optional.empty(), Optional.of(Outcome.failed(reason, message)));
  }
}
