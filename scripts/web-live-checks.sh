#!/usr/bin/env bash
# What the router tests cannot see (they always send authority "localhost"): a live `binhai serve`
# on loopback refuses a foreign Host header (421, DNS rebinding), and a server started with a token
# refuses a request without it (401) and takes it as a bearer token. Part of scripts/test-web.sh.
#   BINHAI=path/to/binhai bash scripts/web-live-checks.sh
set -euo pipefail
: "${BINHAI:?set BINHAI to the binhai binary}"
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

# Starts `binhai serve --port 0 ARGS…` and sets $port from the line it prints.
start() {
  "$BINHAI" serve --port 0 "$@" > "$tmp/out.log" 2> "$tmp/err.log" &
  pid=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's|^BinhaiSim web page: http://[^:]*:\([0-9]*\)/.*|\1|p' "$tmp/err.log" | head -1)
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/err.log" >&2; return 1; }
    sleep 0.1
  done
  echo "FAIL: the server printed no address" >&2; return 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
expect() {  # expect STATUS curl-args…
  local want=$1; shift
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [ "$got" = "$want" ] || { echo "FAIL: curl $* → $got, expected $want" >&2; exit 1; }
  echo "ok  $want  curl $*"
}

start
expect 200 "http://127.0.0.1:$port/api/v1/health"
expect 200 -H "Host: localhost:$port" "http://127.0.0.1:$port/api/v1/health"
expect 421 -H "Host: evil.example:$port" "http://127.0.0.1:$port/api/v1/health"
stop

start --token live-check-token
expect 401 "http://127.0.0.1:$port/api/v1/health"
expect 401 -H "Authorization: Bearer wrong" "http://127.0.0.1:$port/"
expect 200 -H "Authorization: Bearer live-check-token" "http://127.0.0.1:$port/api/v1/health"
expect 302 "http://127.0.0.1:$port/?token=live-check-token"
stop
echo "web live checks passed"
