#!/usr/bin/env bash
# The web tests of `binhai serve`: the browser test (scripts/web-browser-test.py, headless
# Chromium through chromedriver) and the API fuzz test (scripts/web-schemathesis.sh, schemathesis
# against docs/openapi.yaml) and the live checks (scripts/web-live-checks.sh: Host header on
# loopback, bearer token). Each starts its own server from $BINHAI on a free loopback port.
# Makes the venv .build/web-venv from scripts/web-requirements.txt when it is missing (or the
# requirements changed).
# Needs: python3 (3.11) with venv, /usr/bin/chromium, /usr/bin/chromedriver.
#   BINHAI=path/to/binhai bash scripts/test-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BINHAI:?set BINHAI to the binhai binary (e.g. .build/debug/binhai)}"
[ -x "$BINHAI" ] || { echo "FAIL: BINHAI=$BINHAI is not an executable file" >&2; exit 2; }
VENV=.build/web-venv
# (Re)made when missing or when scripts/web-requirements.txt changed since it was made.
if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/schemathesis" ] || ! cmp -s scripts/web-requirements.txt "$VENV/requirements.txt"; then
  rm -rf "$VENV"
  mkdir -p .build
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/web-requirements.txt
  cp scripts/web-requirements.txt "$VENV/requirements.txt"
fi

passed=0
failed=0
results=()
part() {
  local name=$1; shift
  local t0=$SECONDS
  echo "### $name"
  if "$@"; then
    passed=$((passed + 1)); results+=("ok    $name ($((SECONDS - t0)) s)")
  else
    failed=$((failed + 1)); results+=("FAIL  $name ($((SECONDS - t0)) s)")
  fi
}
part "browser test" "$VENV/bin/python" scripts/web-browser-test.py
part "schemathesis" bash scripts/web-schemathesis.sh "$VENV"
part "live checks" bash scripts/web-live-checks.sh

echo "### summary"
printf '%s\n' "${results[@]}"
echo "web: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
