package io.integrationoperator.operator.status;

import io.fabric8.kubernetes.client.utils.Serialization;

/** Compares statuses by their JSON form, which is what a status patch would write. */
public final class StatusComparison {

  private StatusComparison() {}

  /** Returns true when both objects serialise to the same JSON tree. */
  public static boolean sameJson(Object a, Object b) {
    return Serialization.jsonMapper()
        .valueToTree(a)
        .equals(Serialization.jsonMapper().valueToTree(b));
  }
}
