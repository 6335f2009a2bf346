#!/usr/bin/env bash
# API fuzz test of `binhai serve` with schemathesis against docs/openapi.yaml: starts its own
# server from $BINHAI on a free loopback port with a fresh SQLite file, saves two what-ifs so the
# id routes have something to find, then runs schemathesis (coverage, fuzzing and stateful
# phases, a bounded number of examples per operation) with the checks
#   not_a_server_error, status_code_conformance, content_type_conformance,
#   response_headers_conformance, response_schema_conformance.
# Generated bodies also draw, with some probability, from a few real scenario texts (cheap:
# 500 draws, no variants) and shipped scenario ids, so that runs and saves are exercised too.
# Exits non-zero if schemathesis reports a failure; the server is stopped in every case.
#   BINHAI=path/to/binhai bash scripts/web-schemathesis.sh [VENV]   (VENV default .build/web-venv)
# Knobs: ST_MAX_EXAMPLES (default 25 per operation), ST_SEED (default fixed: reproducible runs;
# "random" for a new seed), ST_TIMEOUT (hard cap in seconds, default 600), ST_REPORTS (default
# junit; e.g. junit,har to keep every request and response). Reports and the server's log go to
# .build/web-schemathesis/.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BINHAI:?set BINHAI to the binhai binary}"
[ -x "$BINHAI" ] || { echo "FAIL: BINHAI=$BINHAI is not an executable file" >&2; exit 2; }
VENV=${1:-.build/web-venv}
if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r scripts/web-requirements.txt
fi
PY="$VENV/bin/python"
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-25}
SEED=${ST_SEED:-20240601}
HARD_TIMEOUT=${ST_TIMEOUT:-600}
REPORT_DIR=.build/web-schemathesis
mkdir -p "$REPORT_DIR"
rm -f "$REPORT_DIR"/junit-*.xml "$REPORT_DIR"/har-*.json "$REPORT_DIR"/server.log

tmp=$(mktemp -d "${TMPDIR:-/tmp}/binhai-schemathesis.XXXXXX")
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() { stop_server; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
started=$(date +%s)
# 20000 draws per case: the shipped scenarios (the `base` of a run or save) stay within the limit.
"$BINHAI" serve --port "$port" --db "$tmp/whatifs.sqlite" --max-draws 20000 --run-seconds 30 \
  >"$REPORT_DIR/server.log" 2>&1 </dev/null &
server_pid=$!

server_log() { echo "--- server log (last lines):" >&2; tail -30 "$REPORT_DIR/server.log" >&2 || true; }
health=""
for _ in $(seq 1 240); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "FAIL: the server exited before answering /api/v1/health" >&2; server_log; exit 1
  fi
  if health=$("$PY" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' \
      "$base/api/v1/health" 2>/dev/null); then break; fi
  health=""
  sleep 0.5
done
[ -n "$health" ] || { echo "FAIL: GET $base/api/v1/health did not answer within 120 s" >&2; server_log; exit 1; }
echo "server $base up: $health"

# Two saved what-ifs (ids for the {id} routes and compare), the config with the real scenario
# texts, and the headlines of the shipped scenarios computed once before the fuzzing starts.
BASE_URL="$base" TMP="$tmp" "$PY" - <<'EOF'
import json, os, sys, urllib.request, urllib.error
base, tmp = os.environ["BASE_URL"], os.environ["TMP"]

def scenario(id, seed, engine=""):
    return (f"id: {id}\n"
            f"title: {{zh: 模糊测试 {seed}, en: Fuzz test {seed}}}\n"
            "dataset: builtin:binhai-default\n"
            "plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}\n"
            "calibration: {trend: total, trend_years: [2019, 2020]}\n"
            f"engine: {{draws: 500, seed: {seed}{engine}}}\n")

texts = [
    scenario("fuzz-a", 1),
    scenario("fuzz-b", 2, ", sources: {foreign: {lead_rate: 0.5}}"),
    scenario("fuzz-c", 3).replace("draws: 500", "draws: lots"),         # a located problem (422)
    scenario("fuzz-d", 4).replace("draws: 500", "draws: 10000000"),     # over the server's limit (422)
    scenario("fuzz-e", 5).replace("target_year: 2025", "target_year: 2030"),
    "id: [unclosed\n",                                                  # not YAML
]

def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        sys.exit(f"FAIL: seeding POST {path} answered {e.code}: {e.read()[:500]!r}")

ids = []
for i, (text, base_id) in enumerate([(texts[0], None), (texts[1], "what-if-weak-fdi")]):
    body = {"name": f"fuzz seed {i + 1}", "author": "schemathesis", "yaml": text}
    if base_id:
        body["base"] = base_id
    status, saved = post("/api/v1/whatifs", body)
    if status != 201:
        sys.exit(f"FAIL: seeding POST /api/v1/whatifs answered {status}")
    ids.append(saved["id"])
with urllib.request.urlopen(base + "/api/v1/scenarios", timeout=600) as r:
    shipped = [s["id"] for s in json.loads(r.read())]

def toml(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string or list is a TOML one here

config = f"""
# Nothing kept between runs (no .schemathesis/ in the work tree).
[cache]
enabled = false

[dictionaries.scenarios]
values = {toml(texts)}
[dictionaries.shipped]
values = {toml(shipped[:2] + ["no-such-scenario"])}
[dictionaries.ids]
values = {toml(ids + [999999])}

[parameters]
"body.yaml" = {{ dictionary = "scenarios", probability = 0.5 }}
"body.base" = {{ dictionary = "shipped", probability = 0.7 }}
"path.id" = {{ dictionary = "ids", probability = 0.8 }}
"query.a" = {{ dictionary = "ids", probability = 0.8 }}
"query.b" = {{ dictionary = "ids", probability = 0.8 }}
"""
open(os.path.join(tmp, "schemathesis.toml"), "w").write(config)
print(f"seeded what-ifs {ids}; {len(shipped)} shipped scenarios")
EOF

seed_args=(--seed "$SEED")
[ "$SEED" = random ] && seed_args=()
echo "schemathesis: docs/openapi.yaml against $base, at most $MAX_EXAMPLES examples per operation"
set +e
# Hypothesis keeps its own files under $tmp, not in the work tree (.hypothesis/).
HYPOTHESIS_STORAGE_DIRECTORY="$tmp/hypothesis" timeout --signal=INT --kill-after=30 "$HARD_TIMEOUT" \
  "$VENV/bin/schemathesis" --config-file "$tmp/schemathesis.toml" --no-color run docs/openapi.yaml \
  --url "$base" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$MAX_EXAMPLES" "${seed_args[@]}" \
  --workers 2 --request-timeout 120 --generation-database none \
  --suppress-health-check too_slow,filter_too_much \
  --report "${ST_REPORTS:-junit}" --report-dir "$REPORT_DIR"
code=$?
set -e
stop_server
elapsed=$(( $(date +%s) - started ))
if [ "$code" -eq 124 ] || [ "$code" -eq 130 ]; then
  echo "FAIL: schemathesis did not finish within ${HARD_TIMEOUT} s" >&2; server_log; exit 1
fi
if [ "$code" -ne 0 ]; then
  echo "FAIL: schemathesis found problems (exit $code, ${elapsed} s; JUnit report in $REPORT_DIR)" >&2
  server_log
  exit 1
fi
echo "ok  schemathesis: no server errors, every response as docs/openapi.yaml says (${elapsed} s)"
