package io.integrationoperator.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out a document's default server.
 *
 * <p>OpenAPI 3: the first entry of {@code servers}, each {@code {variable}} replaced by its
 * default, or by its first enum value when it has no default (with a warning). A relative URL such
 * as {@code /api/v3} stays relative. swagger-parser inserts a server {@code /} when the document
 * declares none, so the declared list in the tree decides, and such documents have no default
 * server.
 *
 * <p>Swagger 2.0: {@code scheme://host} plus {@code basePath}, where scheme is the first of {@code
 * schemes} that is http or https, and a basePath of {@code /} adds nothing. Without such a scheme
 * the URL is protocol-relative ({@code //host/basePath}), because Swagger 2.0 then means the scheme
 * the document was served with, which is unknown here. Without {@code host}, the default server is
 * the relative basePath, or empty when basePath is missing or {@code /}. These fields are read from
 * the tree because the v2 converter writes {@code /} both for "no host" and for an explicit root.
 */
final class ServerDefaults {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

  private ServerDefaults() {}

  /** Returns the default server, adding a warning for each variable it cannot fill. */
  static Optional<String> of(
      JsonNode root, SpecVersion version, OpenAPI api, List<String> warnings) {
    if (version.family() == SpecVersion.Family.SWAGGER_2) {
      return swagger2(root);
    }
    JsonNode declared = root.get("servers");
    if (declared == null || !declared.isArray() || declared.isEmpty()) {
      return Optional.empty();
    }
    List<Server> servers = api.getServers();
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      warnings.add(
          JsonPaths.index(JsonPaths.member(JsonPaths.ROOT, "servers"), 0)
              + ": the first server has no url, so the model has no default server.");
      return Optional.empty();
    }
    return Optional.of(substitute(servers.get(0), warnings));
  }

  private static String substitute(Server server, List<String> warnings) {
    String serverPath = JsonPaths.index(JsonPaths.member(JsonPaths.ROOT, "servers"), 0);
    ServerVariables variables = server.getVariables();
    Matcher matcher = VARIABLE.matcher(server.getUrl());
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      ServerVariable variable = variables == null ? null : variables.get(name);
      String value = variableValue(variable);
      String variablePath = JsonPaths.member(JsonPaths.member(serverPath, "variables"), name);
      if (value == null) {
        String problem = variable == null ? " is not declared" : " has no default and no enum";
        warnings.add(
            variablePath
                + ": the server variable "
                + name
                + problem
                + ", so the default server keeps {"
                + name
                + "}.");
        value = matcher.group();
      } else if (variable.getDefault() == null) {
        warnings.add(
            variablePath
                + ": the server variable "
                + name
                + " has no default, so its first enum value "
                + value
                + " is used.");
      }
      matcher.appendReplacement(url, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(url);
    return url.toString();
  }

  private static String variableValue(ServerVariable variable) {
    if (variable == null) {
      return null;
    }
    if (variable.getDefault() != null) {
      return variable.getDefault();
    }
    List<String> values = variable.getEnum();
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Optional<String> swagger2(JsonNode root) {
    String host = text(root.get("host"));
    String basePath = text(root.get("basePath"));
    String path = basePath == null || basePath.equals("/") ? "" : basePath;
    if (host == null) {
      return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }
    return Optional.of(schemePrefix(root.get("schemes")) + host + path);
  }

  private static String schemePrefix(JsonNode schemes) {
    if (schemes != null && schemes.isArray()) {
      for (JsonNode scheme : schemes) {
        String name = text(scheme);
        if (name != null) {
          String lowerCase = name.toLowerCase(Locale.ROOT);
          if (lowerCase.equals("http") || lowerCase.equals("https")) {
            return lowerCase + "://";
          }
        }
      }
    }
    return "//";
  }

  private static String text(JsonNode node) {
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      return null;
    }
    return node.textValue().strip();
  }
}
