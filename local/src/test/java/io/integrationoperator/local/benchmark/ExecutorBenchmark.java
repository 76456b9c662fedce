package io.integrationoperator.local.benchmark;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.integrationoperator.client.testing.NginxServer;
import io.integrationoperator.local.LocalMode;
import io.integrationoperator.local.LocalModeOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Measures the latency and throughput that the executor adds to a task call.
 *
 * <p>It starts nginx on 127.0.0.1 with HTTP Basic authentication, and local mode in this JVM: the
 * embedded API server, the operator and the executor with caller authorization off. It applies an
 * IntegrationModel, a Secret and an Integration that point at nginx and waits until the Integration
 * is Ready. Then, for each concurrency, it runs a closed loop of OkHttp calls for a warm-up period
 * and a measured period, first as a GET straight to nginx with the Basic credentials (the
 * baseline), then as the task call {@code POST
 * /v1/namespaces/default/integrations/pets/tasks/getPet} to the executor, which sends the same GET.
 *
 * <p>It is a program that prints figures, not a test, and no build step runs it. docs/benchmarks.md
 * has the command. Options: {@code --concurrency 1,4,16,64}, {@code --warmup-seconds 5} and {@code
 * --measure-seconds 15}.
 */
public final class ExecutorBenchmark {

  private static final String NAMESPACE = LocalMode.DEFAULT_NAMESPACE;
  private static final String USERNAME = "alice";
  private static final String PASSWORD = "wonderland";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final MediaType JSON = MediaType.get("application/json");

  private ExecutorBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    System.out.println("Machine:");
    MachineFacts.describe().forEach(line -> System.out.println("  " + line));
    System.out.println("Options: " + options);

