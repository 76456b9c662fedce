package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.integrationoperator.api.integration.Integration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness of the benchmark's Integrations at one moment, taken from one list call.
 *
 * @param listResourceVersion resourceVersion of the list, or null when the server sent none
 * @param total Integrations listed
 * @param ready Integrations whose Ready condition is True
 * @param readyReasons count of Integrations per Ready reason, with {@code NoStatus} for those
 *     without a Ready condition
 * @param resourceVersions resourceVersion per Integration name, to detect writes after the run
 */
record ReadySnapshot(
    String listResourceVersion,
    int total,
    int ready,
    Map<String, Integer> readyReasons,
    Map<String, String> resourceVersions) {

  static final String NO_STATUS = "NoStatus";

  static ReadySnapshot of(KubernetesResourceList<Integration> list) {
    int ready = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, String> versions = new HashMap<>();
    List<Integration> items = list.getItems();
    for (Integration integration : items) {
      Condition condition = readyCondition(integration);
      if (condition != null && "True".equals(condition.getStatus())) {
        ready++;
      }
      String reason =
          condition == null || condition.getReason() == null ? NO_STATUS : condition.getReason();
      reasons.merge(reason, 1, Integer::sum);
      versions.put(
          integration.getMetadata().getName(), integration.getMetadata().getResourceVersion());
    }
    String listVersion =
        list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
    return new ReadySnapshot(listVersion, items.size(), ready, reasons, versions);
  }

  /** Counts the Integrations whose resourceVersion differs in {@code later}. */
  int changedIn(ReadySnapshot later) {
    int changed = 0;
    for (Map.Entry<String, String> entry : resourceVersions.entrySet()) {
      if (!entry.getValue().equals(later.resourceVersions().get(entry.getKey()))) {
        changed++;
      }
    }
    return changed;
  }

  private static Condition readyCondition(Integration integration) {
    if (integration.getStatus() == null || integration.getStatus().getConditions() == null) {
      return null;
    }
    return integration.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
