package io.integrationoperator.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes expected Signature Version 4 values from a canonical request, for tests: its hash, the
 * string to sign and the signature, by the steps of the AWS specification. The test suite's own
 * string-to-sign and Authorization values check these helpers.
 */
final class SigV4Expectations {

  private SigV4Expectations() {}

  /** Returns the lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the lowercase hex SHA-256 of {@code bytes}. */
  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the hex signature of {@code stringToSign}: HMAC-SHA256 with the key derived from the
   * secret key, the date (yyyyMMdd), region, service and "aws4_request".
   */
  static String signature(
      String secretAccessKey, String date, String region, String service, String stringToSign) {
    byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    for (String part : List.of(date, region, service, "aws4_request")) {
      key = hmac(key, part);
    }
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  /** Returns the signed headers line (second to last line) of a canonical request. */
  static String signedHeaders(String canonicalRequest) {
    String[] lines = canonicalRequest.split("\n", -1);
    return lines[lines.length - 2];
  }

  /**
   * Returns {@code canonicalRequest} with one more signed header, inserted in name order into the
   * canonical headers and the signed headers list.
   */
  static String withSignedHeader(String canonicalRequest, String name, String value) {
    return withHeaders(canonicalRequest, name, value, null);
  }

  /** Returns {@code canonicalRequest} without the signed header {@code name}. */
  static String withoutSignedHeader(String canonicalRequest, String name) {
    return withHeaders(canonicalRequest, null, null, name);
  }

  private static String withHeaders(String canonical, String add, String value, String remove) {
    List<String> lines = new ArrayList<>(Arrays.asList(canonical.split("\n", -1)));
    int end = lines.size() - 3; // the blank line after the canonical headers
    List<String> headers = new ArrayList<>(lines.subList(3, end));
    List<String> names = new ArrayList<>(Arrays.asList(lines.get(end + 1).split(";")));
    if (add != null) {
      headers.add(add + ":" + value);
      names.add(add);
    }
    headers.removeIf(line -> line.startsWith(remove + ":"));
    names.remove(remove);
    headers.sort(Comparator.comparing(line -> line.substring(0, line.indexOf(':'))));
    names.sort(null);
    List<String> result = new ArrayList<>(lines.subList(0, 3));
    result.addAll(headers);
    result.add("");
    result.add(String.join(";", names));
    result.add(lines.get(lines.size() - 1));
    return String.join("\n", result);
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
