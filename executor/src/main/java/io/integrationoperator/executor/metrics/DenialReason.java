package io.integrationoperator.executor.metrics;

/** Reason the executor rejected a caller, as the {@code reason} label of the denial counter. */
public enum DenialReason {
  /** No bearer token, or the TokenReview did not authenticate it (HTTP 401). */
  UNAUTHENTICATED("unauthenticated"),
  /** The SubjectAccessReview did not allow the task's verb (HTTP 403). */
  FORBIDDEN("forbidden");

  private final String label;

  DenialReason(String label) {
    this.label = label;
  }

  /** Returns the label value. */
  public String label() {
    return label;
  }
}
