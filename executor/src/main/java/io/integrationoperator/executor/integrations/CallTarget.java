package io.integrationoperator.executor.integrations;

import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.client.connection.ConnectionSettings;

/**
 * A ready Integration with what a task call needs.
 *
 * @param integration the Integration as the informer cache holds it
 * @param catalog the tasks of its model's document
 * @param settings base URL, authentication, TLS and timeout for the call, credentials included
 */
public record CallTarget(
    Integration integration, TaskCatalog catalog, ConnectionSettings settings) {

  @Override
  public String toString() {
    return "CallTarget[integration="
        + integration.getMetadata().getNamespace()
        + "/"
        + integration.getMetadata().getName()
        + ", settings="
        + settings
        + "]";
  }
}
