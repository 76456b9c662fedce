package io.integrationoperator.client.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The authorization codes this process has sent to a token endpoint, kept as SHA-256 digests of
 * client id and code. An authorization code is valid once (RFC 6749 section 4.1.2), and providers
 * such as Keycloak revoke the tokens issued for a code that is sent again, so a code found here is
 * never sent again, even after its Integration's token cache was replaced.
 */
final class UsedAuthorizationCodes {

  private static final int MAX_ENTRIES = 10_000;

  private static final Set<String> USED =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > MAX_ENTRIES;
                }
              }));

  private UsedAuthorizationCodes() {}

  /** Records the code digest as used and returns true when it had not been used before. */
  static boolean markUsed(String digest) {
    return USED.add(digest);
  }

  /** Returns true when the code with this digest was sent before. */
  static boolean isUsed(String digest) {
    return USED.contains(digest);
  }

  /** Returns the hex SHA-256 of the client id and the code, which never reveals the code. */
  static String digest(String clientId, String code) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(clientId.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return HexFormat.of().formatHex(sha256.digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
