package io.integrationoperator.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a kubeconfig file whose only context points at the local API server, so the real {@code
 * kubectl} can be used with {@code --kubeconfig FILE} or {@code KUBECONFIG=FILE}.
 */
public final class KubeconfigWriter {

  /** Name of the cluster, user and context in the written file. */
  public static final String CONTEXT = "integration-operator-local";

  private KubeconfigWriter() {}

  /**
   * Writes the file, creating missing parent directories and replacing an existing file.
   *
   * @param serverUrl URL of the API server, such as {@code http://127.0.0.1:40123}
   * @param namespace namespace that kubectl uses when none is given
   */
  public static void write(Path file, String serverUrl, String namespace) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String content =
        """
        # Written by Integration Operator local mode; valid while local mode runs.
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        users:
        - name: %1$s
          user: {}
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: %3$s
        current-context: %1$s
        """
            .formatted(CONTEXT, serverUrl, namespace);
    Files.writeString(file, content);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system. The file contains no credentials, so the default mode is fine.
    }
  }
}
