package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.api.integration.Integration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates the Integrations and lists them until all are Ready. Creation runs on its own threads
 * while this class polls, so the first Ready is seen while later Integrations are still being
 * created. Times count from just before the first create, and their resolution is the pause between
 * two lists.
 */
final class ReadyRun {

  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  /** Minimum pause between two lists, as a multiple of the last list's duration. */
  static final int LIST_PAUSE_FACTOR = 4;

  private final KubernetesClient client;
  private final OperatorProcess operator;
  private final int count;
  private final Duration pollInterval;
  private final PrintStream out;

  private final AtomicInteger created = new AtomicInteger();
  private final AtomicLong creationEndNanos = new AtomicLong();
  private int lists;
  private long listNanos;
  private long lastListNanos;

  ReadyRun(
      KubernetesClient client,
      OperatorProcess operator,
      int count,
      Duration pollInterval,
      PrintStream out) {
    this.client = client;
    this.operator = operator;
    this.count = count;
    this.pollInterval = pollInterval;
    this.out = out;
  }

  /**
   * Figures of one run.
   *
   * @param allReady whether all Integrations were Ready before the deadline
   * @param creation time to create all Integrations, or null when creation did not finish
   * @param firstReady time from the first create until a list showed a Ready Integration
   * @param allReadyAfter time from the first create until a list showed all Ready, or until the
   *     last list when the deadline passed
   * @param last the last list taken
   * @param lists number of list calls made while waiting
   * @param meanListMillis mean duration of those list calls
   * @param apiWrites writes to the API server during the run, from the growth of the list
   *     resourceVersion, or "n/a" when the server sends none
   */
  record Outcome(
      boolean allReady,
      Duration creation,
      Duration firstReady,
      Duration allReadyAfter,
      ReadySnapshot last,
      int lists,
      long meanListMillis,
      String apiWrites) {}

  /** Lists the Integrations of the benchmark namespace. */
  static ReadySnapshot list(KubernetesClient client) {
    return ReadySnapshot.of(
        client.resources(Integration.class).inNamespace(BenchmarkEnvironment.NAMESPACE).list());
  }

  /**
   * Creates the Integrations with {@code threads} threads and polls until all are Ready, the
   * deadline passes or the operator exits.
   *
   * @param deadline value of {@link System#nanoTime()} after which the run gives up
   * @throws IllegalStateException when a create fails
   */
  Outcome createAndAwait(int threads, int targetPort, long deadline) throws InterruptedException {
    ReadySnapshot before = list(client);
    ExecutorService creators = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      CompletableFuture<Void> creation = startCreating(creators, targetPort);
      return await(start, creation, before, deadline);
    } finally {
      creators.shutdownNow();
      creators.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private CompletableFuture<Void> startCreating(ExecutorService creators, int targetPort) {
    CompletableFuture<?>[] creates = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      Integration integration =
          BenchmarkObjects.integration(BenchmarkEnvironment.NAMESPACE, i, targetPort);
      creates[i] =
          CompletableFuture.runAsync(
              () -> {
                client.resource(integration).create();
                created.incrementAndGet();
              },
              creators);
    }
    return CompletableFuture.allOf(creates)
        .whenComplete((ignored, error) -> creationEndNanos.set(System.nanoTime()));
  }

  private Outcome await(
      long start, CompletableFuture<Void> creation, ReadySnapshot before, long deadline)
      throws InterruptedException {
    Duration firstReady = null;
    long nextProgress = start + PROGRESS_INTERVAL.toNanos();
    while (true) {
      failIfCreationFailed(creation);
      ReadySnapshot snapshot = timedList();
      Duration listed = Duration.ofNanos(lastListNanos);
      long now = System.nanoTime();
      if (firstReady == null && snapshot.ready() > 0) {
        firstReady = Duration.ofNanos(now - start);
      }
      boolean allReady = creation.isDone() && snapshot.ready() == count;
      if (allReady || now >= deadline || !operator.isAlive()) {
        if (!operator.isAlive()) {
          out.println("The operator exited with status " + operator.exitValue());
        }
        return outcome(allReady, start, now, creation, firstReady, snapshot, before);
      }
      if (now >= nextProgress) {
        out.printf(
            "  %4d s: %d of %d created, %d Ready%n",
            Duration.ofNanos(now - start).toSeconds(), created.get(), count, snapshot.ready());
        nextProgress += PROGRESS_INTERVAL.toNanos();
      }
      Thread.sleep(pauseAfter(listed).toMillis());
    }
  }

  /**
   * Returns the pause before the next list: the poll interval, but at least {@link
   * #LIST_PAUSE_FACTOR} times the duration of the last list. A list of many Integrations is slow on
   * the embedded API server, and back-to-back lists would take its time from the operator.
   */
  private Duration pauseAfter(Duration lastList) {
    Duration scaled = lastList.multipliedBy(LIST_PAUSE_FACTOR);
    return scaled.compareTo(pollInterval) > 0 ? scaled : pollInterval;
  }

  private ReadySnapshot timedList() {
    long started = System.nanoTime();
    ReadySnapshot snapshot = list(client);
    lastListNanos = System.nanoTime() - started;
    listNanos += lastListNanos;
    lists++;
    return snapshot;
  }

  private static void failIfCreationFailed(CompletableFuture<Void> creation) {
    if (creation.isCompletedExceptionally()) {
      try {
        creation.join();
      } catch (CompletionException e) {
        throw new IllegalStateException("Creating an Integration failed", e.getCause());
      }
    }
  }

  private Outcome outcome(
      boolean allReady,
      long start,
      long now,
      CompletableFuture<Void> creation,
      Duration firstReady,
      ReadySnapshot last,
      ReadySnapshot before) {
    Duration creationTime =
        creation.isDone() ? Duration.ofNanos(creationEndNanos.get() - start) : null;
    return new Outcome(
        allReady,
        creationTime,
        firstReady,
        Duration.ofNanos(now - start),
        last,
        lists,
        lists == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(listNanos / lists),
        writesBetween(before, last));
  }

  private static String writesBetween(ReadySnapshot before, ReadySnapshot after) {
    try {
      long first = Long.parseLong(before.listResourceVersion());
      long last = Long.parseLong(after.listResourceVersion());
      return String.valueOf(last - first);
    } catch (NumberFormatException e) {
      return "n/a (the list resourceVersion is not a number)";
    }
  }
}
