package io.integrationoperator.client.catalog;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Everything the product reads out of one OpenAPI document: its identity, default server, security
 * schemes and the tasks (operations) it offers.
 *
 * @param title info.title
 * @param version info.version
 * @param openapiVersion the version the document declares, for example 3.0.4 or 2.0
 * @param defaultServer base URL of the first server with variable defaults substituted, or empty
 *     when the document has none; may be relative (for example /api/v3)
 * @param securitySchemes declared schemes in document order
 * @param methods lower-case HTTP methods the tasks use
 * @param tasks tasks in document order, each with a unique name
 * @param warnings findings that do not make the document unusable, for example derived names
 */
public record TaskCatalog(
    String title,
    String version,
    String openapiVersion,
    Optional<String> defaultServer,
    List<SecuritySchemeInfo> securitySchemes,
    SortedSet<String> methods,
    List<Task> tasks,
    List<String> warnings) {

  public Optional<Task> task(String name) {
    return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<SecuritySchemeInfo> securityScheme(String name) {
    return securitySchemes.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
