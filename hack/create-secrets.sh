#!/usr/bin/env bash
# Creates the Secrets `kubectl apply -k manifests` expects, with random credentials, in namespace
# video2mp3 (or $NAMESPACE). Existing Secrets are left alone. SMTP settings come from your environment.
# The namespace is applied declaratively from manifests/namespace.yaml (never `kubectl create`), so the
# later `kubectl apply -k manifests` finds it as its own and neither warns nor changes it.
set -euo pipefail
ns=${NAMESPACE:-video2mp3}
rand() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-32}"; }
sed "s/^  name: video2mp3$/  name: $ns/" "$(dirname "$0")/../manifests/namespace.yaml" | kubectl apply -f -
if ! kubectl -n "$ns" get secret video2mp3-secrets >/dev/null 2>&1; then
  mongo_user=video2mp3 mongo_pw=$(rand) rabbit_user=video2mp3 rabbit_pw=$(rand)
  kubectl -n "$ns" create secret generic video2mp3-secrets \
    --from-literal=JWT_SECRET="$(rand 64)" \
    --from-literal=DOWNLOAD_LINK_SECRET="$(rand)$(rand)" \
    --from-literal=ADMIN_PASSWORD="$(rand 20)" \
    --from-literal=MYSQL_PASSWORD="$(rand)" \
    --from-literal=MYSQL_ROOT_PASSWORD="$(rand)" \
    --from-literal=MONGODB_ROOT_USERNAME="$mongo_user" \
    --from-literal=MONGODB_ROOT_PASSWORD="$mongo_pw" \
    --from-literal=MONGODB_URI="mongodb://$mongo_user:$mongo_pw@mongodb:27017/video2mp3?authSource=admin" \
    --from-literal=RABBITMQ_USERNAME="$rabbit_user" \
    --from-literal=RABBITMQ_PASSWORD="$rabbit_pw" \
    --from-literal=RABBITMQ_URI="amqp://$rabbit_user:$rabbit_pw@rabbitmq:5672"
  echo "created secret $ns/video2mp3-secrets (admin password: kubectl -n $ns get secret video2mp3-secrets -o jsonpath='{.data.ADMIN_PASSWORD}' | base64 -d)"
fi
if [ -z "$(kubectl -n "$ns" get secret video2mp3-secrets -o jsonpath='{.data.DOWNLOAD_LINK_SECRET}')" ]; then
  # Installs from before signed mail links: add the key the gateway and the notifier share.
  kubectl -n "$ns" patch secret video2mp3-secrets --type merge -p "{\"stringData\":{\"DOWNLOAD_LINK_SECRET\":\"$(rand)$(rand)\"}}"
  echo "added DOWNLOAD_LINK_SECRET to secret $ns/video2mp3-secrets"
fi
if ! kubectl -n "$ns" get secret video2mp3-smtp >/dev/null 2>&1; then
  : "${SMTP_HOST:?set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURITY, SMTP_FROM) for the notifier}"
  kubectl -n "$ns" create secret generic video2mp3-smtp \
    --from-literal=SMTP_HOST="$SMTP_HOST" --from-literal=SMTP_PORT="${SMTP_PORT:-587}" \
    --from-literal=SMTP_USER="${SMTP_USER:-}" --from-literal=SMTP_PASSWORD="${SMTP_PASSWORD:-}" \
    --from-literal=SMTP_SECURITY="${SMTP_SECURITY:-starttls}" --from-literal=SMTP_FROM="${SMTP_FROM:-video2mp3@localhost}"
  echo "created secret $ns/video2mp3-smtp"
fi
