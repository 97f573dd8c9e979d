{{/*
Per-service settings. "config" goes into the service's ConfigMap (plain values only); "env" holds what must not
be plain text (secretKeyRef) or comes from the pod (downward API); "mounts"/"volumes" the files from Secrets.
Variable names are exactly those of ENV_CONTRACT.md.
*/}}

{{- define "vdp.storage.config" -}}
{{- $db := include "vdp.dbCluster" . }}
{{- if eq .Values.database.mode "cnpg" }}
VDP_DB_URL: {{ printf "jdbc:postgresql://%s-rw.%s.svc:5432/%s?sslmode=verify-full&sslrootcert=/etc/vdp/db-ca/ca.crt" $db .Release.Namespace .Values.database.name | quote }}
{{- else }}
VDP_DB_URL: {{ .Values.database.external.jdbcUrl | quote }}
{{- end }}
VDP_ALLOWED_REGIONS: {{ join "," .Values.residency.regions | quote }}
STORAGE_RESIDENCY_REGION_LABEL: {{ .Values.residency.regionLabel | quote }}
VDP_EXPORT_SIGNING_KEY_FILE: {{ printf "/etc/vdp/export-signing/%s" .Values.storage.exportSigningKeySecret.key | quote }}
{{- end }}

{{- define "vdp.storage.env" -}}
{{- $owner := dict "name" .Values.database.cnpg.ownerSecret "key" "password" }}
{{- $app := dict "name" .Values.database.cnpg.appSecret "key" "password" }}
{{- if eq .Values.database.mode "external" }}
{{- $owner = .Values.database.external.ownerPasswordSecret }}
{{- $app = .Values.database.external.appPasswordSecret }}
{{- end }}
- name: VDP_DB_APP_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $app.name }}, key: {{ $app.key }} }
- name: VDP_DB_OWNER_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $owner.name }}, key: {{ $owner.key }} }
# Residency: the region is read from this node's label through the Kubernetes API.
- name: NODE_NAME
  valueFrom:
    fieldRef: { fieldPath: spec.nodeName }
{{- end }}

{{- define "vdp.storage.mounts" -}}
- { name: export-signing-key, mountPath: /etc/vdp/export-signing, readOnly: true }
{{- if eq .Values.database.mode "cnpg" }}
- { name: db-ca, mountPath: /etc/vdp/db-ca, readOnly: true }
{{- end }}
{{- end }}

{{- define "vdp.storage.volumes" -}}
- name: export-signing-key
  secret:
    secretName: {{ .Values.storage.exportSigningKeySecret.name }}
    defaultMode: 0400
    items:
      - { key: {{ .Values.storage.exportSigningKeySecret.key | quote }}, path: {{ .Values.storage.exportSigningKeySecret.key | quote }} }
{{- if eq .Values.database.mode "cnpg" }}
- name: db-ca
  secret:
    # Created by CloudNativePG for the cluster; lets the JDBC driver verify the server (sslmode=verify-full).
    secretName: {{ include "vdp.dbCluster" . }}-ca
    defaultMode: 0444
    items:
      - { key: ca.crt, path: ca.crt }
{{- end }}
{{- end }}

{{- define "vdp.ingest.config" -}}
VDP_STORAGE_URL: {{ include "vdp.storageUrl" . | quote }}
VDP_INGEST_CLIENT_ID: {{ .Values.ingest.clientId | quote }}
VDP_TLS_CERT_FILE: /etc/vdp/tls/tls.crt
VDP_TLS_KEY_FILE: /etc/vdp/tls/tls.key
VDP_FLEET_CA_FILE: {{ printf "/etc/vdp/fleet-ca/%s" .Values.ingest.fleetCaSecret.key | quote }}
{{- end }}

{{- define "vdp.ingest.env" -}}
- name: VDP_INGEST_CLIENT_SECRET
  valueFrom:
    secretKeyRef: { name: {{ .Values.ingest.clientSecret.name }}, key: {{ .Values.ingest.clientSecret.key }} }
{{- end }}

{{- define "vdp.ingest.mounts" -}}
- { name: tls, mountPath: /etc/vdp/tls, readOnly: true }
- { name: fleet-ca, mountPath: /etc/vdp/fleet-ca, readOnly: true }
{{- end }}

{{- define "vdp.ingest.volumes" -}}
- name: tls
  secret:
    secretName: {{ .Values.ingest.tlsSecret }}
    defaultMode: 0400
    items:
      - { key: tls.crt, path: tls.crt }
      - { key: tls.key, path: tls.key }
- name: fleet-ca
  secret:
    secretName: {{ .Values.ingest.fleetCaSecret.name }}
    defaultMode: 0444
    items:
      - { key: {{ .Values.ingest.fleetCaSecret.key | quote }}, path: {{ .Values.ingest.fleetCaSecret.key | quote }} }
{{- end }}

{{- define "vdp.portal.config" -}}
VDP_STORAGE_URL: {{ include "vdp.storageUrl" . | quote }}
VDP_PORTAL_CLIENT_ID: {{ .Values.portal.clientId | quote }}
{{- end }}

{{- define "vdp.portal.env" -}}
- name: VDP_PORTAL_CLIENT_SECRET
  valueFrom:
    secretKeyRef: { name: {{ .Values.portal.clientSecret.name }}, key: {{ .Values.portal.clientSecret.key }} }
{{- end }}

{{- define "vdp.portal.mounts" -}}
{{- end }}

{{- define "vdp.portal.volumes" -}}
{{- end }}
