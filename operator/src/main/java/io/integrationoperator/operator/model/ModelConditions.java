package io.integrationoperator.operator.model;

import io.integrationoperator.client.catalog.ModelDocuments;

/**
 * Condition types and reasons of an IntegrationModel.
 *
 * <ul>
 *   <li>Valid: True {@code DocumentValid}; False {@code DocumentInvalid}, {@code DocumentMissing},
 *       {@code DocumentSourceConflict} when both document and documentFrom are set, {@code
 *       DocumentTooLarge}, {@code ConfigMapNotFound}, {@code ConfigMapKeyNotFound}
 *   <li>Ready: True {@code Ready}; False with the reason of Valid
 * </ul>
 */
public final class ModelConditions {
  public static final String VALID = "Valid";
  public static final String READY = "Ready";

  public static final String DOCUMENT_VALID = "DocumentValid";
  public static final String DOCUMENT_INVALID = ModelDocuments.DOCUMENT_INVALID;
  public static final String DOCUMENT_MISSING = ModelDocuments.DOCUMENT_MISSING;
  public static final String DOCUMENT_SOURCE_CONFLICT = ModelDocuments.DOCUMENT_SOURCE_CONFLICT;
  public static final String DOCUMENT_TOO_LARGE = ModelDocuments.DOCUMENT_TOO_LARGE;
  public static final String CONFIG_MAP_NOT_FOUND = ModelDocuments.CONFIG_MAP_NOT_FOUND;
  public static final String CONFIG_MAP_KEY_NOT_FOUND = ModelDocuments.CONFIG_MAP_KEY_NOT_FOUND;

  /**
   * Reason of the Warning Event that reports a parsed document's warnings, such as renamed tasks.
   */
  public static final String DOCUMENT_WARNINGS = "DocumentWarnings";

  private ModelConditions() {}
}
