package io.integrationoperator.operator;

import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationSpec;

/** Builds Integration objects as the API server returns them, with UID and generation. */
public final class TestIntegrations {

  private TestIntegrations() {}

  public static Integration stored(String namespace, String name, IntegrationSpec spec) {
    Integration integration = new Integration();
    integration.getMetadata().setNamespace(namespace);
    integration.getMetadata().setName(name);
    integration.getMetadata().setUid("uid-" + name);
    integration.getMetadata().setGeneration(1L);
    integration.setSpec(spec);
    return integration;
  }
}
