package io.integrationoperator.operator.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes the status of a reconciled resource so that the next reconcile reads it back.
 *
 * <p>{@code UpdateControl.patchStatus} is not used because JOSDK 5.2.3 does not cache its response.
 * When events arrive during a reconcile, for example those of the Roles it creates, JOSDK starts
 * the next reconcile as soon as the first returns, often before the informer delivers the status
 * write. That reconcile then reads the previous status, so it probes again, emits the transition
 * Events again and writes the status a second time. Its JSON Patch is also computed against the
 * previous status but applied to the newer one, which can corrupt lists such as status.roles.
 *
 * <p>Here the whole status is replaced with a PUT on the status subresource that carries the
 * resourceVersion the reconcile read, and JOSDK caches the response for the next reconcile. On a
 * conflict, JOSDK waits until its cache contains a newer version of the resource and sets the
 * status on that version. NOTE: the fabric8 mock server (7.5.2) accepts status writes with an
 * outdated resourceVersion, so there a conflict never occurs.
 */
public final class StatusWriter {

  private StatusWriter() {}

  /**
   * Replaces the resource's status and caches the response for the next reconcile.
   *
   * @param resource the resource as the reconcile read it, with its resourceVersion
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server rejects the
   *     write with a status other than 409 or 422, which JOSDK retries
   * @throws io.javaoperatorsdk.operator.OperatorException when those retries run out
   */
  public static <S, R extends CustomResource<?, S>> void replaceStatus(
      R resource, S status, Context<R> context) {
    PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
        resource,
        context,
        current -> {
          current.setStatus(status);
          return current;
        });
  }
}
