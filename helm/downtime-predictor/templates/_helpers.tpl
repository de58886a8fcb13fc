{{/* The chart's name, or nameOverride. */}}
{{- define "downtime-predictor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every resource name: the release name, plus the chart name unless the release name contains it.
Truncated to 53 characters so that Service names, at most 63, fit "-collector" and "-predictor", the longest suffixes.
*/}}
{{- define "downtime-predictor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 53 | trimSuffix "-" }}
{{- else }}
{{- $name := include "downtime-predictor.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 53 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 53 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The four services: the Maven module each image is built from and the port it listens on (the port of its
application.properties, so the images need no port setting).
*/}}
{{- define "downtime-predictor.components" -}}
collector: {module: collector-service, port: 8081}
features: {module: feature-service, port: 8082}
predictor: {module: predictor-service, port: 8083}
web: {module: web-frontend, port: 8080}
{{- end }}

{{/* Name of a component's resources. Call with (dict "root" $ "component" "collector"). */}}
{{- define "downtime-predictor.componentName" -}}
{{ include "downtime-predictor.fullname" .root }}-{{ .component }}
{{- end }}

{{/* Labels that select a component's pods and Service. Call with (dict "root" $ "component" "collector"). */}}
{{- define "downtime-predictor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "downtime-predictor.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{/* Labels of every resource. Call with (dict "root" $ "component" "collector"), component optional. */}}
{{- define "downtime-predictor.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "downtime-predictor.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "downtime-predictor.name" .root }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* Labels for kube-prometheus-stack's selectors: its Prometheus picks ServiceMonitors and rules by `release`. */}}
{{- define "downtime-predictor.monitoringLabels" -}}
{{ include "downtime-predictor.labels" . }}
release: {{ .root.Values.prometheus.release | quote }}
{{- end }}

{{- define "downtime-predictor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "downtime-predictor.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "downtime-predictor.adminTokenSecret" -}}
{{- default (printf "%s-admin-token" (include "downtime-predictor.fullname" .)) .Values.adminToken.existingSecret }}
{{- end }}

{{/* URL of a component's Service inside the cluster. Call with (dict "root" $ "component" "collector"). */}}
{{- define "downtime-predictor.serviceUrl" -}}
{{- $port := get (get (include "downtime-predictor.components" .root | fromYaml) .component) "port" -}}
http://{{ include "downtime-predictor.componentName" . }}:{{ $port }}
{{- end }}

{{/* A component's URL from another namespace (Alertmanager's). Call with (dict "root" $ "component" "collector"). */}}
{{- define "downtime-predictor.clusterServiceUrl" -}}
{{- $port := get (get (include "downtime-predictor.components" .root | fromYaml) .component) "port" -}}
http://{{ include "downtime-predictor.componentName" . }}.{{ .root.Release.Namespace }}.svc:{{ $port }}
{{- end }}

{{- define "downtime-predictor.prometheusNamespace" -}}
{{- default .Release.Namespace .Values.prometheus.namespace }}
{{- end }}

{{/*
The Prometheus the collector reads: collector.prometheus.url, else the Service kube-prometheus-stack creates for its
Prometheus, named as that chart names it (its full name is truncated to 26 characters).
*/}}
{{- define "downtime-predictor.prometheusUrl" -}}
{{- if .Values.collector.prometheus.url }}
{{- .Values.collector.prometheus.url }}
{{- else }}
{{- $release := .Values.prometheus.release }}
{{- $stack := ternary $release (printf "%s-kube-prometheus-stack" $release) (contains "kube-prometheus-stack" $release) | trunc 26 | trimSuffix "-" }}
{{- printf "http://%s-prometheus.%s.svc:9090" $stack (include "downtime-predictor.prometheusNamespace" .) }}
{{- end }}
{{- end }}

{{/*
PromQL label matchers of a component's series as kube-prometheus-stack scrapes them: its ServiceMonitor names the job
after the Service. Call with (dict "root" $ "component" "predictor").
*/}}
{{- define "downtime-predictor.seriesSelector" -}}
job="{{ include "downtime-predictor.componentName" . }}",namespace="{{ .root.Release.Namespace }}"
{{- end }}

{{/* A properties file from a map, backslashes escaped as the format requires. */}}
{{- define "downtime-predictor.properties" -}}
{{- range $key, $value := . }}
{{ $key }}={{ toString $value | replace "\\" "\\\\" }}
{{- end }}
{{- end }}
