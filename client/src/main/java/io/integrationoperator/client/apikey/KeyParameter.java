package io.integrationoperator.client.apikey;

import io.integrationoperator.api.authentication.ParameterLocation;

/**
 * One parameter of the key request with its value, which may be a credential, so {@link
 * #toString()} leaves it out.
 *
 * @param name the header, body field or query parameter name
 * @param location where the parameter goes
 * @param value the value sent
 */
public record KeyParameter(String name, ParameterLocation location, String value) {

  @Override
  public String toString() {
    return "KeyParameter[name=" + name + ", in=" + location + ", value=****]";
  }
}
