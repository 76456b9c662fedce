package io.integrationoperator.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.integrationoperator.api.integration.Integration;
import java.util.Map;

/** Names, labels and owner references that every object generated for an Integration carries. */
public final class GeneratedObjects {
  /** Label whose value is the name of the Integration an object belongs to. */
  public static final String INTEGRATION_LABEL = "integration-operator.io/integration";

  /**
   * Longest Integration name the generated objects can carry: the name is the value of {@link
   * #INTEGRATION_LABEL}, and Kubernetes limits label values to 63 characters.
   */
  public static final int MAX_NAME_LENGTH = 63;

  /** Standard label naming the tool that manages an object. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  /** Value of {@link #MANAGED_BY_LABEL}. */
  public static final String MANAGED_BY = "integration-operator";

  private GeneratedObjects() {}

  /** Returns the name of the projected credentials Secret: {@code <integration>-credentials}. */
  public static String credentialsSecretName(String integrationName) {
    return integrationName + "-credentials";
  }

  /** Builds metadata with the labels and the controller owner reference of the Integration. */
  public static ObjectMeta metadata(Integration integration, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(integration.getMetadata().getNamespace())
        .withLabels(labels(integration))
        .withOwnerReferences(ownerReference(integration))
        .build();
  }

  /** Returns the labels of objects generated for the Integration. */
  public static Map<String, String> labels(Integration integration) {
    return Map.of(
        INTEGRATION_LABEL, integration.getMetadata().getName(), MANAGED_BY_LABEL, MANAGED_BY);
  }

  /** Builds the controller owner reference, so that deleting the Integration deletes the object. */
  public static OwnerReference ownerReference(Integration integration) {
    return new OwnerReferenceBuilder()
        .withApiVersion(integration.getApiVersion())
        .withKind(integration.getKind())
        .withName(integration.getMetadata().getName())
        .withUid(integration.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /**
   * Returns true when the object carries the Integration's labels and owner reference, possibly
   * among others that users added.
   */
  public static boolean hasMetadataOf(HasMetadata object, Integration integration) {
    Map<String, String> actual = object.getMetadata().getLabels();
    boolean labelled =
        actual != null && actual.entrySet().containsAll(labels(integration).entrySet());
    return labelled
        && object.getMetadata().getOwnerReferences() != null
        && object.getMetadata().getOwnerReferences().contains(ownerReference(integration));
  }
}
