{{/* Chart name, or nameOverride. */}}
{{- define "integration-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name: the release name, followed by the chart name unless the release name contains it. */}}
{{- define "integration-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "integration-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "integration-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one component; call with (dict "root" $ "component" "operator"). */}}
{{- define "integration-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "integration-operator.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Image reference; call with (dict "root" $ "repository" "..."). */}}
{{- define "integration-operator.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .repository $tag }}
{{- else }}
{{- printf "%s:%s" .repository $tag }}
{{- end }}
{{- end }}

{{- define "integration-operator.operatorServiceAccountName" -}}
{{- default (printf "%s-operator" (include "integration-operator.fullname" .)) .Values.operator.serviceAccount.name }}
{{- end }}

{{- define "integration-operator.executorServiceAccountName" -}}
{{- default (printf "%s-executor" (include "integration-operator.fullname" .)) .Values.executor.serviceAccount.name }}
{{- end }}

{{/* Namespaces that get namespaced RBAC rules: the watched ones, or none for a cluster-wide install. */}}
{{- define "integration-operator.namespaceScoped" -}}
{{- if .Values.watchNamespaces }}true{{ end }}
{{- end }}
