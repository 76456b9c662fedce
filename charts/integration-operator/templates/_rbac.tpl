{{/*
Rules the operator needs in every namespace it watches. The chart grants them through a
ClusterRole for a cluster-wide install, or a Role in each watched namespace.
*/}}
{{- define "integration-operator.operatorRules" -}}
# IntegrationModels and Integrations it reconciles.
- apiGroups: ["integration-operator.io"]
  resources: ["integrationmodels", "integrations"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["integration-operator.io"]
  resources: ["integrationmodels/status", "integrations/status"]
  verbs: ["get", "update", "patch"]
# The generated Roles grant these, and Kubernetes lets the operator grant only what it holds
# itself: the admin Role's verbs on the Integration, and every HTTP method an OpenAPI operation
# can use on integrations/tasks.
- apiGroups: ["integration-operator.io"]
  resources: ["integrations"]
  verbs: ["update", "patch", "delete"]
- apiGroups: ["integration-operator.io"]
  resources: ["integrations/tasks"]
  verbs: ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
# Gateway executors authorize the operator's probes of routed Integrations with this verb.
- apiGroups: ["integration-operator.io"]
  resources: ["integrations/probe"]
  verbs: ["create"]
# Users' Secrets are watched (metadata only) and read. The <integration>-credentials Secret is
# created, patched and deleted; the probe writes requested tokens to <integration>-token with
# update, which carries the resourceVersion.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# Model documents and CA bundles in ConfigMaps.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
# One Event per condition transition.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
# Generated Roles: watched, created, corrected with a patch and deleted when stale.
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
{{- end }}

{{/* Rules every executor needs in the namespaces it serves. */}}
{{- define "integration-operator.executorRules" -}}
- apiGroups: ["integration-operator.io"]
  resources: ["integrations", "integrationmodels"]
  verbs: ["get", "list", "watch"]
# The executor lists and watches only Secrets labelled integration-operator.io/integration and
# reads <integration>-credentials from them; it reads and writes <integration>-token with get
# and update, which carries the resourceVersion. RBAC cannot limit a list or watch by label, so
# this rule allows reading every Secret in the namespaces where it is bound: bind it only where
# that is acceptable.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "update"]
# Model documents kept in ConfigMaps (spec.documentFrom).
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get"]
{{- end }}

{{/* Rules for finding the ready executors of a gateway cluster, in the gateway namespace. */}}
{{- define "integration-operator.gatewayDiscoveryRules" -}}
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["discovery.k8s.io"]
  resources: ["endpointslices"]
  verbs: ["get", "list", "watch"]
{{- end }}
