package io.integrationoperator.client.connection;

/**
 * Namespace and name of an Integration, which identify its shared token and its caches.
 *
 * @param namespace the Integration's namespace
 * @param name the Integration's name
 */
public record IntegrationId(String namespace, String name) {

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
