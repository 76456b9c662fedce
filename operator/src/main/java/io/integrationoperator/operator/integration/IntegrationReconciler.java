package io.integrationoperator.operator.integration;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.api.integration.IntegrationStatus;
import io.integrationoperator.api.model.IntegrationModel;
import io.integrationoperator.client.catalog.CatalogCache;
import io.integrationoperator.client.token.TokenCaches;
import io.integrationoperator.operator.GeneratedObjects;
import io.integrationoperator.operator.OperatorSettings;
import io.integrationoperator.operator.ReferenceIndex;
import io.integrationoperator.operator.credentials.MetadataOnlyItemStore;
import io.integrationoperator.operator.gateway.DefaultProxy;
import io.integrationoperator.operator.gateway.GatewayClusters;
import io.integrationoperator.operator.gateway.GatewayProbeClient;
import io.integrationoperator.operator.gateway.GatewayToken;
import io.integrationoperator.operator.gateway.GatewayTokenFile;
import io.integrationoperator.operator.gateway.OperatorToken;
import io.integrationoperator.operator.status.IntegrationConditions;
import io.integrationoperator.operator.status.StatusComparison;
import io.integrationoperator.operator.status.StatusWriter;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reconciles Integrations: validates them against their model, projects their credentials into
 * {@code <name>-credentials}, writes their Roles, probes the server and writes the conditions
 * ModelResolved, SpecValid, CredentialsResolved, RolesReady, Connected and Ready (see {@link
 * IntegrationConditions} for the reasons).
 *
 * <p>Watching Secrets without caching them: one informer watches the Secrets of the watched
 * namespaces but stores only their metadata ({@link MetadataOnlyItemStore}). The Integrations are
 * indexed by the Secret names they refer to; an event about a Secret maps through that index to the
 * Integrations that use it, so a rotated Secret re-projects the credentials and triggers a probe.
 * The values themselves are read with a direct GET during the reconcile. ConfigMaps that hold CA
 * bundles are watched the same way, and so is the default proxy's Secret in the operator's
 * namespace, with an informer of its own when that namespace is not watched. Models are watched
 * through an index of Integrations by spec.modelRef.name, so a changed or deleted model reconciles
 * its Integrations. Roles are watched through an informer restricted to the Integration label.
 *
 * <p>The status is written only when it changed, with {@link StatusWriter}, so that the reconcile
 * that follows reads it back even before the informer delivers it.
 *
 * <p>Integrations routed to a gateway cluster are probed by that cluster (see {@link
 * GatewayProbeClient}), whose executors {@link GatewayClusters} finds.
 *
 * <p>Probes run only when due (see {@link ConnectionProbe}); the reconcile is rescheduled for the
 * next probe time. Invalid input becomes a condition and is not retried; API errors other than Role
 * writes propagate, so that JOSDK retries with backoff. A failed Role write becomes
 * RolesReady=False with reason RoleCreateFailed and a retry after {@link #ROLE_RETRY}. No finalizer
 * is used: owner references remove the generated objects with the Integration.
 */
@ControllerConfiguration(name = IntegrationReconciler.NAME)
public class IntegrationReconciler implements Reconciler<Integration> {
  /** Number of parsed documents kept for probes that call a task. */
  static final int PROBE_CATALOGS = 4;

  /** Controller name. */
  public static final String NAME = "integration";

  /** Delay before a failed Role write is tried again. */
  static final Duration ROLE_RETRY = Duration.ofMinutes(1);

  static final String MODEL_INDEX = "model-refs";
  static final String SECRET_INDEX = "secret-refs";
  static final String CONFIG_MAP_INDEX = "configmap-refs";

  private final OperatorSettings settings;

  /** Fingerprint of the settings of each Integration's last probe, by Integration UID. */
  private final Map<String, String> probedSettings;

  /** Waits for gateway clusters that had not caught up, by Integration UID. */
  private final GatewayWaits gatewayWaits = new GatewayWaits();

  /** Time between sweeps that drop the per-Integration state of deleted Integrations. */
  static final Duration STATE_SWEEP_INTERVAL = Duration.ofMinutes(10);

  private volatile Instant lastStateSweep = Instant.now();

  /** Catalogs of the documents whose tasks probes call; a few suffice for the probes due now. */
  private final CatalogCache probeCatalogs = new CatalogCache(PROBE_CATALOGS);

  private InformerEventSource<IntegrationModel, Integration> models;
  private InformerEventSource<Role, Integration> roles;
  private GatewayClusters gatewayClusters;
  private GatewayProbeClient gatewayProbes;

  /** Token caches of the probes, which share tokens with the executors through token Secrets. */
  private final TokenCaches tokens;

  public IntegrationReconciler(OperatorSettings settings, TokenCaches tokens) {
    this(settings, tokens, new ConcurrentHashMap<>());
  }

  /**
   * @param probedSettings fingerprint of each Integration's last probe by UID, shared with the
   *     caller
   */
  IntegrationReconciler(
      OperatorSettings settings, TokenCaches tokens, Map<String, String> probedSettings) {
    this.settings = settings;
    this.tokens = tokens;
    this.probedSettings = probedSettings;
  }

  @Override
  public List<EventSource<?, Integration>> prepareEventSources(
      EventSourceContext<Integration> context) {
    IndexerResourceCache<Integration> cache = context.getPrimaryCache();
    cache.addIndexer(MODEL_INDEX, References::modelKeys);
    cache.addIndexer(SECRET_INDEX, i -> References.secretKeys(i, settings));
    cache.addIndexer(CONFIG_MAP_INDEX, i -> References.configMapKeys(i, settings));

    models =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(IntegrationModel.class, Integration.class)
                .withName("models")
                .withSecondaryToPrimaryMapper(ReferenceIndex.mapper(cache, MODEL_INDEX))
                .build(),
            context);
    roles =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Role.class, Integration.class)
                .withName("roles")
                .withLabelSelector(GeneratedObjects.INTEGRATION_LABEL)
                .withSecondaryToPrimaryMapper(References::roleOwner)
                .build(),
            context);
    InformerEventSource<Secret, Integration> secrets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, Integration.class)
                .withName("secrets")
                .withItemStore(MetadataOnlyItemStore.forSecrets())
                .withSecondaryToPrimaryMapper(ReferenceIndex.mapper(cache, SECRET_INDEX))
                .build(),
            context);
    InformerEventSource<ConfigMap, Integration> configMaps =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ConfigMap.class, Integration.class)
                .withName("configmaps")
                .withItemStore(MetadataOnlyItemStore.forConfigMaps())
                .withSecondaryToPrimaryMapper(ReferenceIndex.mapper(cache, CONFIG_MAP_INDEX))
                .build(),
            context);
    gatewayClusters =
        new GatewayClusters(context.getClient(), settings.effectiveGatewayNamespace());
    GatewayToken gatewayToken =
        settings.gatewayTokenFile() != null
            ? new GatewayTokenFile(settings.gatewayTokenFile())
            : OperatorToken.of(context.getClient());
    gatewayProbes = new GatewayProbeClient(gatewayClusters, gatewayToken);
    List<EventSource<?, Integration>> sources =
        new ArrayList<>(List.of(models, roles, secrets, configMaps, gatewayClusters));
    defaultProxySecret(cache, context).ifPresent(sources::add);
    return sources;
  }

  /**
   * Returns an informer for the default proxy's Secret when the operator's namespace is not among
   * the watched ones, so that a change to it reconciles the Integrations that use it. In watched
   * namespaces the Secret informer above covers it.
   */
  private Optional<EventSource<?, Integration>> defaultProxySecret(
      IndexerResourceCache<Integration> cache, EventSourceContext<Integration> context) {
    Optional<String> name = settings.gatewayDefaults().proxy().flatMap(DefaultProxy::secretName);
    String namespace = settings.operatorNamespace();
    if (name.isEmpty()
        || namespace == null
        || settings.namespaces().isEmpty()
        || settings.namespaces().contains(namespace)) {
      return Optional.empty();
    }
    return Optional.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, Integration.class)
                .withName("default-proxy-secret")
                .withNamespaces(Set.of(namespace))
                .withFollowControllerNamespacesChanges(false)
                .withFieldSelector(
                    new FieldSelector(
                        List.of(new FieldSelector.Field("metadata.name", name.get()))))
                .withItemStore(MetadataOnlyItemStore.forSecrets())
                .withSecondaryToPrimaryMapper(ReferenceIndex.mapper(cache, SECRET_INDEX))
                .build(),
            context));
  }

  @Override
  public UpdateControl<Integration> reconcile(
      Integration integration, Context<Integration> context) {
    sweepDeletedState(() -> context.getPrimaryCache().list(), Instant.now());
    IntegrationStatus previous =
        Optional.ofNullable(integration.getStatus()).orElseGet(IntegrationStatus::new);
    IntegrationPass pass =
        new IntegrationPass(
            integration,
            context.getClient(),
            settings,
            probedSettings,
            probeCatalogs,
            tokens,
            gatewayProbes,
            gatewayWaits);

    pass.resolveModel(findModel(integration));
    pass.checkSpec();
    pass.resolveCredentials();

    pass.writeRoles(existingRoles(integration));
    pass.writeProjectedSecret();
    pass.writeTokenSecret();
    pass.probeIfDue(previous, Instant.now());

    IntegrationStatus next = pass.nextStatus(previous, Instant.now());
    if (!StatusComparison.sameJson(previous, next)) {
      pass.recordTransitions(previous, next);
      StatusWriter.replaceStatus(integration, next, context);
    }
    UpdateControl<Integration> control = UpdateControl.noUpdate();
    pass.rescheduleDelay(next, Instant.now()).ifPresent(control::rescheduleAfter);
    return control;
  }

  private Optional<IntegrationModel> findModel(Integration integration) {
    String name = integration.getSpec() == null ? null : References.modelName(integration);
    if (name == null) {
      return Optional.empty();
    }
    return models.get(new ResourceID(name, integration.getMetadata().getNamespace()));
  }

  private List<Role> existingRoles(Integration integration) {
    String name = integration.getMetadata().getName();
    return roles
        .list(
            integration.getMetadata().getNamespace(),
            role ->
                name.equals(role.getMetadata().getLabels().get(GeneratedObjects.INTEGRATION_LABEL)))
        .toList();
  }

  /**
   * Drops the probe fingerprints and gateway waits of Integrations that no longer exist. Deletions
   * do not reach the reconciler (it has no finalizer, so that nothing is written into users'
   * metadata), so the maps are swept against the informer cache every {@link
   * #STATE_SWEEP_INTERVAL}.
   */
  void sweepDeletedState(Supplier<Stream<Integration>> cached, Instant now) {
    if (now.isBefore(lastStateSweep.plus(STATE_SWEEP_INTERVAL))) {
      return;
    }
    lastStateSweep = now;
    Set<String> existing =
        cached.get().map(i -> i.getMetadata().getUid()).collect(Collectors.toSet());
    probedSettings.keySet().retainAll(existing);
    gatewayWaits.retainOnly(existing);
  }
}
