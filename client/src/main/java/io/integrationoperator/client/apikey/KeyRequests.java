package io.integrationoperator.client.apikey;

import com.fasterxml.jackson.core.JsonPointer;
import io.integrationoperator.api.authentication.ApiKeyAuthentication;
import io.integrationoperator.api.authentication.Authentication;
import io.integrationoperator.api.authentication.DynamicRetrieval;
import io.integrationoperator.api.authentication.ParameterLocation;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import io.integrationoperator.client.connection.InvalidSettingsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Resolves the key request of an Integration whose API key is obtained at run time. Each of method,
 * url, responsePointer and contentType comes from {@code
 * spec.authentication.apiKey.dynamicRetrieval} when set there, otherwise from the model scheme's
 * x-itential-dynamic-retrieval extension; the method defaults to POST and the content type to
 * application/json. Parameters come from {@link KeyParameters}.
 */
public final class KeyRequests {

  private static final String SPEC_FIELD = "spec.authentication.apiKey.dynamicRetrieval.";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH");

  private KeyRequests() {}

  /** A setting's value and where it came from, for messages. */
  private record Setting(String value, String source) {}

  /**
   * Resolves the key request from the settings and the model's apiKey scheme.
   *
   * @throws InvalidSettingsException when the URL or response pointer is missing or invalid, the
   *     method or content type is not supported, or a parameter is incomplete
   */
  public static KeyRequest resolve(ConnectionSettings settings, SecuritySchemeInfo scheme)
      throws InvalidSettingsException {
    Authentication authentication = settings.spec().getAuthentication();
    ApiKeyAuthentication apiKey = authentication.getApiKey();
    DynamicRetrieval configured = apiKey == null ? null : apiKey.getDynamicRetrieval();
    Map<String, String> details = scheme.details() == null ? Map.of() : scheme.details();

    String method = method(setting(configured, details, "method", DynamicRetrieval::getMethod));
    HttpUrl url = url(setting(configured, details, "url", DynamicRetrieval::getUrl), settings);
    String pointer =
        pointer(
            setting(configured, details, "responsePointer", DynamicRetrieval::getResponsePointer));
    String contentType =
        contentType(setting(configured, details, "contentType", DynamicRetrieval::getContentType));
    List<KeyParameter> parameters =
        KeyParameters.resolve(authentication.getParameters(), details, settings.credentials());

    boolean hasBody = parameters.stream().anyMatch(p -> p.location() == ParameterLocation.Body);
    if (hasBody && method.equals("GET")) {
      throw new InvalidSettingsException(
          "the key request uses GET, which sends no body, but has Body parameters; use POST or"
              + " move the parameters to Header or Query");
    }
    return new KeyRequest(method, url, pointer, contentType, parameters);
  }

  private static Setting setting(
      DynamicRetrieval configured,
      Map<String, String> details,
      String field,
      Function<DynamicRetrieval, String> getter) {
    String fromSpec = configured == null ? null : getter.apply(configured);
    if (fromSpec != null && !fromSpec.isBlank()) {
      return new Setting(fromSpec.trim(), SPEC_FIELD + field);
    }
    String fromModel = details.get(SecuritySchemeInfo.DYNAMIC_RETRIEVAL_PREFIX + field);
    if (fromModel != null && !fromModel.isBlank()) {
      return new Setting(fromModel.trim(), "the model's x-itential-dynamic-retrieval " + field);
    }
    return new Setting(null, SPEC_FIELD + field);
  }

  private static String method(Setting setting) throws InvalidSettingsException {
    if (setting.value() == null) {
      return "POST";
    }
    String method = setting.value().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidSettingsException(
          "the key request method '"
              + setting.value()
              + "' from "
              + setting.source()
              + " is not supported; use GET, POST, PUT or PATCH");
    }
    return method;
  }

  private static String pointer(Setting setting) throws InvalidSettingsException {
    if (setting.value() == null) {
      throw new InvalidSettingsException(
          "the key request has no responsePointer; set "
              + setting.source()
              + " to the JSON Pointer of the key in the response, for example /token");
    }
    try {
      JsonPointer.compile(setting.value());
      return setting.value();
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(
          "the responsePointer '"
              + setting.value()
              + "' from "
              + setting.source()
              + " is not a JSON Pointer; write it like /token or /data/key");
    }
  }

  private static String contentType(Setting setting) throws InvalidSettingsException {
    if (setting.value() == null) {
      return KeyRequest.JSON;
    }
    String contentType = setting.value().toLowerCase(Locale.ROOT);
    if (!contentType.equals(KeyRequest.JSON) && !contentType.equals(KeyRequest.FORM)) {
      throw new InvalidSettingsException(
          "the key request content type '"
              + setting.value()
              + "' from "
              + setting.source()
              + " is not supported; use application/json or application/x-www-form-urlencoded");
    }
    return contentType;
  }

  /**
   * Returns the absolute URL: an http or https URL as it is, or a path appended to the base URL the
   * way task paths are.
   */
  private static HttpUrl url(Setting setting, ConnectionSettings settings)
      throws InvalidSettingsException {
    String text = setting.value();
    if (text == null) {
      throw new InvalidSettingsException(
          "the key request has no URL; set "
              + setting.source()
              + " or the url of the model's x-itential-dynamic-retrieval extension");
    }
    HttpUrl absolute = HttpUrl.parse(text);
    if (absolute != null) {
      return absolute;
    }
    if (text.contains("://")) {
      throw new InvalidSettingsException(
          "the key request URL from " + setting.source() + " is not a valid http or https URL");
    }
    HttpUrl base = settings.baseUrl() == null ? null : HttpUrl.parse(settings.baseUrl());
    if (base == null) {
      throw new InvalidSettingsException(
          "the key request URL from "
              + setting.source()
              + " is a path, but the Integration has no valid base URL to append it to");
    }
    String prefix = base.newBuilder().query(null).fragment(null).build().toString();
    String joined = prefix.replaceAll("/+$", "") + (text.startsWith("/") ? text : "/" + text);
    HttpUrl url = HttpUrl.parse(joined);
    if (url == null) {
      throw new InvalidSettingsException(
          "the key request path '" + text + "' from " + setting.source() + " is not valid");
    }
    return url;
  }
}
