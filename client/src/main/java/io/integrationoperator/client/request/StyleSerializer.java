package io.integrationoperator.client.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Serialises parameter values with OpenAPI 3 {@code style} and {@code explode}, following the style
 * examples table of OpenAPI 3.0.4 for parameter {@code color}:
 *
 * <pre>
 * style          explode  string        array                                object
 * matrix         false    ;color=blue   ;color=blue,black,brown              ;color=R,100,G,200,B,150
 * matrix         true     ;color=blue   ;color=blue;color=black;color=brown  ;R=100;G=200;B=150
 * label          false    .blue         .blue,black,brown                    .R,100,G,200,B,150
 * label          true     .blue         .blue.black.brown                    .R=100.G=200.B=150
 * simple         false    blue          blue,black,brown                     R,100,G,200,B,150
 * simple         true     blue          blue,black,brown                     R=100,G=200,B=150
 * form           false    color=blue    color=blue,black,brown               color=R,100,G,200,B,150
 * form           true     color=blue    color=blue&amp;color=black&amp;color=brown   R=100&amp;G=200&amp;B=150
 * spaceDelimited false    -             color=blue%20black%20brown           color=R%20100%20G%20200%20B%20150
 * pipeDelimited  false    -             color=blue%7Cblack%7Cbrown           color=R%7C100%7CG%7C200%7CB%7C150
 * deepObject     true     -             -                                    color%5BR%5D=100&amp;color%5BG%5D=200&amp;color%5BB%5D=150
 * </pre>
 *
 * An empty array or object is the table's "undefined" value: {@code ;color} (matrix), {@code .}
 * (label), empty (simple) and {@code color=} (form). The table leaves spaceDelimited and
 * pipeDelimited with explode true undefined; they are sent like form with explode true, and a
 * primitive value with them is sent as {@code color=blue}. deepObject takes only objects.
 *
 * <p>Path, query and cookie names and values are percent-encoded with {@link PercentEncoding}, so
 * only the delimiters above appear unencoded. Header values are not encoded, and {@link
 * HeaderRules} checks them. A Swagger 2.0 {@code collectionFormat} joins array items with {@code ,}
 * (csv), space (ssv), tab (tsv) or {@code |} (pipes), encoded in path and query, or repeats the
 * query parameter (multi, sent as csv elsewhere).
 */
final class StyleSerializer {
  private StyleSerializer() {}

  /** Returns the encoded text that replaces {@code {name}} in the path. */
  static String path(ParameterSpec spec, ParameterValue value) throws InvalidTaskInputException {
    UnaryOperator<String> encode = PercentEncoding::encode;
    if (spec.collectionFormat() != null && value instanceof ParameterValue.Items items) {
      return String.join(encodedDelimiter(spec.collectionFormat()), encodeAll(items, encode));
    }
    return switch (spec.style()) {
      case "simple" -> simple(value, spec.explode(), encode);
      case "label" -> label(value, spec.explode(), encode);
      case "matrix" -> matrix(encode.apply(spec.name()), value, spec.explode(), encode);
      default -> throw unsupported(spec);
    };
  }

  /** Returns the header value, not encoded. */
  static String header(ParameterSpec spec, ParameterValue value) throws InvalidTaskInputException {
    if (spec.collectionFormat() != null && value instanceof ParameterValue.Items items) {
      return String.join(delimiter(spec.collectionFormat()), items.texts());
    }
    if (!spec.style().equals("simple")) {
      throw unsupported(spec);
    }
    return simple(value, spec.explode(), UnaryOperator.identity());
  }

  /** Returns the encoded {@code name=value} pairs of a query parameter or form body property. */
  static List<String> query(ParameterSpec spec, ParameterValue value)
      throws InvalidTaskInputException {
    UnaryOperator<String> encode = text -> PercentEncoding.encode(text, spec.allowReserved());
    String name = PercentEncoding.encode(spec.name());
    if (spec.collectionFormat() != null && value instanceof ParameterValue.Items items) {
      return collectionFormatPairs(name, spec.collectionFormat(), items, encode);
    }
    return switch (spec.style()) {
      case "form" -> form(name, value, spec.explode(), encode);
      case "spaceDelimited" -> delimited(name, value, spec.explode(), "%20", encode);
      case "pipeDelimited" -> delimited(name, value, spec.explode(), "%7C", encode);
      case "deepObject" -> deepObject(spec, name, value, encode);
      default -> throw unsupported(spec);
    };
  }

  /** Returns the encoded {@code name=value} pairs of a cookie parameter (style form). */
  static List<String> cookie(ParameterSpec spec, ParameterValue value)
      throws InvalidTaskInputException {
    if (!spec.style().equals("form")) {
      throw unsupported(spec);
    }
    UnaryOperator<String> encode = PercentEncoding::encode;
    return form(PercentEncoding.encode(spec.name()), value, spec.explode(), encode);
  }

  private static String simple(
      ParameterValue value, boolean explode, UnaryOperator<String> encode) {
    if (value instanceof ParameterValue.Primitive primitive) {
      return encode.apply(primitive.text());
    }
    if (value instanceof ParameterValue.Items items) {
      return String.join(",", encodeAll(items, encode));
    }
    return String.join(",", pairs((ParameterValue.Properties) value, explode ? "=" : ",", encode));
  }

