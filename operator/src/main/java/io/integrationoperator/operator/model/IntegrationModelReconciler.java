package io.integrationoperator.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.api.model.IntegrationModelStatus;
import io.integrationoperator.client.catalog.CatalogCache;
import io.integrationoperator.client.catalog.DocumentLoader;
import io.integrationoperator.client.catalog.InvalidDocumentException;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.operator.ReferenceIndex;
import io.integrationoperator.operator.credentials.MetadataOnlyItemStore;
import io.integrationoperator.operator.status.ConditionStatus;
import io.integrationoperator.operator.status.Conditions;
import io.integrationoperator.operator.status.EventRecorder;
import io.integrationoperator.operator.status.Outcome;
import io.integrationoperator.operator.status.StatusComparison;
import io.integrationoperator.operator.status.StatusWriter;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each IntegrationModel's document and writes the task catalog and the Valid and Ready
 * conditions to its status.
 *
 * <p>Documents in ConfigMaps: an informer watches ConfigMaps but stores only their metadata (see
 * {@link MetadataOnlyItemStore}), so documents of several MB are not kept in memory. Models are
 * indexed by the ConfigMap they name; a ConfigMap event maps through that index to the models, and
 * ConfigMaps that no model names map to nothing. The reconcile then reads the document with a
 * direct GET. A SHA-256 hash of each model's last parsed text is kept in memory, with the parse
 * result, so an unchanged document is not parsed again.
 *
 * <p>An invalid document is a status condition, not an exception, so it is not retried; the next
 * change of the model or its ConfigMap triggers a new reconcile.
 */
@ControllerConfiguration(name = IntegrationModelReconciler.NAME)
public class IntegrationModelReconciler implements Reconciler<IntegrationModel> {
  /** Controller name. */
  public static final String NAME = "integrationmodel";

  static final String CONFIG_MAP_INDEX = "configmap-refs";

  private static final Logger LOG = LoggerFactory.getLogger(IntegrationModelReconciler.class);

  /** Parse results by model, with the hash of the text they came from. */
  private final Map<ResourceID, ParsedDocument> parsed = new ConcurrentHashMap<>();

  private record ParsedDocument(
      String hash, IntegrationModelStatus catalogFields, Outcome valid, boolean hasWarnings) {}

  @Override
  public List<EventSource<?, IntegrationModel>> prepareEventSources(
      EventSourceContext<IntegrationModel> context) {
    context
        .getPrimaryCache()
        .addIndexer(CONFIG_MAP_INDEX, IntegrationModelReconciler::configMapKeys);
    InformerEventSourceConfiguration<ConfigMap> configMaps =
        InformerEventSourceConfiguration.from(ConfigMap.class, IntegrationModel.class)
            .withName("model-configmaps")
            .withItemStore(MetadataOnlyItemStore.forConfigMaps())
            .withSecondaryToPrimaryMapper(
                ReferenceIndex.mapper(context.getPrimaryCache(), CONFIG_MAP_INDEX))
            .build();
    return List.of(new InformerEventSource<>(configMaps, context));
  }

  @Override
  public UpdateControl<IntegrationModel> reconcile(
      IntegrationModel model, Context<IntegrationModel> context) {
    DocumentText document = new DocumentReader(context.getClient()).read(model);
    ParsedDocument result =
        document.text().isPresent()
            ? parse(ResourceID.fromResource(model), document.text().get())
            : new ParsedDocument(null, null, document.failure().orElseThrow(), false);

    IntegrationModelStatus previous = model.getStatus();
    List<Condition> previousConditions = previous == null ? null : previous.getConditions();
    IntegrationModelStatus next =
        ModelStatuses.next(
            result.catalogFields(),
            result.valid(),
            Optional.ofNullable(model.getMetadata().getGeneration()).orElse(0L),
            previousConditions,
            Instant.now());
    if (previous != null && StatusComparison.sameJson(previous, next)) {
      return UpdateControl.noUpdate();
    }

    recordEvents(context, model, previousConditions, next.getConditions(), result.hasWarnings());
    StatusWriter.replaceStatus(model, next, context);
    return UpdateControl.noUpdate();
  }

  /** Parses the text unless the last parse of this model had the same text. */
  private ParsedDocument parse(ResourceID id, String text) {
    String hash = CatalogCache.hash(text);
    ParsedDocument cached = parsed.get(id);
    if (cached != null && cached.hash().equals(hash)) {
      return cached;
    }
    ParsedDocument result;
    try {
      TaskCatalog catalog = DocumentLoader.load(text);
      result =
          new ParsedDocument(
              hash,
              ModelStatuses.catalogFields(catalog),
              ModelStatuses.validOutcome(catalog),
              !catalog.warnings().isEmpty());
      LOG.info("Parsed the document: {} tasks", catalog.tasks().size());
    } catch (InvalidDocumentException e) {
      result =
          new ParsedDocument(
              hash,
              null,
              Outcome.failed(
                  ModelConditions.DOCUMENT_INVALID,
                  ModelStatuses.truncate(
                      "The document is invalid at " + e.getJsonPath() + ": " + e.getMessage())),
              false);
      LOG.info("The document is invalid at {}: {}", e.getJsonPath(), e.getMessage());
    }
    // NOTE: entries of deleted models stay until the operator restarts. Each contains one hash and
    // the catalog fields, because the reconciler uses no finalizer to learn about deletions.
    parsed.put(id, result);
    return result;
  }

  private static void recordEvents(
      Context<IntegrationModel> context,
      IntegrationModel model,
      List<Condition> previous,
      List<Condition> next,
      boolean hasWarnings) {
    EventRecorder events = new EventRecorder(context.getClient());
    Condition valid = Conditions.find(next, ModelConditions.VALID).orElseThrow();
    boolean validChanged =
        Conditions.changed(previous, next).stream()
            .anyMatch(c -> ModelConditions.VALID.equals(c.getType()));
    if (validChanged && !ConditionStatus.UNKNOWN.equals(valid.getStatus())) {
      events.recordTransition(model, valid);
    }
    String previousMessage =
        Conditions.find(previous, ModelConditions.VALID).map(Condition::getMessage).orElse(null);
    if (hasWarnings && !Objects.equals(previousMessage, valid.getMessage())) {
      events.record(
          model, EventRecorder.WARNING, ModelConditions.DOCUMENT_WARNINGS, valid.getMessage());
    }
  }

  private static List<String> configMapKeys(IntegrationModel model) {
    if (model.getSpec() == null
        || model.getSpec().getDocumentFrom() == null
        || model.getSpec().getDocumentFrom().getConfigMapKeyRef() == null) {
      return List.of();
    }
    String name = model.getSpec().getDocumentFrom().getConfigMapKeyRef().getName();
    return List.of(ReferenceIndex.key(model.getMetadata().getNamespace(), name));
  }
}
