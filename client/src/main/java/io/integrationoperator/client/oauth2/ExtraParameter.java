package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import java.util.Set;

/**
 * An extra parameter of token or refresh requests, from the model's x-itential-parameters or from
 * spec.authentication.parameters. The value may come from a Secret, so {@link #toString()} leaves
 * it out.
 *
 * @param name parameter name as sent
 * @param location where the request carries it
 * @param usages the requests that carry it
 * @param value the value as sent
 */
record ExtraParameter(
    String name, ParameterLocation location, Set<ParameterUsage> usages, String value) {

  /** Returns true when the request of {@code usage} carries this parameter. */
  boolean usedIn(ParameterUsage usage) {
    return usages.contains(usage);
  }

  @Override
  public String toString() {
    return "ExtraParameter[name=" + name + ", in=" + location + ", usedIn=" + usages + "]";
  }
}