    Path directory = Files.createTempDirectory("executor-benchmark-");
    try (NginxServer nginx =
            NginxServer.builder().basicAuth(USERNAME, PASSWORD).workerConnections(1024).start();
        LocalMode localMode = startLocalMode(directory, nginx)) {
      awaitReady(localMode.client());
      String heapIdle = heapAfterGc();
      List<LoadResult[]> results = measure(options, nginx, localMode.executorPort());
      String heapAfter = heapAfterGc();
      printResults(results);
      System.out.println(
          "Heap of this JVM after System.gc() (API server, operator, executor, load");
      System.out.println("generator; nginx is a separate process):");
      System.out.println("  before the load:  " + heapIdle);
      System.out.println("  after the load:   " + heapAfter);
      System.out.println("Load average at the end: " + MachineFacts.loadAverage());
    }
  }

  private static LocalMode startLocalMode(Path directory, NginxServer nginx) throws Exception {
    Path manifest = Files.writeString(directory.resolve("pets.yaml"), manifests(nginx.apiUrl()));
    LocalModeOptions options =
        new LocalModeOptions(
            directory.resolve("kubeconfig"), 0, 0, List.of(manifest), false, true, false);
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
    return LocalMode.start(options, discard);
  }

  private static void awaitReady(KubernetesClient client) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String ready = "";
    while (System.nanoTime() < deadline) {
      GenericKubernetesResource integration =
          client
              .genericKubernetesResources("integration-operator.io/v1alpha1", "Integration")
              .inNamespace(NAMESPACE)
              .withName("pets")
              .get();
      ready = readyCondition(integration);
      if (ready.startsWith("True")) {
        System.out.println("Integration pets is Ready");
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "Integration pets was not Ready within " + READY_TIMEOUT + "; Ready condition: " + ready);
  }

  @SuppressWarnings("unchecked")
  private static String readyCondition(GenericKubernetesResource integration) {
    if (integration == null
        || !(integration.getAdditionalProperties().get("status") instanceof Map)) {
      return "(no status)";
    }
    Map<String, Object> status =
        (Map<String, Object>) integration.getAdditionalProperties().get("status");
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return "(no conditions)";
    }
    for (Object condition : conditions) {
      Map<String, Object> fields = (Map<String, Object>) condition;
      if ("Ready".equals(fields.get("type"))) {
        return fields.get("status") + " " + fields.get("reason");
      }
    }
    return "(no Ready condition)";
  }

  private static List<LoadResult[]> measure(BenchmarkOptions options, NginxServer nginx, int port)
      throws InterruptedException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Request direct =
        new Request.Builder().url(nginx.apiUrl() + "/pet/1").header("Authorization", basic).build();
    Request task =
        new Request.Builder()
            .url(
                "http://127.0.0.1:"
                    + port
                    + "/v1/namespaces/"
                    + NAMESPACE
                    + "/integrations/pets/tasks/getPet")
            .post(RequestBody.create("{\"parameters\":{\"petId\":1}}", JSON))
            .build();
    Predicate<ClosedLoopLoad.ResponseText> petBody =
        response -> response.status() == 200 && response.body().equals(NginxServer.PET_JSON);
    // The envelope carries the server's status and body; a failed server call has "ok":false.
    Predicate<ClosedLoopLoad.ResponseText> petEnvelope =
        response ->
            response.status() == 200
                && response.body().contains("\"ok\":true")
                && response.body().contains("\"name\":\"doggie\"");

    List<LoadResult[]> results = new ArrayList<>();
    for (int concurrency : options.concurrencies()) {
      LoadResult baseline = run(concurrency, direct, petBody, options);
      LoadResult executor = run(concurrency, task, petEnvelope, options);
      System.out.println(baseline.row("nginx"));
      System.out.println(executor.row("executor"));
      results.add(new LoadResult[] {baseline, executor});
    }
    return results;
  }

  private static LoadResult run(
      int concurrency,
      Request request,
      Predicate<ClosedLoopLoad.ResponseText> expected,
      BenchmarkOptions options)
      throws InterruptedException {
    try (ClosedLoopLoad load = new ClosedLoopLoad(concurrency)) {
      load.run(request, expected, options.warmup());
      return load.run(request, expected, options.measure());
    }
  }

  private static void printResults(List<LoadResult[]> results) {
    System.out.println();
    System.out.println("Results (latency from enqueue to the end of the body, closed loop):");
    System.out.println(LoadResult.header());
    for (LoadResult[] pair : results) {
      System.out.println(pair[0].row("nginx"));
      System.out.println(pair[1].row("executor"));
    }
    System.out.println();
    System.out.println("Added by the executor (executor minus nginx):");
    System.out.println(String.format("  %5s %12s %12s %12s", "conc.", "p50 ms", "p99 ms", "req/s"));
    for (LoadResult[] pair : results) {
      System.out.println(
          String.format(
              "  %5d %12.2f %12.2f %11.0f%%",
              pair[0].concurrency(),
              pair[1].millisAt(50) - pair[0].millisAt(50),
              pair[1].millisAt(99) - pair[0].millisAt(99),
              100.0 * (pair[1].requestsPerSecond() / pair[0].requestsPerSecond() - 1)));
    }
  }

  private static String heapAfterGc() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return String.format(
        "%.1f MiB used of %.1f MiB committed",
        heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0);
  }

  private static String manifests(String serverUrl) {
    String encodedUser =
        Base64.getEncoder().encodeToString(USERNAME.getBytes(StandardCharsets.UTF_8));
    String encodedPassword =
        Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: login
          namespace: default
        data:
          username: %s
          password: %s
        ---
        apiVersion: integration-operator.io/v1alpha1
        kind: IntegrationModel
        metadata:
          name: pets
          namespace: default
        spec:
          document: |
            openapi: 3.0.3
            info: {title: Pets, version: "2"}
            servers: [{url: "%s"}]
            components:
              securitySchemes:
                basicAuth: {type: http, scheme: basic}
            paths:
              /pet/{petId}:
                get:
                  operationId: getPet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer}}
                  responses: {'200': {description: ok}}
        ---
        apiVersion: integration-operator.io/v1alpha1
        kind: Integration
        metadata:
          name: pets
          namespace: default
        spec:
          modelRef: {name: pets}
          authentication:
            basic: {secretRef: {name: login}}
          probe: {path: /health}
        """
        .formatted(encodedUser, encodedPassword, serverUrl);
  }

  /** Command-line options. */
  record BenchmarkOptions(List<Integer> concurrencies, Duration warmup, Duration measure) {

    static BenchmarkOptions parse(String[] args) {
      List<Integer> concurrencies = List.of(1, 4, 16, 64);
      Duration warmup = Duration.ofSeconds(5);
      Duration measure = Duration.ofSeconds(15);
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--concurrency" -> concurrencies = parseList(required(args[i], value));
          case "--warmup-seconds" -> warmup = Duration.ofSeconds(parseCount(args[i], value));
          case "--measure-seconds" -> measure = Duration.ofSeconds(parseCount(args[i], value));
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; use --concurrency 1,4,16,64, --warmup-seconds N or --measure-seconds N");
        }
        i++;
      }
      return new BenchmarkOptions(concurrencies, warmup, measure);
    }

    private static List<Integer> parseList(String value) {
      return Arrays.stream(value.split(","))
          .map(part -> parseCount("--concurrency", part))
          .toList();
    }

    private static int parseCount(String option, String value) {
      try {
        int count = Integer.parseInt(required(option, value).trim());
        if (count > 0) {
          return count;
        }
      } catch (NumberFormatException e) {
        // Reported below with the value.
      }
      throw new IllegalArgumentException(
          "invalid value for " + option + ": " + value + "; expected a positive integer");
    }

    private static String required(String option, String value) {
      if (value == null) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      return value;
    }
  }
}