  private static String label(ParameterValue value, boolean explode, UnaryOperator<String> encode) {
    String delimiter = explode ? "." : ",";
    if (value instanceof ParameterValue.Primitive primitive) {
      return "." + encode.apply(primitive.text());
    }
    if (value instanceof ParameterValue.Items items) {
      return "." + String.join(delimiter, encodeAll(items, encode));
    }
    ParameterValue.Properties properties = (ParameterValue.Properties) value;
    return "." + String.join(delimiter, pairs(properties, explode ? "=" : ",", encode));
  }

  private static String matrix(
      String name, ParameterValue value, boolean explode, UnaryOperator<String> encode) {
    if (isEmpty(value)) {
      return ";" + name;
    }
    if (value instanceof ParameterValue.Primitive primitive) {
      return matrixPair(name, encode.apply(primitive.text()));
    }
    if (value instanceof ParameterValue.Items items) {
      List<String> encoded = encodeAll(items, encode);
      return explode
          ? String.join("", encoded.stream().map(v -> matrixPair(name, v)).toList())
          : ";" + name + "=" + String.join(",", encoded);
    }
    ParameterValue.Properties properties = (ParameterValue.Properties) value;
    return explode
        ? ";" + String.join(";", pairs(properties, "=", encode))
        : ";" + name + "=" + String.join(",", pairs(properties, ",", encode));
  }

  /** Returns {@code ;name=value}, or {@code ;name} for an empty value as RFC 6570 does. */
  private static String matrixPair(String name, String encodedValue) {
    return encodedValue.isEmpty() ? ";" + name : ";" + name + "=" + encodedValue;
  }

  private static List<String> form(
      String name, ParameterValue value, boolean explode, UnaryOperator<String> encode) {
    if (isEmpty(value)) {
      return List.of(name + "=");
    }
    if (value instanceof ParameterValue.Primitive primitive) {
      return List.of(name + "=" + encode.apply(primitive.text()));
    }
    if (value instanceof ParameterValue.Items items) {
      List<String> encoded = encodeAll(items, encode);
      return explode
          ? encoded.stream().map(v -> name + "=" + v).toList()
          : List.of(name + "=" + String.join(",", encoded));
    }
    ParameterValue.Properties properties = (ParameterValue.Properties) value;
    return explode
        ? pairs(properties, "=", encode)
        : List.of(name + "=" + String.join(",", pairs(properties, ",", encode)));
  }

  private static List<String> delimited(
      String name,
      ParameterValue value,
      boolean explode,
      String delimiter,
      UnaryOperator<String> encode) {
    if (explode || value instanceof ParameterValue.Primitive) {
      return form(name, value, true, encode);
    }
    if (value instanceof ParameterValue.Items items) {
      return List.of(name + "=" + String.join(delimiter, encodeAll(items, encode)));
    }
    ParameterValue.Properties properties = (ParameterValue.Properties) value;
    return List.of(name + "=" + String.join(delimiter, pairs(properties, delimiter, encode)));
  }

  private static List<String> deepObject(
      ParameterSpec spec, String name, ParameterValue value, UnaryOperator<String> encode)
      throws InvalidTaskInputException {
    if (!(value instanceof ParameterValue.Properties properties)) {
      throw spec.invalid(
          spec.subject()
              + " has style deepObject, which takes only an object; send a JSON object.");
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, String> property : properties.texts().entrySet()) {
      String key = name + "%5B" + PercentEncoding.encode(property.getKey()) + "%5D";
      pairs.add(key + "=" + encode.apply(property.getValue()));
    }
    return pairs;
  }

  private static List<String> collectionFormatPairs(
      String name, String format, ParameterValue.Items items, UnaryOperator<String> encode) {
    List<String> encoded = encodeAll(items, encode);
    if (format.equals("multi")) {
      return encoded.stream().map(v -> name + "=" + v).toList();
    }
    return List.of(name + "=" + String.join(encodedDelimiter(format), encoded));
  }

  /** Returns the item delimiter of a Swagger 2.0 collectionFormat; multi and unknown give csv. */
  private static String delimiter(String collectionFormat) {
    return switch (collectionFormat) {
      case "ssv" -> " ";
      case "tsv" -> "\t";
      case "pipes" -> "|";
      default -> ",";
    };
  }

  /** Returns the delimiter as written in a URL: a comma stays, as in styles simple and form. */
  private static String encodedDelimiter(String collectionFormat) {
    String delimiter = delimiter(collectionFormat);
    return delimiter.equals(",") ? delimiter : PercentEncoding.encode(delimiter);
  }

  /** Returns key and value of each property joined by {@code separator}, both encoded. */
  private static List<String> pairs(
      ParameterValue.Properties properties, String separator, UnaryOperator<String> encode) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, String> property : properties.texts().entrySet()) {
      pairs.add(encode.apply(property.getKey()) + separator + encode.apply(property.getValue()));
    }
    return pairs;
  }

  private static List<String> encodeAll(ParameterValue.Items items, UnaryOperator<String> encode) {
    return items.texts().stream().map(encode).toList();
  }

  private static boolean isEmpty(ParameterValue value) {
    return (value instanceof ParameterValue.Items items && items.texts().isEmpty())
        || (value instanceof ParameterValue.Properties properties && properties.texts().isEmpty());
  }

  private static InvalidTaskInputException unsupported(ParameterSpec spec) {
    return new InvalidTaskInputException(
        spec.invalidReason(),
        spec.subject()
            + " has style "
            + spec.style()
            + ", which OpenAPI does not define for "
            + (spec.bodyProperty() ? "form bodies" : spec.location() + " parameters")
            + "; correct the style in the model.");
  }
}
