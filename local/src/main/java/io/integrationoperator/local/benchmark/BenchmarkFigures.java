package io.integrationoperator.local.benchmark;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Everything one benchmark run measured, printed as the results table.
 *
 * @param startup time from starting the operator process until the model was Ready
 * @param idle operator memory with only the model, before any Integration exists
 * @param loaded operator memory when all Integrations were Ready, or null when it exited
 * @param benchmarkCpu CPU time of the benchmark JVM from the first create to all Ready
 * @param targetRequestsAtReady requests the target API received until all Integrations were Ready
 * @param authenticatedRequests requests with valid credentials, counted when the results are built
 * @param quiet activity after all were Ready, or null when the period was skipped
 */
record BenchmarkFigures(
    int integrations,
    String operatorJvmOptions,
    int createThreads,
    long pollIntervalMillis,
    Duration startup,
    MemorySample idle,
    ReadyRun.Outcome outcome,
    MemorySample loaded,
    Duration benchmarkCpu,
    long targetRequestsAtReady,
    long authenticatedRequests,
    QuietPeriod quiet,
    ObjectCounts objects,
    OperatorProcess.LogCounts logs) {

  void print(PrintStream out) {
    ResultTable table = new ResultTable();
    addTimes(table);
    addMemory(table, "idle, 1 model", idle);
    addMemory(table, "all Ready", loaded);
    addLoad(table);
    out.println("Results:");
    table.print(out);
  }

  private void addTimes(ResultTable table) {
    table.add("Integrations", String.valueOf(integrations));
    table.add("Operator JVM options", operatorJvmOptions);
    table.add("Operator start to model Ready", ResultTable.seconds(startup));
    table.add(
        "Creating all Integrations",
        ResultTable.seconds(outcome.creation())
            + " ("
            + createThreads
            + " threads, "
            + ResultTable.rate(integrations, outcome.creation())
            + " creates/s)");
    table.add("First create to first Ready", ResultTable.seconds(outcome.firstReady()));
    table.add("First create to all Ready", ResultTable.seconds(outcome.allReadyAfter()));
    table.add(
        "Throughput",
        ResultTable.rate(outcome.last().ready(), outcome.allReadyAfter()) + " Integrations/s");
    table.add(
        "Readiness checks",
        outcome.lists()
            + " list calls, mean "
            + outcome.meanListMillis()
            + " ms, paused "
            + pollIntervalMillis
            + " ms or "
            + ReadyRun.LIST_PAUSE_FACTOR
            + " times the last list's duration between them");
  }

  private static void addMemory(ResultTable table, String when, MemorySample sample) {
    if (sample == null) {
      table.add("Operator memory (" + when + ")", "n/a: the operator is not running");
      return;
    }
    table.add(
        "Heap after full GC (" + when + ")",
        ResultTable.mebibytes(sample.heap().usedKib())
            + " used of "
            + ResultTable.mebibytes(sample.heap().committedKib())
            + " committed ("
            + String.join(" + ", sample.heap().spaces())
            + "), Metaspace "
            + ResultTable.mebibytes(sample.heap().metaspaceUsedKib()));
    table.add(
        "RSS (" + when + ")",
        "VmRSS "
            + ResultTable.mebibytes(sample.resident().currentKib())
            + ", VmHWM "
            + ResultTable.mebibytes(sample.resident().peakKib()));
    table.add("Operator CPU time (" + when + ")", ResultTable.seconds(sample.cpuTime()));
  }

  private void addLoad(ResultTable table) {
    table.add(
        "Benchmark JVM CPU time",
        ResultTable.seconds(benchmarkCpu)
            + " from the first create to all Ready (API server, target API, readiness checks)");
    table.add(
        "Target requests",
        targetRequestsAtReady
            + " until all Ready ("
            + authenticatedRequests
            + " with valid credentials in total)");
    table.add("API writes during the run", outcome.apiWrites() + " (including the creates)");
    if (quiet != null) {
      table.add(
          "Quiet period",
          ResultTable.seconds(quiet.length())
              + ": "
              + quiet.integrationsWritten()
              + " Integrations written, "
              + quiet.targetRequests()
              + " target requests, operator CPU "
              + ResultTable.seconds(quiet.operatorCpu()));
    }
    table.add("Objects in the namespace", objects.describe());
    table.add("Load average at the end", MachineFacts.loadAverage() + " (1, 5, 15 min)");
    table.add(
        "Operator log",
        logs.lines() + " lines, " + logs.warnings() + " WARN, " + logs.errors() + " ERROR");
  }
}
