package io.integrationoperator.client.catalog;

/** Parses OpenAPI 3.0, 3.1 and Swagger 2.0 documents into task catalogs. */
public final class DocumentLoader {
  /** Largest accepted document, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  private DocumentLoader() {}

  /**
   * Parses a document given as JSON or YAML text.
   *
   * @throws InvalidDocumentException when the text is not JSON or YAML, not OpenAPI or Swagger 2.0,
   *     has a broken $ref, or is larger than {@link #MAX_DOCUMENT_CHARS}
   */
  public static TaskCatalog load(String text) throws InvalidDocumentException {
    throw new UnsupportedOperationException("TODO: implement");
  }
}
