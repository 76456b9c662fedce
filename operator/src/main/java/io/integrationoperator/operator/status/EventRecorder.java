package io.integrationoperator.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates core/v1 Events about a custom resource, which {@code kubectl describe} lists because
 * their involvedObject names the resource with its UID. Messages must never contain Secret values;
 * callers pass condition messages, which name Secrets and keys only.
 */
public final class EventRecorder {
  /** Type of an Event about a healthy state. */
  public static final String NORMAL = "Normal";

  /** Type of an Event about a problem. */
  public static final String WARNING = "Warning";

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "integration-operator";
  private static final int MAX_MESSAGE_CHARS = 1024;

  private final KubernetesClient client;

  public EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  /** Records one Event for a condition transition: Normal when True, Warning otherwise. */
  public void recordTransition(HasMetadata involved, Condition condition) {
    String type = ConditionStatus.TRUE.equals(condition.getStatus()) ? NORMAL : WARNING;
    String message = condition.getType() + " is " + condition.getStatus() + ": ";
    record(involved, type, condition.getReason(), message + condition.getMessage());
  }

  /**
   * Records one Event. A failure to create it is logged and otherwise ignored, because an Event is
   * a courtesy and the status carries the same facts.
   */
  public void record(HasMetadata involved, String type, String reason, String message) {
    String now = Conditions.format(Instant.now());
    String namespace = involved.getMetadata().getNamespace();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(eventName(involved))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(involved.getApiVersion())
                    .withKind(involved.getKind())
                    .withNamespace(namespace)
                    .withName(involved.getMetadata().getName())
                    .withUid(involved.getMetadata().getUid())
                    .withResourceVersion(involved.getMetadata().getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(truncate(message))
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "Failed to create Event {} for {} {}: {}",
          reason,
          involved.getKind(),
          involved.getMetadata().getName(),
          e.getMessage());
    }
  }

  private static String eventName(HasMetadata involved) {
    // Names follow kubectl's pattern <object>.<unique suffix>; the suffix only has to be unique.
    String suffix = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
    String prefix = involved.getMetadata().getName();
    int room = 253 - suffix.length() - 1;
    return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "." + suffix;
  }

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }
}
