package io.integrationoperator.client.catalog;

import java.util.Optional;

/**
 * The text of an IntegrationModel's document, or the reason and message that explain why it cannot
 * be read.
 *
 * @param text the document as JSON or YAML text
 * @param reason CamelCase reason when there is no text, one of the constants of {@link
 *     ModelDocuments}
 * @param message one sentence saying what is wrong and what to do, when there is no text
 */
public record ModelDocumentText(
    Optional<String> text, Optional<String> reason, Optional<String> message) {

  static ModelDocumentText of(String text) {
    return new ModelDocumentText(Optional.of(text), Optional.empty(), Optional.empty());
  }

  static ModelDocumentText failed(String reason, String message) {
    return new ModelDocumentText(Optional.empty(), Optional.of(reason), Optional.of(message));
  }
}
