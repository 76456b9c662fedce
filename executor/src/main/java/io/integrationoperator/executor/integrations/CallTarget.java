package io.integrationoperator.executor.integrations;

import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.client.catalog.TaskCatalog;

/**
 * A ready Integration with what a task call needs.
 *
 * @param integration the Integration as the informer cache holds it
 * @param catalog the tasks of its model's document
 * @param route whether this executor runs the call, with the connection settings, or forwards it
 */
public record CallTarget(Integration integration, TaskCatalog catalog, Route route) {

  @Override
  public String toString() {
    return "CallTarget[integration="
        + integration.getMetadata().getNamespace()
        + "/"
        + integration.getMetadata().getName()
        + ", route="
        + route
        + "]";
  }
}
