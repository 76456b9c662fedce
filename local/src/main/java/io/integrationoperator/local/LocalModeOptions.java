package io.integrationoperator.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one local mode run.
 *
 * @param kubeconfig file to write the kubeconfig to
 * @param apiPort port of the embedded API server on 127.0.0.1; 0 picks a free port
 * @param executorPort port of the executor on 127.0.0.1; 0 picks a free port
 * @param applyPaths manifest files or directories to apply after the CRDs
 * @param defaultApplyPath whether {@code applyPaths} is the default, which may be missing
 * @param startOperator whether to start the operator; tests of the API server alone turn it off
 * @param executorAuthorization whether the executor checks callers with TokenReview and
 *     SubjectAccessReview
 */
public record LocalModeOptions(
    Path kubeconfig,
    int apiPort,
    int executorPort,
    List<Path> applyPaths,
    boolean defaultApplyPath,
    boolean startOperator,
    boolean executorAuthorization) {

  public LocalModeOptions {
    applyPaths = List.copyOf(applyPaths);
  }

  /** Creates options whose executor does not check callers. */
  public LocalModeOptions(
      Path kubeconfig,
      int apiPort,
      int executorPort,
      List<Path> applyPaths,
      boolean defaultApplyPath,
      boolean startOperator) {
    this(kubeconfig, apiPort, executorPort, applyPaths, defaultApplyPath, startOperator, false);
  }
}
