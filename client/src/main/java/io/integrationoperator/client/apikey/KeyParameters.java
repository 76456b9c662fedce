package io.integrationoperator.client.apikey;

import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;

/**
 * Resolves the parameters of the key request: every entry of {@code spec.authentication.parameters}
 * whose usage includes Key, and every parameter that the model's x-itential-parameters declares
 * with {@code x-itential-use-in} key. A spec entry matches a declared parameter by name, and its
 * own {@code in} and {@code usedIn}, when set, replace the declared ones. Values come from the
 * entry's {@code value}, or from the projected credential {@code parameter.<name>} for {@code
 * valueFrom}.
 */
final class KeyParameters {

  private static final String SPEC_PARAMETERS = "spec.authentication.parameters";

  private KeyParameters() {}

  /** A parameter as the model declares it; {@code in} is the extension's text. */
  private record Declared(String in, Set<ParameterUsage> usedIn) {}

  /**
   * Returns the key request parameters, spec entries first in spec order, then declared ones.
   *
   * @throws InvalidSettingsException when a parameter lacks its location, usage or value
   */
  static List<KeyParameter> resolve(
      List<AuthenticationParameter> configured,
      Map<String, String> details,
      Map<String, String> credentials)
      throws InvalidSettingsException {
    Map<String, Declared> declared = declared(details);
    List<KeyParameter> result = new ArrayList<>();
    List<String> given = new ArrayList<>();
    for (AuthenticationParameter parameter :
        configured == null ? List.<AuthenticationParameter>of() : configured) {
      given.add(parameter.getName());
      Declared declaration = declared.get(parameter.getName());
      if (usages(parameter, declaration).contains(ParameterUsage.Key)) {
        String value = value(parameter, credentials);
        ParameterLocation location = location(parameter, declaration);
        if (value != null) {
          requireSendable(parameter.getName(), location, value);
          result.add(new KeyParameter(parameter.getName(), location, value));
        }
      }
    }
    for (Map.Entry<String, Declared> entry : declared.entrySet()) {
      if (entry.getValue().usedIn().contains(ParameterUsage.Key)
          && !given.contains(entry.getKey())) {
        throw new InvalidSettingsException(
            "the model declares the key request parameter '"
                + entry.getKey()
                + "', but "
                + SPEC_PARAMETERS
                + " has no entry for it; add one with name "
                + entry.getKey()
                + " and a value or valueFrom");
      }
    }
    return result;
  }

  private static Set<ParameterUsage> usages(AuthenticationParameter parameter, Declared declaration)
      throws InvalidSettingsException {
    if (parameter.getUsedIn() != null && !parameter.getUsedIn().isEmpty()) {
      return Set.copyOf(parameter.getUsedIn());
    }
    if (declaration != null) {
      return declaration.usedIn();
    }
    throw new InvalidSettingsException(
        "the parameter '"
            + parameter.getName()
            + "' in "
            + SPEC_PARAMETERS
            + " has no usedIn and the model does not declare it; set usedIn to Token, Refresh"
            + " or Key");
  }

  private static ParameterLocation location(AuthenticationParameter parameter, Declared declaration)
      throws InvalidSettingsException {
    if (parameter.getIn() != null) {
      return parameter.getIn();
    }
    if (declaration != null) {
      return declaredLocation(parameter.getName(), declaration.in());
    }
    throw new InvalidSettingsException(
        "the key request parameter '"
            + parameter.getName()
            + "' in "
            + SPEC_PARAMETERS
            + " has no 'in' and the model does not declare one; set in to Header, Body or Query");
  }

  /**
   * Checks that a Header parameter forms a valid header, with OkHttp's own check. The message
   * leaves the value out, which OkHttp's would show.
   */
  private static void requireSendable(String name, ParameterLocation location, String value)
      throws InvalidSettingsException {
    if (location != ParameterLocation.Header) {
      return;
    }
    try {
      new Headers.Builder().add(name, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(
          "the key request parameter '"
              + name
              + "' cannot be sent as a header: the name must be an HTTP token and the value"
              + " printable ASCII");
    }
  }

  /** Returns the value, or null for an optional Secret key that is missing. */
  private static String value(AuthenticationParameter parameter, Map<String, String> credentials)
      throws InvalidSettingsException {
    if (parameter.getValue() != null) {
      return parameter.getValue();
    }
    String key = CredentialKeys.PARAMETER_PREFIX + parameter.getName();
    String value = credentials == null ? null : credentials.get(key);
    if (value != null) {
      return value;
    }
    boolean optional =
        parameter.getValueFrom() != null
            && parameter.getValueFrom().getSecretKeyRef() != null
            && Boolean.TRUE.equals(parameter.getValueFrom().getSecretKeyRef().getOptional());
    if (optional) {
      return null;
    }
    throw new InvalidSettingsException(
        "the key request parameter '"
            + parameter.getName()
            + "' has no value: set value or valueFrom in "
            + SPEC_PARAMETERS
            + ", and check that the credential '"
            + key
            + "' was resolved");
  }

  /** Reads the parameters the model declares from the scheme details. */
  private static Map<String, Declared> declared(Map<String, String> details) {
    Map<String, Declared> declared = new LinkedHashMap<>();
    String prefix = SecuritySchemeInfo.PARAMETERS_PREFIX;
    String suffix = SecuritySchemeInfo.PARAMETER_IN_SUFFIX;
    for (Map.Entry<String, String> detail : details.entrySet()) {
      String key = detail.getKey();
      if (key.startsWith(prefix)
          && key.endsWith(suffix)
          && key.length() > prefix.length() + suffix.length()) {
        String name = key.substring(prefix.length(), key.length() - suffix.length());
        String useIn = details.get(prefix + name + SecuritySchemeInfo.PARAMETER_USE_IN_SUFFIX);
        declared.put(name, new Declared(detail.getValue(), usages(useIn)));
      }
    }
    return declared;
  }

  private static ParameterLocation declaredLocation(String name, String in)
      throws InvalidSettingsException {
    for (ParameterLocation location : ParameterLocation.values()) {
      if (location.name().equalsIgnoreCase(in)) {
        return location;
      }
    }
    throw new InvalidSettingsException(
        "the model's x-itential-parameters entry '"
            + name
            + "' has an invalid 'in' value '"
            + in
            + "'; expected header, body or query");
  }

  /**
   * Parses a comma-separated list of usages; values other than token, refresh and key are skipped.
   */
  private static Set<ParameterUsage> usages(String useIn) {
    Set<ParameterUsage> usages = new HashSet<>();
    for (String value : useIn == null ? new String[0] : useIn.split(",")) {
      for (ParameterUsage usage : ParameterUsage.values()) {
        if (usage.name().equalsIgnoreCase(value.trim())) {
          usages.add(usage);
        }
      }
    }
    return Set.copyOf(usages);
  }
}
