{{/* Names and labels (helm create conventions). */}}
{{- define "vdp.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vdp.fullname" -}}
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

{{- define "vdp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object; call with (dict "root" $ "component" "storage"). */}}
{{- define "vdp.labels" -}}
helm.sh/chart: {{ include "vdp.chart" .root }}
{{ include "vdp.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: vdp
{{- end }}

{{- define "vdp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vdp.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Object name of a component: <fullname>-<component>. */}}
{{- define "vdp.componentName" -}}
{{- printf "%s-%s" (include "vdp.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The three services and their fixed ports (DESIGN.md). "scheme" is what the API port speaks; ingest-service
terminates the cars' mutual TLS itself.
*/}}
{{- define "vdp.services" -}}
storage: { app: storage-service, port: 8082, managementPort: 9082, scheme: HTTP }
ingest: { app: ingest-service, port: 8443, managementPort: 9081, scheme: HTTPS }
portal: { app: owner-portal-service, port: 8080, managementPort: 9080, scheme: HTTP }
{{- end }}

{{- define "vdp.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .repository (default .root.Chart.AppVersion .root.Values.image.tag) }}
{{- end }}

{{/* The CloudNativePG clusters: the platform's database and Keycloak's. */}}
{{- define "vdp.dbCluster" -}}
{{- printf "%s-db" (include "vdp.fullname" .) }}
{{- end }}
{{- define "vdp.keycloakDbCluster" -}}
{{- printf "%s-keycloak-db" (include "vdp.fullname" .) }}
{{- end }}

{{/* Realm URL the services use: the external issuer, or Keycloak's in-cluster Service (back channel). */}}
{{- define "vdp.oidcIssuer" -}}
{{- if eq .Values.oidc.mode "keycloak" }}
{{- printf "http://%s.%s.svc:8080/realms/vdp" (include "vdp.componentName" (dict "root" . "component" "keycloak")) .Release.Namespace }}
{{- else }}
{{- .Values.oidc.external.issuerUrl }}
{{- end }}
{{- end }}

{{/*
Residency, part 1: the required node affinity. Exactly one node selector term, so that no other term can add
nodes outside the regions (terms are ORed).
*/}}
{{- define "vdp.regionNodeAffinity" -}}
nodeAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    nodeSelectorTerms:
      - matchExpressions:
          - key: {{ .Values.residency.regionLabel | quote }}
            operator: In
            values:
              {{- toYaml .Values.residency.regions | nindent 14 }}
{{- end }}

{{/* Residency, part 2: spread over the zones of those regions (only China nodes count, by the affinity). */}}
{{- define "vdp.topologySpread" -}}
- maxSkew: 1
  topologyKey: {{ .root.Values.residency.zoneLabel | quote }}
  whenUnsatisfiable: {{ .root.Values.residency.zoneSpread }}
  nodeAffinityPolicy: Honor
  labelSelector:
    matchLabels:
      {{- include "vdp.selectorLabels" . | nindent 6 }}
- maxSkew: 1
  topologyKey: kubernetes.io/hostname
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "vdp.selectorLabels" . | nindent 6 }}
{{- end }}

{{/* Pod security (restricted profile); not configurable on purpose. */}}
{{- define "vdp.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "vdp.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Probes on the management port (/q/health), which needs neither token nor client certificate. */}}
{{- define "vdp.probes" -}}
startupProbe:
  httpGet: { path: /q/health/started, port: management }
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /q/health/live, port: management }
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: { path: /q/health/ready, port: management }
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{/* Plain settings every service reads (ENV_CONTRACT.md); they go into each service's ConfigMap. */}}
{{- define "vdp.commonConfig" -}}
QUARKUS_PROFILE: prod
VDP_OIDC_ISSUER: {{ include "vdp.oidcIssuer" . | quote }}
{{- with .Values.observability.otel.endpoint }}
VDP_OTEL_ENDPOINT: {{ . | quote }}
{{- end }}
{{- end }}

{{- define "vdp.storageUrl" -}}
{{- printf "http://%s.%s.svc:8082" (include "vdp.componentName" (dict "root" . "component" "storage")) .Release.Namespace }}
{{- end }}

{{/* A NetworkPolicy peer for pods given by namespace and labels. */}}
{{- define "vdp.peer" -}}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .namespace }}
  podSelector:
    matchLabels:
      {{- toYaml .podLabels | nindent 6 }}
{{- end }}

{{/* Egress every pod of the chart needs: DNS, and the trace collector when one is configured. */}}
{{- define "vdp.baseEgress" -}}
- to:
    {{- include "vdp.peer" .Values.networkPolicy.dns | nindent 4 }}
  ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
{{- if .Values.observability.otel.endpoint }}
- to:
    {{- include "vdp.peer" .Values.observability.otel.collector | nindent 4 }}
  ports:
    - { protocol: TCP, port: {{ .Values.observability.otel.collector.port }} }
{{- end }}
{{- end }}

{{/* Egress to the OIDC provider: Keycloak's pods, or only the configured addresses of the external one. */}}
{{- define "vdp.oidcEgress" -}}
{{- if eq .Values.oidc.mode "keycloak" }}
- to:
    - podSelector:
        matchLabels:
          {{- include "vdp.selectorLabels" (dict "root" . "component" "keycloak") | nindent 10 }}
  ports:
    - { protocol: TCP, port: 8080 }
{{- else if .Values.oidc.external.egressCidrs }}
- to:
    {{- range .Values.oidc.external.egressCidrs }}
    - ipBlock: { cidr: {{ . | quote }} }
    {{- end }}
  ports:
    - { protocol: TCP, port: {{ .Values.oidc.external.port }} }
{{- end }}
{{- end }}

{{/* Egress to the Kubernetes API server (storage-service reads its node; CloudNativePG instances). */}}
{{- define "vdp.apiServerEgress" -}}
{{- if .Values.residency.apiServer.cidrs }}
- to:
    {{- range .Values.residency.apiServer.cidrs }}
    - ipBlock: { cidr: {{ . | quote }} }
    {{- end }}
  ports:
    - { protocol: TCP, port: {{ .Values.residency.apiServer.port }} }
{{- end }}
{{- end }}

{{/* Ingress to a management port from Prometheus, when it scrapes. */}}
{{- define "vdp.scrapeIngress" -}}
{{- if .root.Values.observability.serviceMonitor.enabled }}
- from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .root.Values.observability.serviceMonitor.prometheusNamespace }}
  ports:
    - { protocol: TCP, port: {{ .port }} }
{{- end }}
{{- end }}

{{/*
Settings that would silently take data out of the allowed regions are refused at render time (the schema
checks shapes; these are the rules between values).
*/}}
{{- define "vdp.validate" -}}
{{- $regions := .Values.residency.regions }}
{{- if and (eq .Values.database.mode "external") (not (has .Values.database.external.region $regions)) }}
{{- fail (printf "database.external.region %q must be one of residency.regions %v" .Values.database.external.region $regions) }}
{{- end }}
{{- if and (eq .Values.database.mode "external") (not .Values.database.external.jdbcUrl) }}
{{- fail "database.external.jdbcUrl is required when database.mode is external" }}
{{- end }}
{{- if and (eq .Values.database.mode "external") (not .Values.database.external.egressCidrs) }}
{{- fail "database.external.egressCidrs is required when database.mode is external (egress is denied otherwise)" }}
{{- end }}
{{- if and (eq .Values.oidc.mode "external") (not (has .Values.oidc.external.region $regions)) }}
{{- fail (printf "oidc.external.region %q must be one of residency.regions %v" .Values.oidc.external.region $regions) }}
{{- end }}
{{- range $name := list "storage" "ingest" "portal" }}
{{- $a := (index $.Values $name).autoscaling }}
{{- if and $a.enabled (gt (int $a.minReplicas) (int $a.maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas must not exceed maxReplicas" $name) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Indents a block and drops it entirely when it is empty (no blank lines in the output). */}}
{{- define "vdp.block" -}}
{{- if trim .text }}{{ trim .text | nindent .n }}{{ end }}
{{- end }}
