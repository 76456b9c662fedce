package io.integrationoperator.operator.credentials;

/**
 * One value the projected Secret needs: where it comes from and the normalised key it goes to.
 *
 * @param source kind of object that contains the value
 * @param name name of that object in the Integration's namespace
 * @param key key inside the object
 * @param targetKey key in the projected Secret, one of the client's CredentialKeys names
 * @param required whether a missing object or key fails CredentialsResolved; an optional value that
 *     is missing is left out of the projected Secret
 */
public record CredentialRequirement(
    Source source, String name, String key, String targetKey, boolean required) {

  /** Kind of object that holds a credential value. */
  public enum Source {
    SECRET("Secret"),
    CONFIG_MAP("ConfigMap");

    private final String kind;

    Source(String kind) {
      this.kind = kind;
    }

    /** Returns the Kubernetes kind, for messages. */
    public String kind() {
      return kind;
    }
  }

  static CredentialRequirement secretKey(String name, String key, String targetKey) {
    return new CredentialRequirement(Source.SECRET, name, key, targetKey, true);
  }

  static CredentialRequirement optionalSecretKey(String name, String key, String targetKey) {
    return new CredentialRequirement(Source.SECRET, name, key, targetKey, false);
  }
}
