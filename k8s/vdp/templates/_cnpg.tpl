{{/*
A CloudNativePG Cluster pinned like every other pod: required China-region node affinity, spread over zones,
volumes only from the residency StorageClass. Call with (dict "root" $ "name" ... "component" ... "instances" ...
"size" ... "walSize" ... "resources" ... "bootstrap" ... "extraSpec" ...).
*/}}
{{- define "vdp.cnpgCluster" -}}
{{- $root := .root }}
{{- $ctx := dict "root" $root "component" .component }}
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: {{ .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "vdp.labels" $ctx | nindent 4 }}
spec:
  instances: {{ .instances }}
  imageName: {{ $root.Values.database.cnpg.imageName | quote }}
  {{- with $root.Values.image.pullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  primaryUpdateStrategy: unsupervised
  # The instance pods carry the chart's labels, so the NetworkPolicies select them.
  inheritedMetadata:
    labels:
      {{- include "vdp.labels" $ctx | nindent 6 }}
  {{- .bootstrap | trim | nindent 2 }}
  storage:
    storageClass: {{ $root.Values.residency.storageClass.name }}
    size: {{ .size }}
  {{- if .walSize }}
  walStorage:
    storageClass: {{ $root.Values.residency.storageClass.name }}
    size: {{ .walSize }}
  {{- end }}
  affinity:
    {{- include "vdp.regionNodeAffinity" $root | nindent 4 }}
    enablePodAntiAffinity: true
    topologyKey: kubernetes.io/hostname
    podAntiAffinityType: preferred
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: {{ $root.Values.residency.zoneLabel | quote }}
      whenUnsatisfiable: {{ $root.Values.residency.zoneSpread }}
      nodeAffinityPolicy: Honor
      labelSelector:
        matchLabels:
          cnpg.io/cluster: {{ .name }}
  resources:
    {{- toYaml .resources | nindent 4 }}
  {{- with .extraSpec }}
  {{- . | nindent 2 }}
  {{- end }}
{{- end }}

{{/*
NetworkPolicy of a CloudNativePG cluster: PostgreSQL from its clients and its own replicas; the operator's status
port; egress to DNS, its replicas and the Kubernetes API (the instance manager needs it).
*/}}
{{- define "vdp.cnpgNetworkPolicy" -}}
{{- $root := .root }}
{{- $ctx := dict "root" $root "component" .component }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "vdp.labels" $ctx | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      cnpg.io/cluster: {{ .name }}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        {{- range .clients }}
        - podSelector:
            matchLabels:
              {{- include "vdp.selectorLabels" (dict "root" $root "component" .) | nindent 14 }}
        {{- end }}
        - podSelector:
            matchLabels:
              cnpg.io/cluster: {{ .name }}
      ports:
        - { protocol: TCP, port: 5432 }
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $root.Values.database.cnpg.operatorNamespace }}
      ports:
        - { protocol: TCP, port: 8000 }
        - { protocol: TCP, port: 5432 }
  egress:
    {{- include "vdp.baseEgress" $root | nindent 4 }}
    - to:
        - podSelector:
            matchLabels:
              cnpg.io/cluster: {{ .name }}
      ports:
        - { protocol: TCP, port: 5432 }
        - { protocol: TCP, port: 8000 }
    {{- include "vdp.block" (dict "text" (include "vdp.apiServerEgress" $root) "n" 4) }}
{{- end }}
