package io.integrationoperator.operator.integration;

import io.integrationoperator.api.integration.Integration;
import io.integrationoperator.operator.OperatorSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** Validates Integrations, projects their credentials, generates Roles and probes servers. */
@ControllerConfiguration(name = IntegrationReconciler.NAME)
public class IntegrationReconciler implements Reconciler<Integration> {
  /** Controller name, also the field manager of the writes. */
  public static final String NAME = "integration";

  private final OperatorSettings settings;

  public IntegrationReconciler(OperatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public UpdateControl<Integration> reconcile(
      Integration integration, Context<Integration> context) {
    return UpdateControl.noUpdate();
  }
}
