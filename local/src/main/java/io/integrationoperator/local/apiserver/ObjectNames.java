package io.integrationoperator.local.apiserver;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks object names with the rules that the Kubernetes API server applies on create. */
final class ObjectNames {

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final int MAX_LABEL_LENGTH = 63;
  private static final int MAX_SUBDOMAIN_LENGTH = 253;

  private ObjectNames() {}

  /**
   * Returns the reason why a name is invalid for the type, or empty when it is valid. Namespaces
   * need an RFC 1123 label, RBAC kinds a path segment (so {@code system:auth} is valid), and every
   * other kind an RFC 1123 subdomain.
   */
  static Optional<String> invalidReason(ResourceType type, String name) {
    if (type.group().isEmpty() && type.kind().equals("Namespace")) {
      return label(name);
    }
    if (type.group().equals("rbac.authorization.k8s.io")) {
      return pathSegment(name);
    }
    return subdomain(name);
  }

  private static Optional<String> label(String name) {
    if (name.length() > MAX_LABEL_LENGTH) {
      return Optional.of("must be no more than " + MAX_LABEL_LENGTH + " characters");
    }
    if (!DNS_LABEL.matcher(name).matches()) {
      return Optional.of(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (regex used for"
              + " validation is '"
              + LABEL
              + "')");
    }
    return Optional.empty();
  }

  private static Optional<String> subdomain(String name) {
    if (name.length() > MAX_SUBDOMAIN_LENGTH) {
      return Optional.of("must be no more than " + MAX_SUBDOMAIN_LENGTH + " characters");
    }
    if (!DNS_SUBDOMAIN.matcher(name).matches()) {
      return Optional.of(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
              + " '-' or '.', and must start and end with an alphanumeric character (regex used"
              + " for validation is '"
              + DNS_SUBDOMAIN.pattern()
              + "')");
    }
    return Optional.empty();
  }

  private static Optional<String> pathSegment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("may not be '" + name + "'");
    }
    if (name.contains("/") || name.contains("%")) {
      return Optional.of("may not contain '/' or '%'");
    }
    return Optional.empty();
  }
}
