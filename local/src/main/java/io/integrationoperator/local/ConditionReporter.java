package io.integrationoperator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints the condition table of all Integrations at start, and afterwards only the rows of the
 * Integrations whose conditions changed (or that were added or deleted). Changes that arrive within
 * {@link #QUIET_PERIOD_MILLIS} of each other produce one table, and status updates that only move
 * timestamps print nothing.
 */
public final class ConditionReporter implements AutoCloseable {

  static final long QUIET_PERIOD_MILLIS = 500;

  private final KubernetesClient client;
  private final PrintStream out;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "condition-reporter");
            thread.setDaemon(true);
            return thread;
          });
  private SharedIndexInformer<GenericKubernetesResource> informer;
  private ScheduledFuture<?> pending;

  /** Rows printed last for each Integration, or null when the next print shows all. */
  private Map<ConditionTable.Key, List<List<String>>> lastRows;

  public ConditionReporter(KubernetesClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** Starts watching Integrations in all namespaces. */
  public void start() {
    informer =
        client
            .genericKubernetesResources("integration-operator.io/v1alpha1", "Integration")
            .inAnyNamespace()
            .inform(new ChangeHandler());
  }

  /** Prints the table of all Integrations now, even when nothing changed. */
  public synchronized void printNow() {
    lastRows = null;
    printIfChanged();
  }

  private synchronized void schedule() {
    if (pending == null || pending.isDone()) {
      pending =
          scheduler.schedule(this::printIfChanged, QUIET_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void printIfChanged() {
    List<JsonNode> integrations =
        informer == null
            ? List.of()
            : informer.getStore().list().stream()
                .map(resource -> (JsonNode) mapper.valueToTree(resource))
                .toList();
    SortedMap<ConditionTable.Key, List<List<String>>> rows =
        ConditionTable.rowsByIntegration(integrations);
    String text;
    if (lastRows == null) {
      text = "\nIntegration conditions:\n" + ConditionTable.render(integrations);
    } else {
      String changes = ConditionTable.renderChanges(lastRows, rows);
      text = changes.isEmpty() ? "" : "\nIntegration conditions changed:\n" + changes;
    }
    lastRows = rows;
    if (!text.isEmpty()) {
      out.print(text);
      out.flush();
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    scheduler.shutdownNow();
  }

  private final class ChangeHandler implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource resource) {
      schedule();
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      schedule();
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      schedule();
    }
  }
}
