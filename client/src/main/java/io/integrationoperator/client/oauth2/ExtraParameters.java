package io.integrationoperator.client.oauth2;

import io.integrationoperator.api.authentication.AuthenticationParameter;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.api.authentication.ParameterUsage;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.CredentialKeys;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the extra token and refresh parameters. The model declares parameters in its scheme's
 * x-itential-parameters (surfacing as {@code x-itential-parameters.NAME.in} and {@code
 * .x-itential-use-in} details), and spec.authentication.parameters gives their values, matched by
 * name. A spec entry's own {@code in} and {@code usedIn} override the model's. Parameters used only
 * for API-key requests are left out.
 */
final class ExtraParameters {

  private static final String DETAIL_PREFIX = SecuritySchemeInfo.PARAMETERS_PREFIX;

  private ExtraParameters() {}

  /**
   * Returns the parameters used in token or refresh requests.
   *
   * @throws InvalidSettingsException when a parameter has no value, no location or no usage, or an
   *     unknown location or usage
   */
  static List<ExtraParameter> resolve(
      Map<String, String> schemeDetails,
      List<AuthenticationParameter> specParameters,
      Map<String, String> credentials)
      throws InvalidSettingsException {
    Map<String, Declared> declared = declaredByModel(schemeDetails);
    Map<String, AuthenticationParameter> specByName = new LinkedHashMap<>();
    for (AuthenticationParameter parameter :
        specParameters == null ? List.<AuthenticationParameter>of() : specParameters) {
      if (parameter != null && parameter.getName() != null) {
        specByName.put(parameter.getName(), parameter);
      }
    }
    Set<String> names = new LinkedHashSet<>(declared.keySet());
    names.addAll(specByName.keySet());

    List<ExtraParameter> result = new ArrayList<>();
    for (String name : names) {
      Declared model = declared.getOrDefault(name, new Declared(null, null));
      AuthenticationParameter spec = specByName.get(name);
      ParameterLocation location = location(name, model, spec);
      Set<ParameterUsage> usages = usages(name, model, spec);
      if (!usages.contains(ParameterUsage.Token) && !usages.contains(ParameterUsage.Refresh)) {
        continue;
      }
      String value = value(name, spec, credentials);
      if (location == ParameterLocation.Header) {
        requireHeaderSafe(name, value);
      }
      result.add(new ExtraParameter(name, location, Set.copyOf(usages), value));
    }
    return List.copyOf(result);
  }

  private record Declared(String in, String usedIn) {}

  private static Map<String, Declared> declaredByModel(Map<String, String> details) {
    Map<String, Declared> declared = new LinkedHashMap<>();
    if (details == null) {
      return declared;
    }
    for (String key : details.keySet()) {
      if (!key.startsWith(DETAIL_PREFIX) || !key.endsWith(SecuritySchemeInfo.PARAMETER_IN_SUFFIX)) {
        continue;
      }
      String name =
          key.substring(
              DETAIL_PREFIX.length(),
              key.length() - SecuritySchemeInfo.PARAMETER_IN_SUFFIX.length());
      String prefix = DETAIL_PREFIX + name;
      declared.put(
          name,
          new Declared(
              details.get(key), details.get(prefix + SecuritySchemeInfo.PARAMETER_USE_IN_SUFFIX)));
    }
    return declared;
  }

  private static ParameterLocation location(
      String name, Declared model, AuthenticationParameter spec) throws InvalidSettingsException {
    if (spec != null && spec.getIn() != null) {
      return spec.getIn();
    }
    if (model.in() == null) {
      throw new InvalidSettingsException(
          "the authentication parameter '"
              + name
              + "' has no location: the model does not declare it, so set its 'in' (Header, Body"
              + " or Query) in spec.authentication.parameters");
    }
    for (ParameterLocation location : ParameterLocation.values()) {
      if (location.name().equalsIgnoreCase(model.in().trim())) {
        return location;
      }
    }
    throw new InvalidSettingsException(
        "the model declares the authentication parameter '"
            + name
            + "' in '"
            + model.in()
            + "', which is not header, body or query; set its 'in' in"
            + " spec.authentication.parameters");
  }

  private static Set<ParameterUsage> usages(
      String name, Declared model, AuthenticationParameter spec) throws InvalidSettingsException {
    if (spec != null && spec.getUsedIn() != null && !spec.getUsedIn().isEmpty()) {
      return EnumSet.copyOf(spec.getUsedIn());
    }
    if (model.usedIn() == null || model.usedIn().isBlank()) {
      throw new InvalidSettingsException(
          "the authentication parameter '"
              + name
              + "' has no usage: the model does not declare one, so set its 'usedIn' (Token,"
              + " Refresh or Key) in spec.authentication.parameters");
    }
    Set<ParameterUsage> usages = EnumSet.noneOf(ParameterUsage.class);
    for (String part : model.usedIn().split(",")) {
      usages.add(usage(name, part.trim()));
    }
    return usages;
  }

  private static ParameterUsage usage(String name, String text) throws InvalidSettingsException {
    for (ParameterUsage usage : ParameterUsage.values()) {
      if (usage.name().equalsIgnoreCase(text)) {
        return usage;
      }
    }
    throw new InvalidSettingsException(
        "the model declares the authentication parameter '"
            + name
            + "' for '"
            + text.toLowerCase(Locale.ROOT)
            + "' requests, which is not token, refresh or key; set its 'usedIn' in"
            + " spec.authentication.parameters");
  }

  private static String value(
      String name, AuthenticationParameter spec, Map<String, String> credentials)
      throws InvalidSettingsException {
    String fromSecret = credentials.get(CredentialKeys.PARAMETER_PREFIX + name);
    if (fromSecret != null) {
      return fromSecret;
    }
    if (spec != null && spec.getValue() != null) {
      return spec.getValue();
    }
    throw new InvalidSettingsException(
        "the authentication parameter '"
            + name
            + "' has no value; set 'value' or 'valueFrom' for it in"
            + " spec.authentication.parameters");
  }

  private static void requireHeaderSafe(String name, String value) throws InvalidSettingsException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new InvalidSettingsException(
            "the value of the header parameter '"
                + name
                + "' contains a control or non-ASCII character at position "
                + (i + 1)
                + ", which an HTTP header cannot carry");
      }
    }
  }
}
