package io.integrationoperator.operator.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * One Argo CD health check from docs/argocd/argocd-cm.yaml, run with LuaJ the way Argo CD runs it:
 * the object, converted from JSON into Lua tables, is the global {@code obj}, and the script
 * returns a table with {@code status} and {@code message}.
 */
final class ArgoCdHealthScript {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String script;

  private ArgoCdHealthScript(String script) {
    this.script = script;
  }

  /** Reads the script of the kind from the committed argocd-cm snippet. */
  static ArgoCdHealthScript forKind(String kind) throws IOException {
    Path file = Path.of(System.getProperty("project.root"), "docs", "argocd", "argocd-cm.yaml");
    ConfigMap configMap = Serialization.unmarshal(Files.readString(file), ConfigMap.class);
    String key = "resource.customizations.health.integration-operator.io_" + kind;
    String script = configMap.getData().get(key);
    if (script == null) {
      throw new IllegalStateException(file + " has no key " + key);
    }
    return new ArgoCdHealthScript(script);
  }

  /** Evaluates the script against the object as the API server returns it. */
  Health evaluate(Object kubernetesObject) throws IOException {
    JsonNode json = JSON.readTree(Serialization.asJson(kubernetesObject));
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(json));
    LuaValue result = globals.load(script, "health.lua").call();
    LuaValue message = result.get("message");
    return new Health(
        result.get("status").tojstring(), message.isnil() ? null : message.tojstring());
  }

  /**
   * Converts JSON into Lua values as Argo CD does: objects and arrays become tables (arrays indexed
   * from 1), numbers become Lua numbers, and JSON null becomes nil.
   */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    return LuaValue.valueOf(node.asText());
  }

  /** Health status and message that the script returned. */
  record Health(String status, String message) {}
}
