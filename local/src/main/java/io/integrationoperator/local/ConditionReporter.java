package io.integrationoperator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints the condition table of all Integrations whenever it changes. Changes that arrive within
 * {@link #QUIET_PERIOD_MILLIS} of each other produce one table, and a table equal to the last one
 * printed is not printed again, so status updates that only move timestamps stay silent.
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
  private String lastPrinted;

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

  /** Prints the current table now, even when it equals the last one. */
  public synchronized void printNow() {
    lastPrinted = null;
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
    String table = ConditionTable.render(integrations);
    if (!Objects.equals(table, lastPrinted)) {
      lastPrinted = table;
      out.print("\nIntegration conditions:\n" + table);
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
