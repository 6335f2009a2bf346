#!/usr/bin/env bash
# Executes every notebook in notebooks/*.ipynb headless (nbclient) against a built `binhai`.
#
#   BINHAI=/path/to/binhai bash scripts/run-notebooks.sh      # default BINHAI: .build/release/binhai
#
# - The binary is NOT built here (`make release` / `make test` do that); the script stops with a
#   clear message when it is missing.
# - A virtual environment is kept at .build/notebooks-venv and reused while notebooks/requirements.txt
#   (and the Python that made it) are unchanged: a hash of both is stored in the venv.
# - Executed copies go to .build/notebooks/, the figures (PNG) to .build/notebooks/figures/.
# - Exits non-zero when any cell of any notebook fails, naming the notebook and the cell; the last
#   line is `N passed, M failed` (notebooks).
#
# Environment: BINHAI (binary), PYTHON (interpreter for the venv, default python3),
# NOTEBOOK_CELL_TIMEOUT (seconds per cell, default 300), NOTEBOOK_DIR (default notebooks/),
# NOTEBOOK_VENV (default .build/notebooks-venv), NOTEBOOK_OUT (default .build/notebooks).
set -euo pipefail

CALLER_DIR=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$ROOT/$1" ;; esac; }

# Relative paths in the environment are taken relative to the caller's folder when they exist
# there, else relative to the repository.
resolve_from_caller() {
  local p=$1
  case "$p" in
    /*) printf '%s\n' "$p" ;;
    *) if [ -e "$CALLER_DIR/$p" ]; then printf '%s\n' "$CALLER_DIR/$p"; else abspath "$p"; fi ;;
  esac
}

BINHAI=$(resolve_from_caller "${BINHAI:-.build/release/binhai}")
NB_DIR=$(resolve_from_caller "${NOTEBOOK_DIR:-notebooks}")
VENV=$(abspath "${NOTEBOOK_VENV:-.build/notebooks-venv}")
OUT=$(abspath "${NOTEBOOK_OUT:-.build/notebooks}")
REQ="$ROOT/notebooks/requirements.txt"
PYTHON=${PYTHON:-python3}
TIMEOUT=${NOTEBOOK_CELL_TIMEOUT:-300}

if [ ! -x "$BINHAI" ]; then
  echo "run-notebooks: binhai binary not found or not executable: $BINHAI" >&2
  echo "  build it first (make release, or swift build -c release --product binhai)," >&2
  echo "  or point BINHAI at a built binary: BINHAI=/path/to/binhai bash scripts/run-notebooks.sh" >&2
  exit 2
fi
[ -f "$REQ" ] || { echo "run-notebooks: missing $REQ" >&2; exit 2; }
command -v "$PYTHON" >/dev/null 2>&1 || { echo "run-notebooks: $PYTHON not found (set PYTHON=...)" >&2; exit 2; }

shopt -s nullglob
notebooks=("$NB_DIR"/*.ipynb)
shopt -u nullglob
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "run-notebooks: no notebooks in $NB_DIR" >&2
  exit 2
fi

# --- the virtual environment -------------------------------------------------------------------
start=$(date +%s)
want_hash=$( { cat "$REQ"; "$PYTHON" -c 'import sys; print(sys.version)'; echo "$VENV"; } | sha256sum | cut -d' ' -f1)
stamp="$VENV/.requirements.sha256"
if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_hash" ] \
   && "$VENV/bin/python" -c 'import nbclient, nbformat, ipykernel' >/dev/null 2>&1; then
  echo "run-notebooks: reusing $VENV (requirements unchanged)"
else
  echo "run-notebooks: creating $VENV from $REQ"
  if [ -e "$VENV" ] && [ ! -f "$VENV/pyvenv.cfg" ]; then
    echo "run-notebooks: $VENV exists and is not a virtual environment; not touching it" >&2
    exit 2
  fi
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  if ! "$PYTHON" -m venv "$VENV"; then
    echo "run-notebooks: '$PYTHON -m venv' failed; on Debian install python3-venv (apt-get install -y python3-venv)" >&2
    exit 2
  fi
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQ"
  # The kernel the notebooks run in: python3 from this venv, registered inside the venv only.
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (BinhaiSim notebooks)" >/dev/null
  echo "$want_hash" > "$stamp"
fi
echo "run-notebooks: environment ready in $(( $(date +%s) - start )) s"

# --- execute ------------------------------------------------------------------------------------
mkdir -p "$OUT"
rm -rf "$OUT/figures" "$OUT"/*.ipynb       # only what an earlier run wrote
mkdir -p "$OUT/figures"

# Kernel specs from this venv come first (not a python3 kernel of the user's ~/.local).
export JUPYTER_PATH="$VENV/share/jupyter"
export JUPYTER_PREFER_ENV_PATH=1
export BINHAI
export BINHAI_NOTEBOOK_OUT="$OUT/figures"
export MPLCONFIGDIR="$VENV/.matplotlib"   # font cache kept with the venv
export PYDEVD_DISABLE_FILE_VALIDATION=1

"$VENV/bin/python" - "$OUT" "$TIMEOUT" "$VENV" "${notebooks[@]}" <<'PY'
import re, sys, time, pathlib, tempfile, shutil
import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from jupyter_client.kernelspec import KernelSpecManager

out = pathlib.Path(sys.argv[1]); timeout = int(sys.argv[2]); venv = pathlib.Path(sys.argv[3])
paths = [pathlib.Path(p) for p in sys.argv[4:]]

spec = KernelSpecManager().get_kernel_spec("python3")
kernel_python = pathlib.Path(spec.argv[0])
if not str(kernel_python).startswith(str(venv)):
    sys.exit(f"run-notebooks: kernel python3 is {kernel_python}, not the venv's python ({venv}/bin/python)")

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

def first_line(src):
    for line in src.splitlines():
        if line.strip():
            return line.strip()[:100]
    return "(empty)"

passed = failed = 0
t_all = time.monotonic()
for path in paths:
    nb = nbformat.read(path, as_version=4)
    # IPC transport (Unix sockets in a private temporary folder) rather than TCP on localhost.
    ipc_dir = tempfile.mkdtemp(prefix="binhai-nb-")
    km = KernelManager(kernel_name="python3", transport="ipc", ip=f"{ipc_dir}/kernel")
    client = NotebookClient(nb, km=km, timeout=timeout, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.monotonic()
    where = None; reason = None
    try:
        with client.setup_kernel(cleanup_kc=True):   # we made km: shut the kernel down afterwards
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                where = (index, cell)
                client.execute_cell(cell, index)
        where = None
    except CellTimeoutError as e:
        reason = f"timed out after {timeout} s"
    except CellExecutionError as e:
        reason = f"{e.ename}: {e.evalue}" if getattr(e, "ename", None) else str(e).strip().splitlines()[-1]
    except DeadKernelError as e:
        reason = f"kernel died: {e}"
    except Exception as e:  # setup failures (kernel did not start, ...)
        reason = f"{type(e).__name__}: {e}"
    shutil.rmtree(ipc_dir, ignore_errors=True)
    nbformat.write(nb, out / path.name)
    dt = time.monotonic() - t0
    if reason is None:
        passed += 1
        stderr = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        note = f" ({len(stderr)} stderr output(s), see {out / path.name})" if stderr else ""
        print(f"PASS {path.name} ({dt:.1f} s){note}", flush=True)
    else:
        failed += 1
        if where is not None:
            index, cell = where
            code_no = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
            print(f"FAIL {path.name}: cell {index + 1} (code cell {code_no}, starts `{first_line(cell.source)}`): {reason}", flush=True)
            for o in cell.get("outputs", []):
                if o.get("output_type") == "error":
                    print(ANSI.sub("", "\n".join(o.get("traceback", []))), flush=True)
        else:
            print(f"FAIL {path.name}: {reason}", flush=True)
        print(f"     executed copy: {out / path.name}", flush=True)

figs = sorted((out / "figures").glob("*.png"))
print(f"run-notebooks: {len(figs)} figure(s) in {out / 'figures'}; {time.monotonic() - t_all:.1f} s executing")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
