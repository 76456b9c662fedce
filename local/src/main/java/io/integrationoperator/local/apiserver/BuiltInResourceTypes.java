package io.integrationoperator.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in Kubernetes resource types that local mode serves, with the printer columns that a
 * real API server uses for them.
 */
final class BuiltInResourceTypes {

  static final PrinterColumn AGE = column("Age", "string", "", BuiltInResourceTypes::age);

  private BuiltInResourceTypes() {}

  static List<ResourceType> all() {
    List<ResourceType> types = new ArrayList<>();
    types.add(core("Namespace", "namespaces", false, List.of("ns"), true, namespaceColumns()));
    types.add(core("ConfigMap", "configmaps", true, List.of("cm"), false, configMapColumns()));
    types.add(core("Secret", "secrets", true, List.of(), false, secretColumns()));
    types.add(core("Event", "events", true, List.of("ev"), false, eventColumns()));
    types.add(core("ServiceAccount", "serviceaccounts", true, List.of("sa"), false, ageOnly()));
    // Services and EndpointSlices define gateway clusters; local mode creates those of "local".
    types.add(core("Service", "services", true, List.of("svc"), true, ageOnly()));

    types.add(
        type("rbac.authorization.k8s.io", "Role", "roles", true, List.of(), false, createdAt()));
    types.add(
        type(
            "rbac.authorization.k8s.io",
            "RoleBinding",
            "rolebindings",
            true,
            List.of(),
            false,
            roleBindingColumns()));
    types.add(
        type(
            "rbac.authorization.k8s.io",
            "ClusterRole",
            "clusterroles",
            false,
            List.of(),
            false,
            createdAt()));
    types.add(
        type(
            "rbac.authorization.k8s.io",
            "ClusterRoleBinding",
            "clusterrolebindings",
            false,
            List.of(),
            false,
            roleBindingColumns()));

    types.add(
        type("coordination.k8s.io", "Lease", "leases", true, List.of(), false, leaseColumns()));
    types.add(
        type(
            "discovery.k8s.io",
            "EndpointSlice",
            "endpointslices",
            true,
            List.of(),
            false,
            ageOnly()));
    // The newer Events API; kubectl and most clients use the core Events above.
    types.add(type("events.k8s.io", "Event", "events", true, List.of(), false, ageOnly()));
    types.add(
        type(
            "apiextensions.k8s.io",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            false,
            List.of("crd", "crds"),
            true,
            createdAt()));
    return List.copyOf(types);
  }

  private static ResourceType core(
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      boolean status,
      List<PrinterColumn> columns) {
    return type("", kind, plural, namespaced, shortNames, status, columns);
  }

  private static ResourceType type(
      String group,
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      boolean status,
      List<PrinterColumn> columns) {
    return new ResourceType(
        group,
        "v1",
        kind,
        plural,
        kind.toLowerCase(),
        namespaced,
        shortNames,
        List.of(),
        status,
        columns,
        null);
  }

  private static List<PrinterColumn> ageOnly() {
    return List.of(AGE);
  }

  private static List<PrinterColumn> createdAt() {
    return List.of(
        column(
            "Created At",
            "date",
            "",
            (object, now) -> text(object.path("metadata").path("creationTimestamp"))));
  }

  private static List<PrinterColumn> namespaceColumns() {
    return List.of(
        column(
            "Status",
            "string",
            "",
            (object, now) -> {
              String phase = text(object.path("status").path("phase"));
              return phase == null ? "Active" : phase;
            }),
        AGE);
  }

  private static List<PrinterColumn> configMapColumns() {
    return List.of(
        column(
            "Data",
            "integer",
            "",
            (object, now) -> object.path("data").size() + object.path("binaryData").size()),
        AGE);
  }

  private static List<PrinterColumn> secretColumns() {
    return List.of(
        column("Type", "string", "", (object, now) -> text(object.path("type"))),
        column("Data", "integer", "", (object, now) -> object.path("data").size()),
        AGE);
  }

  private static List<PrinterColumn> roleBindingColumns() {
    return List.of(
        column(
            "Role",
            "string",
            "",
            (object, now) ->
                text(object.path("roleRef").path("kind"))
                    + "/"
                    + text(object.path("roleRef").path("name"))),
        AGE);
  }

  private static List<PrinterColumn> leaseColumns() {
    return List.of(
        column(
            "Holder",
            "string",
            "",
            (object, now) -> text(object.path("spec").path("holderIdentity"))),
        AGE);
  }

  private static List<PrinterColumn> eventColumns() {
    return List.of(
        column("Last Seen", "string", "", BuiltInResourceTypes::eventLastSeen),
        column("Type", "string", "", (object, now) -> text(object.path("type"))),
        column("Reason", "string", "", (object, now) -> text(object.path("reason"))),
        column(
            "Object",
            "string",
            "",
            (object, now) -> {
              JsonNode involved = object.path("involvedObject");
              String kind = involved.path("kind").asText("");
              return kind.toLowerCase() + "/" + involved.path("name").asText("");
            }),
        column("Message", "string", "", (object, now) -> text(object.path("message"))),
        // Events list their name last and only with -o wide, as a real API server does.
        new PrinterColumn(
            "Name",
            "string",
            "name",
            "Name of the Event.",
            1,
            (object, now) -> text(object.path("metadata").path("name"))));
  }

  private static Object eventLastSeen(JsonNode event, Instant now) {
    Instant last = firstTime(event, "lastTimestamp", "eventTime", "firstTimestamp");
    if (last == null) {
      return "<unknown>";
    }
    String lastSeen = HumanDuration.format(Duration.between(last, now));
    long count = event.path("count").asLong(1);
    Instant first = firstTime(event, "firstTimestamp", "eventTime");
    if (count > 1 && first != null) {
      return lastSeen
          + " (x"
          + count
          + " over "
          + HumanDuration.format(Duration.between(first, now))
          + ")";
    }
    return lastSeen;
  }

  private static Instant firstTime(JsonNode object, String... fields) {
    for (String field : fields) {
      Instant time = parseTime(text(object.path(field)));
      if (time != null) {
        return time;
      }
    }
    return null;
  }

  static Object age(JsonNode object, Instant now) {
    Instant created = parseTime(text(object.path("metadata").path("creationTimestamp")));
    return created == null ? "<unknown>" : HumanDuration.format(Duration.between(created, now));
  }

  static Instant parseTime(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static PrinterColumn column(
      String name, String type, String description, PrinterColumn.Cell cell) {
    return new PrinterColumn(name, type, "", description, 0, cell);
  }
}
