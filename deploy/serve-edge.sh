#!/usr/bin/env bash
# `make serve-edge`: Varnish on EDGE_PORT (default 8080) in front of `make serve` on PORT (8000).
# The app servers purge Varnish through Wagtail's frontend cache (FRONTEND_CACHE_VARNISH_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
EDGE_PORT="${EDGE_PORT:-8080}"
WORKDIR="${VARNISH_WORKDIR:-/tmp/newsroom-varnish-$EDGE_PORT}"
VARNISHD="${VARNISHD:-$(command -v varnishd || echo /usr/sbin/varnishd)}"
[ -x "$VARNISHD" ] || { echo "varnishd not found: apt-get install varnish" >&2; exit 1; }

mkdir -p "$WORKDIR"
# The VCL names the backend port; render it for this PORT.
sed "s/\.port = \"8000\";/.port = \"$PORT\";/" deploy/varnish/default.vcl >"$WORKDIR/default.vcl"

export FRONTEND_CACHE_VARNISH_URL="${FRONTEND_CACHE_VARNISH_URL:-http://127.0.0.1:$EDGE_PORT}"
# Varnish adds X-Forwarded-For: the comment flood limit must count the reader, not Varnish.
export TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1,::1}"

set -m  # each server gets its own process group, so each can be stopped as a whole
make serve PORT="$PORT" &
app=$!
"$VARNISHD" -F -a "127.0.0.1:$EDGE_PORT" -f "$WORKDIR/default.vcl" -n "$WORKDIR" \
  -s "malloc,${VARNISH_MEMORY:-256m}" &
edge=$!
stop() {
  trap - EXIT INT TERM
  kill -TERM -- -"$edge" -"$app" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
echo "Varnish on http://127.0.0.1:$EDGE_PORT/ in front of the app on 127.0.0.1:$PORT (Ctrl-C stops both)"
wait -n  # when either one stops, stop the other
