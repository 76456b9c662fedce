package io.integrationoperator.chart;

/**
 * Turns a generated CRD file into the chart template that installs it: the CRD behind {@code
 * crds.enabled}, with the chart's labels and the {@code helm.sh/resource-policy: keep} annotation,
 * so that {@code helm uninstall} never deletes the CRD and with it every custom resource.
 */
final class ChartCrdTemplate {
  private static final String METADATA = "\nmetadata:\n";

  private ChartCrdTemplate() {}

  static String fromCrd(String crd) {
    String body = withoutLeadingComments(crd);
    int metadata = body.indexOf(METADATA);
    if (metadata < 0) {
      throw new IllegalArgumentException("the CRD has no top-level metadata block");
    }
    int insertAt = metadata + METADATA.length();
    String chartMetadata =
        "  annotations:\n"
            + "    helm.sh/resource-policy: keep\n"
            + "  labels:\n"
            + "    {{- include \"integration-operator.labels\" . | nindent 4 }}\n";
    return "{{- /* Generated from crds/ by ChartCrdDriftTest; do not edit: run ./mvnw -pl chart -am"
        + " verify -DupdateChartCrds=true */}}\n"
        + "{{- if .Values.crds.enabled }}\n"
        + escapeActions(body.substring(0, insertAt))
        + chartMetadata
        + escapeActions(body.substring(insertAt))
        + "{{- end }}\n";
  }

  private static String withoutLeadingComments(String yaml) {
    String rest = yaml;
    while (rest.startsWith("#")) {
      rest = rest.substring(rest.indexOf('\n') + 1);
    }
    return rest.endsWith("\n") ? rest : rest + "\n";
  }

  /** Keeps a literal "{{" in a CRD description from being read as a template action. */
  private static String escapeActions(String text) {
    return text.replace("{{", "{{ \"{{\" }}");
  }
}
