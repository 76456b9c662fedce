package io.integrationoperator.executor.forwarding;

import io.integrationoperator.executor.metrics.ForwardOutcome;
import io.integrationoperator.executor.server.TaskApi;

/**
 * Result of one forwarded call.
 *
 * @param answer the answer for the caller: the gateway executor's status and body, or an error
 * @param outcome the result, as the forwarded calls counter labels it
 * @param executor the chosen gateway executor as {@code host:port}; empty when none was ready
 */
public record ForwardResult(TaskApi.Answer answer, ForwardOutcome outcome, String executor) {}
