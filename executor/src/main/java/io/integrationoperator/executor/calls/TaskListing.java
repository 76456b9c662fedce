package io.integrationoperator.executor.calls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrationoperator.client.catalog.Task;
import io.integrationoperator.client.catalog.TaskCatalog;
import io.integrationoperator.client.catalog.TaskParameter;
import io.integrationoperator.executor.server.JsonResponses;

/**
 * Builds the answer of the task list: {@code {"namespace", "integration", "tasks": [{"name",
 * "method", "path", "parameters": [{"name", "location", "required", "type"}]}]}}.
 */
final class TaskListing {
  private TaskListing() {}

  static ObjectNode of(String namespace, String integration, TaskCatalog catalog) {
    ObjectNode answer = JsonResponses.JSON.createObjectNode();
    answer.put("namespace", namespace);
    answer.put("integration", integration);
    ArrayNode tasks = answer.putArray("tasks");
    for (Task task : catalog.tasks()) {
      ObjectNode entry = tasks.addObject();
      entry.put("name", task.name());
      entry.put("method", task.method());
      entry.put("path", task.path());
      ArrayNode parameters = entry.putArray("parameters");
      for (TaskParameter parameter : task.parameters()) {
        ObjectNode item = parameters.addObject();
        item.put("name", parameter.name());
        item.put("location", parameter.location());
        item.put("required", parameter.required());
        item.put("type", parameter.type());
      }
    }
    return answer;
  }
}
