package io.integrationoperator.client.oauth2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.integrationoperator.client.catalog.SecuritySchemeInfo;
import io.integrationoperator.client.connection.ConnectionSettings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the SHA-256 digest of every setting and credential an OAuth 2.0 token depends on. These
 * are the authentication block with its parameters, the model scheme's details, all credentials,
 * the base URL (relative token URLs resolve against it), TLS settings, CA bundle and timeout. A
 * change of any of them gives a new token cache, so no token obtained with old settings is used
 * again.
 */
public final class TokenConfigurationDigest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private TokenConfigurationDigest() {}

  /** Returns the hex digest; it reveals no credential. */
  public static String of(ConnectionSettings settings) {
    Map<String, Object> parts = new TreeMap<>();
    parts.put(
        "authentication", settings.spec() == null ? null : settings.spec().getAuthentication());
    parts.put("tls", settings.spec() == null ? null : settings.spec().getTls());
    parts.put("scheme", settings.scheme().map(SecuritySchemeInfo::details).orElse(null));
    parts.put(
        "credentials",
        settings.credentials() == null ? null : new TreeMap<>(settings.credentials()));
    parts.put("baseUrl", settings.baseUrl());
    parts.put("caBundle", settings.caBundlePem().orElse(null));
    parts.put("timeout", String.valueOf(settings.timeout()));
    try {
      byte[] text = JSON.writeValueAsBytes(parts);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the token settings cannot be written as JSON", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
