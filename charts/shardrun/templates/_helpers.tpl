{{/* Prefix of every object's name: the release name, unless it already contains "shardrun". */}}
{{- define "shardrun.fullname" -}}
{{- if contains "shardrun" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-shardrun" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "shardrun.operatorName" -}}
{{- include "shardrun.fullname" . }}-operator
{{- end -}}

{{- define "shardrun.labels" -}}
app.kubernetes.io/name: shardrun
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{- define "shardrun.operatorSelector" -}}
app.kubernetes.io/name: shardrun
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{- define "shardrun.image" -}}
{{- .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "shardrun.browserImage" -}}
{{- .Values.browserImage.repository }}:{{ .Values.browserImage.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Namespaces where TestRuns run: each gets the executor's ServiceAccount and Role. */}}
{{- define "shardrun.executorNamespaces" -}}
{{- $namespaces := .Values.executor.namespaces | default .Values.watchNamespaces | default (list .Release.Namespace) -}}
{{- toJson (uniq $namespaces) -}}
{{- end -}}

{{/* The operator's API permissions, the same cluster-wide (ClusterRole) or per namespace (Role). */}}
{{- define "shardrun.operatorRules" -}}
- apiGroups: ["shardrun.io"]
  resources: ["testruns"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["shardrun.io"]
  resources: ["testruns/status"]
  verbs: ["update"]
- apiGroups: ["shardrun.io"]
  resources: ["testruns"]
  verbs: ["create", "delete"]
- apiGroups: ["shardrun.io"]
  resources: ["testrunschedules"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["shardrun.io"]
  resources: ["testrunschedules/status"]
  verbs: ["update"]
- apiGroups: ["shardrun.io"]
  resources: ["testpipelines"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["shardrun.io"]
  resources: ["testpipelines/status"]
  verbs: ["update"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "create", "update", "patch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}
