package io.integrationoperator.operator.status;

/** Values of a condition's status field, as Kubernetes API conventions spell them. */
public final class ConditionStatus {
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private ConditionStatus() {}
}
