package io.integrationoperator.client.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.MediaType;

/**
 * Picks the media type of a request body among the keys of an operation's requestBody content.
 *
 * <p>Without a Content-Type from the caller the preference is: application/json, other JSON types
 * (such as application/merge-patch+json), application/x-www-form-urlencoded, multipart/form-data,
 * text/plain, other text types, the ranges {@code * / *} and {@code application/*} (sent as JSON),
 * then the first other key. With a Content-Type the key must equal its type and subtype, or be a
 * range that covers it ({@code text/*}, {@code * / *}).
 */
final class MediaTypes {
  /** Encoding of a body of a media type. */
  enum Kind {
    JSON,
    FORM,
    MULTIPART,
    TEXT,
    RAW
  }

  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private MediaTypes() {}

  /** Returns the preferred key of the content map. */
  static String preferred(Set<String> keys) {
    List<String> ordered = new ArrayList<>(keys);
    return ordered.stream().min(Comparator.comparingInt(MediaTypes::rank)).orElseThrow();
  }

  /**
   * Returns the key that accepts the requested media type.
   *
   * @throws InvalidTaskInputException UnsupportedMediaType when none does
   */
  static String matching(Set<String> keys, MediaType requested) throws InvalidTaskInputException {
    String essence = requested.type() + "/" + requested.subtype();
    for (String candidate : List.of(essence, requested.type() + "/*", "*/*")) {
      for (String key : keys) {
        if (essence(key).equals(candidate)) {
          return key;
        }
      }
    }
    throw new InvalidTaskInputException(
        "UnsupportedMediaType",
        "the task does not accept Content-Type '"
            + essence
            + "'; use one of: "
            + String.join(", ", keys)
            + ".");
  }

  /** Returns how a body of the media type is encoded. */
  static Kind kind(String mediaType) {
    String essence = essence(mediaType);
    if (isJson(essence) || essence.equals("*/*") || essence.equals("application/*")) {
      return Kind.JSON;
    }
    if (essence.equals(FORM_TYPE)) {
      return Kind.FORM;
    }
    if (essence.startsWith("multipart/")) {
      return Kind.MULTIPART;
    }
    return essence.startsWith("text/") ? Kind.TEXT : Kind.RAW;
  }

  /** Returns the Content-Type to send for a key: ranges become application/json or text/plain. */
  static String contentType(String key) {
    return switch (essence(key)) {
      case "*/*", "application/*" -> "application/json";
      case "text/*" -> "text/plain";
      default -> key;
    };
  }

  /** Returns the lower-case type/subtype without parameters. */
  static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String essence = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return essence.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isJson(String essence) {
    return essence.equals("application/json") || essence.endsWith("+json");
  }

  private static int rank(String key) {
    String essence = essence(key);
    if (essence.equals("application/json")) {
      return 0;
    }
    if (isJson(essence)) {
      return 1;
    }
    List<String> order = List.of(FORM_TYPE, "multipart/form-data", "text/plain");
    if (order.contains(essence)) {
      return 2 + order.indexOf(essence);
    }
    if (essence.startsWith("text/")) {
      return 5;
    }
    return essence.equals("*/*") || essence.equals("application/*") ? 6 : 7;
  }
}
