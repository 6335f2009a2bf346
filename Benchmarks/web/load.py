#!/usr/bin/env python3
"""Latency benchmark of `binhai serve`: the what-if editor (POST /edit) under 1, 4 and 16 users.

Standard library only (asyncio streams speaking HTTP/1.1 with `Connection: close`, one TCP
connection per request, loopback only). See Benchmarks/web/README.md.

    python3 Benchmarks/web/load.py                  # starts $BINHAI serve on a free port, temp db
    python3 Benchmarks/web/load.py --quick          # 3 / 2 / 1 requests per user (debug builds)
    python3 Benchmarks/web/load.py --url http://127.0.0.1:8080   # a server that is already running

What it does:
  1. starts `BINHAI serve --port P --db TMP/whatifs.db` (P a free port, its output in
     OUT_DIR/server.log) unless --url is given; waits for GET /api/v1/health to answer, then until
     the server is idle (running = waiting = 0 on 3 probes in a row: at start it computes the
     shipped scenarios' headlines in the background);
  2. two warm-up requests, one after the other (not in the statistics);
  3. for U in 1, 4, 16 users: U users, each sending its next POST /edit as soon as its previous
     answer has arrived, R requests each (default 20, 8, 4; --quick 3, 2, 1); meanwhile
     GET /api/v1/health every 100 ms. Every request carries a different scenario text (its
     `seed:` is 1000 + the request's number, warm-ups included), since the server caches runs by
     exact text;
  4. writes OUT_DIR/results.json (default Benchmarks/out/web/) and prints a Markdown table and
     PASS/FAIL per goal; stops the server (SIGTERM, SIGKILL after 20 s) whatever happens.

Latency of a what-if: from opening the connection (the request is written right after) to the
last byte of the answer's body. A request is an error unless its status is 200 and the page
contains id="p-target-met" (429, 422, 503, a timeout or a broken connection are errors; the
statistics of latency are over the requests that succeeded). Percentiles are nearest-rank on the
sorted list: the p-th percentile of n values is the ceil(p/100 · n)-th smallest. Throughput is
successful requests / wall time of the level (first send to last answer).

Exit status: 0 when the run completed (whatever the goals say; they are printed), 1 when it could
not run (server did not start, scenario invalid, ...); with --strict, 1 also when a goal fails.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import html
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
ROOT = BENCH.parent

DEFAULT_PLAN = {1: 20, 4: 8, 16: 4}   # users -> requests per user
QUICK_PLAN = {1: 3, 4: 2, 16: 1}
HEALTH_PERIOD = 0.100                  # s between health probes (start to start)
SEED_BASE = 1000

# Goals of the issue.
GOAL_P99_ONE_USER = 1.0                # s, what-if p99 with 1 user
GOAL_HEALTH_P99_16 = 0.050             # s, health p99 with 16 users (and no error)


class BenchError(Exception):
    """The benchmark cannot go on (server did not start, bad scenario, ...)."""


# --------------------------------------------------------------------------------------------
# HTTP/1.1 over asyncio streams


class Reply:
    __slots__ = ("status", "reason", "headers", "body", "t_start", "t_first", "t_end", "error")

    def __init__(self) -> None:
        self.status = 0
        self.reason = ""
        self.headers: dict[str, str] = {}
        self.body = b""
        self.t_start = 0.0
        self.t_first = 0.0   # first byte of the answer
        self.t_end = 0.0     # last byte of the body
        self.error = ""      # transport problem (timeout, reset, malformed answer)

    @property
    def latency(self) -> float:
        return self.t_end - self.t_start


async def _exchange(r: Reply, streams: list, host: str, port: int, method: str, path: str, body: bytes,
                    content_type: str | None) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    streams.append(writer)
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    head = [f"{method} {path} HTTP/1.1", f"Host: {authority}", "User-Agent: binhai-web-bench/1",
            "Accept: */*", "Connection: close"]
    if body or method == "POST":
        head.append(f"Content-Length: {len(body)}")
        if content_type:
            head.append(f"Content-Type: {content_type}")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
    await writer.drain()
    status_line = await reader.readline()
    r.t_first = time.perf_counter()
    if not status_line:
        raise ConnectionError("connection closed before an answer")
    parts = status_line.decode("latin-1").rstrip("\r\n").split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise ConnectionError(f"malformed status line {status_line[:80]!r}")
    r.status = int(parts[1])
    r.reason = parts[2] if len(parts) > 2 else ""
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n"):
            break
        if not line:
            raise ConnectionError("connection closed inside the headers")
        k, _, v = line.decode("latin-1").partition(":")
        r.headers[k.strip().lower()] = v.strip()
    if method == "HEAD" or r.status in (204, 304) or 100 <= r.status < 200:
        r.body = b""
    elif "chunked" in r.headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size_line = await reader.readline()
            if not size_line:
                raise ConnectionError("connection closed inside a chunked body")
            size = int(size_line.split(b";")[0].strip(), 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass   # trailers
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        r.body = b"".join(chunks)
    elif "content-length" in r.headers:
        r.body = await reader.readexactly(int(r.headers["content-length"]))
    else:
        r.body = await reader.read()   # until the server closes
    r.t_end = time.perf_counter()


async def http_request(host: str, port: int, method: str, path: str, body: bytes = b"",
                       content_type: str | None = None, timeout: float = 600.0) -> Reply:
    """One request on a new connection (`Connection: close`); never raises for transport errors."""
    r = Reply()
    streams: list = []
    r.t_start = time.perf_counter()
    try:
        await asyncio.wait_for(_exchange(r, streams, host, port, method, path, body, content_type), timeout)
    except asyncio.TimeoutError:
        r.error = f"timeout after {timeout:g} s"
    except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as e:
        r.error = f"{type(e).__name__}: {e}"
    finally:
        if r.t_end == 0.0:
            r.t_end = time.perf_counter()
        for writer in streams:
            writer.close()
            try:
                await asyncio.wait_for(writer.wait_closed(), 1.0)
            except Exception:  # noqa: BLE001 (closing a broken connection)
                pass
    return r


# --------------------------------------------------------------------------------------------
# Statistics


def nearest_rank(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile: the ceil(p/100 · n)-th smallest value (p in (0, 100])."""
    if not values:
        return None
    s = sorted(values)
    k = max(1, math.ceil(p / 100.0 * len(s)))
    return s[min(k, len(s)) - 1]


def summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50": nearest_rank(values, 50), "p90": nearest_rank(values, 90), "p99": nearest_rank(values, 99),
        "max": max(values) if values else None,
        "mean": sum(values) / len(values) if values else None,
        "min": min(values) if values else None,
    }


def cpu_busy(seconds: float = 1.0) -> float:
    """Share (%) of CPU time used by anything on the machine during the next `seconds` (/proc/stat)."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
        return v[3] + v[4], sum(v)
    try:
        i0, t0 = sample()
        time.sleep(seconds)
        i1, t1 = sample()
    except OSError:
        return float("nan")
    tot = t1 - t0
    return 100.0 * (tot - (i1 - i0)) / tot if tot > 0 else 0.0


# --------------------------------------------------------------------------------------------
# The scenario text of request n


class Scenario:
    SEED = re.compile(r"^(?P<indent>[ \t]+)seed:[ \t]*\d+[ \t]*(?P<comment>#.*)?$", re.MULTILINE)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        matches = list(self.SEED.finditer(self.text))
        if len(matches) != 1:
            raise BenchError(f"{path}: expected exactly one indented `seed: N` line (engine.seed), found {len(matches)}")
        self._match = matches[0]
        m = re.search(r"^[ \t]+draws:[ \t]*([0-9_]+)", self.text, re.MULTILINE)
        self.draws = int(m.group(1).replace("_", "")) if m else None

    def with_seed(self, seed: int) -> str:
        m = self._match
        return self.text[:m.start()] + f"{m.group('indent')}seed: {seed}" + self.text[m.end():]

    def form(self, seed: int) -> bytes:
        text = self.with_seed(seed)
        return urllib.parse.urlencode(
            [("mode", "yaml"), ("yamlEdit", text), ("yaml", text), ("action", "run"), ("lang", "en"), ("base", "")]
        ).encode("ascii")


PROBLEMS = re.compile(r'<div class="problems" id="problems"[^>]*>(.*?)</div>', re.S)


def page_problem(body: bytes) -> str:
    """The first lines of the page's #problems block (422/429/503 pages), as plain text."""
    m = PROBLEMS.search(body.decode("utf-8", "replace"))
    if not m:
        return ""
    items = re.findall(r"<li>(.*?)</li>", m.group(1), re.S)
    text = " | ".join(html.unescape(re.sub(r"<[^>]+>", "", i)).strip() for i in items[:3])
    return text[:400]


# --------------------------------------------------------------------------------------------
# The server


def _die_with_parent() -> None:
    """In the child before exec: PR_SET_PDEATHSIG = SIGTERM (Linux; elsewhere nothing)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)   # 1 = PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`BINHAI serve` started by this script (or a running one given by --url)."""

    def __init__(self, binhai: str | None, url: str | None, log_path: Path, extra_args: list[str]) -> None:
        self.binhai = binhai
        self.proc: subprocess.Popen | None = None
        self.tmp: str | None = None
        self.log_path = log_path
        self.extra_args = extra_args
        self.stop_seconds: float | None = None
        self.exit_code: int | None = None
        if url:
            u = urllib.parse.urlsplit(url)
            if u.scheme != "http" or not u.hostname:
                raise BenchError(f"--url {url}: expected http://HOST:PORT")
            if u.hostname not in ("127.0.0.1", "localhost", "::1"):
                raise BenchError(f"--url {url}: this benchmark talks to loopback only")
            self.host, self.port = u.hostname, u.port or 80
        else:
            self.host, self.port = "127.0.0.1", free_port()

    def start(self) -> None:
        if self.binhai is None:
            return
        if not (os.path.isfile(self.binhai) and os.access(self.binhai, os.X_OK)):
            raise BenchError(f"no executable binhai at {self.binhai} (set BINHAI or --binhai)")
        self.tmp = tempfile.mkdtemp(prefix="binhai-web-bench-")
        cmd = [self.binhai, "serve", "--port", str(self.port), "--db", os.path.join(self.tmp, "whatifs.db"), *self.extra_args]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        log.write(("# " + " ".join(cmd) + "\n").encode())
        log.flush()
        # Its own session (a Ctrl-C reaches this script, which stops it), and on Linux SIGTERM when
        # this script dies without stopping it (even by SIGKILL).
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True, preexec_fn=_die_with_parent)
        log.close()

    def check_alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            raise BenchError(f"the server exited with status {self.proc.returncode}; its output:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 20 s; only the process this script started."""
        if self.proc is not None:
            if self.proc.poll() is None:
                t0 = time.perf_counter()
                try:
                    self.proc.send_signal(signal.SIGTERM)
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    print("server did not stop within 20 s of SIGTERM; sending SIGKILL", file=sys.stderr)
                    self.proc.kill()
                    self.proc.wait()
                except ProcessLookupError:
                    pass
                self.stop_seconds = time.perf_counter() - t0
            self.exit_code = self.proc.returncode
            self.proc = None
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def version(self) -> str:
        if not self.binhai:
            return "(running server, not started here)"
        try:
            return subprocess.run([self.binhai, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
        except Exception as e:  # noqa: BLE001
            return f"(unknown: {e})"


async def health(server: Server, timeout: float = 10.0) -> tuple[Reply, dict | None]:
    r = await http_request(server.host, server.port, "GET", "/api/v1/health", timeout=timeout)
    doc = None
    if r.status == 200 and not r.error:
        try:
            doc = json.loads(r.body)
        except ValueError:
            doc = None
    return r, doc


async def wait_ready(server: Server, start_timeout: float, idle_timeout: float) -> dict:
    t0 = time.perf_counter()
    while True:
        server.check_alive()
        r, doc = await health(server, timeout=2.0)
        if doc and doc.get("status") == "ok":
            break
        if time.perf_counter() - t0 > start_timeout:
            raise BenchError(f"no health answer within {start_timeout:g} s (last: {r.status} {r.error}); server output:\n{server.log_tail()}")
        await asyncio.sleep(0.1)
    t_up = time.perf_counter() - t0
    # Idle: the start-up warm-up (headlines of the shipped scenarios) has finished.
    idle_in_row = 0
    busy_seen = False
    while idle_in_row < 3:
        server.check_alive()
        r, doc = await health(server, timeout=10.0)
        if doc and doc.get("running") == 0 and doc.get("waiting") == 0:
            idle_in_row += 1
        else:
            idle_in_row = 0
            busy_seen = True
        if time.perf_counter() - t0 > start_timeout + idle_timeout:
            print(f"warning: server still busy after {idle_timeout:g} s ({doc}); starting anyway", file=sys.stderr)
            break
        await asyncio.sleep(0.2)
    return {"health_up_s": round(t_up, 3), "idle_s": round(time.perf_counter() - t0, 3), "was_busy_at_start": busy_seen}


# --------------------------------------------------------------------------------------------
# The load


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


async def what_if(server: Server, scenario: Scenario, number: int, timeout: float) -> dict:
    seed = SEED_BASE + number
    r = await http_request(server.host, server.port, "POST", "/edit", scenario.form(seed),
                           "application/x-www-form-urlencoded", timeout=timeout)
    ok = not r.error and r.status == 200 and b'id="p-target-met"' in r.body
    rec = {"n": number, "seed": seed, "status": r.status, "ok": ok,
           "latency_s": round(r.latency, 6), "ttfb_s": round(r.t_first - r.t_start, 6) if r.t_first else None,
           "bytes": len(r.body), "t_start": r.t_start, "t_end": r.t_end}
    if not ok:
        if r.error:
            rec["error"] = r.error
        elif r.status == 200:
            rec["error"] = 'status 200 without id="p-target-met"'
        else:
            rec["error"] = f"status {r.status} {r.reason}".strip()
        if "retry-after" in r.headers:
            rec["retry_after"] = r.headers["retry-after"]
        problem = page_problem(r.body)
        if problem:
            rec["problems"] = problem
    return rec


async def health_prober(server: Server, stop: asyncio.Event, out: list[dict]) -> None:
    """GET /api/v1/health every HEALTH_PERIOD (start to start; a slow answer delays the next probe)."""
    t_next = time.perf_counter()
    while not stop.is_set():
        r, doc = await health(server, timeout=10.0)
        rec = {"t": r.t_start, "latency_s": round(r.latency, 6), "ok": doc is not None and doc.get("status") == "ok"}
        if doc:
            rec["running"], rec["waiting"] = doc.get("running"), doc.get("waiting")
        else:
            rec["error"] = r.error or f"status {r.status}"
        out.append(rec)
        t_next += HEALTH_PERIOD
        delay = t_next - time.perf_counter()
        if delay < 0:
            t_next = time.perf_counter()
            delay = 0
        try:
            await asyncio.wait_for(stop.wait(), delay)
        except asyncio.TimeoutError:
            pass


async def level(server: Server, scenario: Scenario, counter: Counter, users: int, per_user: int, timeout: float) -> dict:
    records: list[dict] = []
    probes: list[dict] = []
    stop = asyncio.Event()

    async def user(u: int) -> None:
        for _ in range(per_user):
            rec = await what_if(server, scenario, counter.next(), timeout)
            rec["user"] = u
            records.append(rec)
            if not rec["ok"]:
                print(f"  U={users} user {u}: request {rec['n']} failed: {rec['error']}"
                      + (f" (Retry-After {rec['retry_after']})" if "retry_after" in rec else "")
                      + (f": {rec['problems']}" if "problems" in rec else ""), file=sys.stderr)

    t0 = time.perf_counter()
    prober = asyncio.create_task(health_prober(server, stop, probes))
    try:
        await asyncio.gather(*(user(u) for u in range(users)))
    finally:
        wall = time.perf_counter() - t0
        stop.set()
        await prober
    ok = [r for r in records if r["ok"]]
    statuses: dict[str, int] = {}         # every request by HTTP status
    error_statuses: dict[str, int] = {}   # failed ones; "transport": timeout, reset, cut-off or malformed answer
    for r in records:
        key = "transport" if r["status"] == 0 or "error" in r and not r["error"].startswith("status") else str(r["status"])
        statuses[key] = statuses.get(key, 0) + 1
        if not r["ok"]:
            error_statuses[key] = error_statuses.get(key, 0) + 1
    lat = [r["latency_s"] for r in ok]
    hl = [p["latency_s"] for p in probes if p["ok"]]
    for r in records:
        r["t_start"] = round(r["t_start"] - t0, 6)
        r["t_end"] = round(r["t_end"] - t0, 6)
    for p in probes:
        p["t"] = round(p["t"] - t0, 6)
    return {
        "users": users, "requests_per_user": per_user, "requests": len(records), "ok": len(ok),
        "errors": len(records) - len(ok), "statuses": statuses, "error_statuses": error_statuses, "wall_s": round(wall, 3),
        "throughput_rps": round(len(ok) / wall, 4) if wall > 0 else None,
        "latency_s": summary(lat), "ttfb_s": summary([r["ttfb_s"] for r in ok if r["ttfb_s"] is not None]),
        "page_bytes": summary([r["bytes"] for r in ok]),
        "health": {**summary(hl), "probes": len(probes), "failed": sum(1 for p in probes if not p["ok"]),
                   "max_running": max((p.get("running") or 0 for p in probes), default=0),
                   "max_waiting": max((p.get("waiting") or 0 for p in probes), default=0)},
        "requests_detail": sorted(records, key=lambda r: r["n"]),
        "health_detail": probes,
    }


# --------------------------------------------------------------------------------------------
# Report


def ms(x: float | None) -> str:
    return "–" if x is None else f"{x * 1000:.0f}" if x >= 0.1 else f"{x * 1000:.1f}"


def goals(levels: dict[int, dict]) -> list[dict]:
    out = []
    one = levels.get(1)
    if one is not None:
        p99 = one["latency_s"]["p99"]
        passed = p99 is not None and one["errors"] == 0 and p99 <= GOAL_P99_ONE_USER
        out.append({"goal": f"1 user: what-if p99 <= {GOAL_P99_ONE_USER:g} s", "value": f"p99 {ms(p99)} ms, {one['errors']} errors",
                    "pass": passed})
    sixteen = levels.get(16)
    if sixteen is not None:
        out.append({"goal": "16 users: no error", "value": f"{sixteen['errors']} errors of {sixteen['requests']}",
                    "pass": sixteen["errors"] == 0})
        hp99 = sixteen["health"]["p99"]
        passed = hp99 is not None and sixteen["health"]["failed"] == 0 and hp99 < GOAL_HEALTH_P99_16
        out.append({"goal": f"16 users: health p99 < {GOAL_HEALTH_P99_16 * 1000:g} ms",
                    "value": f"p99 {ms(hp99)} ms, {sixteen['health']['failed']} failed probes", "pass": passed})
    return out


def markdown(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"binhai serve, POST /edit of `{result['scenario']['file']}` ({result['scenario']['draws']} draws, effort search on), "
        f"{m['cores']} cores, {result['binhai_version']}; latencies in ms, percentiles nearest-rank"
        + (" — QUICK run (fewer requests)" if result["quick"] else ""),
        "",
        "| users | requests | errors | p50 | p90 | p99 | max | throughput (req/s) | health p50 | health p99 | health max | CPU busy before |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lv in result["levels"]:
        la, h = lv["latency_s"], lv["health"]
        tp = "–" if lv["throughput_rps"] is None else f"{lv['throughput_rps']:.2f}"
        errors = str(lv["errors"])
        if lv["errors"]:
            errors += " (" + ", ".join(f"{k}×{v}" for k, v in sorted(lv["error_statuses"].items())) + ")"
        lines.append(f"| {lv['users']} | {lv['requests']} | {errors} | {ms(la['p50'])} | {ms(la['p90'])} | {ms(la['p99'])} | "
                     f"{ms(la['max'])} | {tp} | {ms(h['p50'])} | {ms(h['p99'])} | {ms(h['max'])} | {lv['cpu_busy_before_pct']:.0f}% |")
    lines.append("")
    for g in result["goals"]:
        lines.append(f"- {'PASS' if g['pass'] else 'FAIL'}: {g['goal']} ({g['value']})")
    return "\n".join(lines)


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_mib": mem, "platform": platform.platform(),
            "python": platform.python_version(), "hostname": platform.node()}


# --------------------------------------------------------------------------------------------


def parse_plan(s: str) -> dict[int, int]:
    plan = {}
    for item in s.split(","):
        u, _, r = item.partition(":")
        plan[int(u)] = int(r)
        if plan[int(u)] < 1 or int(u) < 1:
            raise argparse.ArgumentTypeError(f"{item}: users and requests must be >= 1")
    return plan


async def main_async(args: argparse.Namespace) -> int:
    scenario = Scenario(Path(args.scenario))
    out_path = Path(args.out)
    plan = args.plan or (QUICK_PLAN if args.quick else DEFAULT_PLAN)
    server = Server(None if args.url else args.binhai, args.url, out_path.parent / "server.log", args.server_arg)
    result: dict = {
        "benchmark": "web", "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": bool(args.quick and not args.plan), "plan": {str(k): v for k, v in plan.items()},
        "binhai": args.url or args.binhai, "binhai_version": server.version(), "machine": machine(),
        "scenario": {"file": os.path.relpath(scenario.path, ROOT) if scenario.path.is_relative_to(ROOT) else str(scenario.path),
                     "sha256": hashlib.sha256(scenario.text.encode()).hexdigest(), "draws": scenario.draws,
                     "seeds": f"{SEED_BASE} + request number (warm-ups are 1 and 2)"},
        "method": {
            "request": "POST /edit, application/x-www-form-urlencoded: mode=yaml, yamlEdit=TEXT, yaml=TEXT, action=run, lang=en, base=",
            "connection": "HTTP/1.1, Connection: close, one TCP connection per request, loopback",
            "latency": "from opening the connection (request written right after) to the last byte of the body",
            "success": 'status 200 and the page contains id="p-target-met"; anything else (429, 422, 503, timeout) is an error',
            "percentiles": "nearest-rank on the sorted list: the ceil(p/100 * n)-th smallest; latency statistics over successful requests",
            "throughput": "successful requests / wall time of the level (first send to last answer)",
            "health": f"GET /api/v1/health every {HEALTH_PERIOD * 1000:.0f} ms (start to start) during each level",
        },
        "levels": [],
    }
    t_all = time.perf_counter()
    try:
        server.start()
        print(f"server: {'running at ' + args.url if args.url else 'started ' + str(args.binhai)} on port {server.port}"
              + (f" (log {server.log_path})" if not args.url else ""), file=sys.stderr)
        result["startup"] = await wait_ready(server, args.start_timeout, args.idle_timeout)
        print(f"server ready: health after {result['startup']['health_up_s']} s, idle after {result['startup']['idle_s']} s", file=sys.stderr)
        counter = Counter()
        warm = []
        for _ in range(2):
            rec = await what_if(server, scenario, counter.next(), args.timeout)
            warm.append(rec)
            print(f"warm-up {rec['n']}: status {rec['status']} in {rec['latency_s']:.3f} s"
                  + ("" if rec["ok"] else f" — {rec.get('error')} {rec.get('problems', '')}"), file=sys.stderr)
        result["warmup"] = [{k: v for k, v in r.items() if k not in ("t_start", "t_end")} for r in warm]
        if not all(r["ok"] for r in warm):
            raise BenchError("a warm-up request failed (see above); is the scenario valid for this server?")
        levels: dict[int, dict] = {}
        for users, per_user in plan.items():
            server.check_alive()
            busy = cpu_busy(1.0)
            if busy > 10:
                print(f"warning: the machine was {busy:.0f}% busy in the second before U={users}; numbers may be off", file=sys.stderr)
            print(f"U={users}: {users} users × {per_user} requests", file=sys.stderr)
            lv = await level(server, scenario, counter, users, per_user, args.timeout)
            lv["cpu_busy_before_pct"] = round(busy, 1)
            levels[users] = lv
            result["levels"].append(lv)
            print(f"U={users}: {lv['ok']}/{lv['requests']} ok in {lv['wall_s']} s, p50 {ms(lv['latency_s']['p50'])} ms, "
                  f"health p99 {ms(lv['health']['p99'])} ms", file=sys.stderr)
        result["goals"] = goals(levels)
        result["complete"] = True
    except BaseException as e:
        result["complete"] = False
        result["failure"] = f"{type(e).__name__}: {e}"
        raise
    finally:
        server.stop()
        result["server_stop_s"] = None if server.stop_seconds is None else round(server.stop_seconds, 3)
        result["server_exit_code"] = server.exit_code
        result["total_s"] = round(time.perf_counter() - t_all, 3)
        result.setdefault("goals", goals({lv["users"]: lv for lv in result["levels"]}))
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(result))
    stopped = ("server not started here" if args.url else
               f"server stopped in {result['server_stop_s']} s (exit {result['server_exit_code']}; 143 = 128 + SIGTERM, its normal answer)")
    print(f"\ntotal {result['total_s']:.0f} s; {stopped}", file=sys.stderr)
    if args.strict and not all(g["pass"] for g in result["goals"]):
        return 1
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binhai", default=os.environ.get("BINHAI") or str(ROOT / ".build/release/binhai"),
                   help="binhai binary to start (default $BINHAI, else .build/release/binhai)")
    p.add_argument("--url", help="use a running server at this loopback address instead of starting one")
    p.add_argument("--scenario", default=str(HERE / "what-if.yaml"), help="scenario text to send (default what-if.yaml here)")
    p.add_argument("--out", default=str(Path(os.environ.get("BENCH_OUT") or BENCH / "out") / "web" / "results.json"),
                   help="results JSON (default $BENCH_OUT/web/results.json, BENCH_OUT default Benchmarks/out)")
    p.add_argument("--quick", action="store_true", help="3 / 2 / 1 requests per user for 1 / 4 / 16 users (for debug builds)")
    p.add_argument("--plan", type=parse_plan, help="users:requests-per-user list, e.g. 1:20,4:8,16:4 (overrides --quick)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds before a what-if request counts as failed (default 600)")
    p.add_argument("--start-timeout", type=float, default=60.0, help="seconds to wait for the first health answer (default 60)")
    p.add_argument("--idle-timeout", type=float, default=600.0,
                   help="seconds to wait for the start-up warm-up of the shipped scenarios to finish (default 600)")
    p.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                   help="extra argument for `binhai serve` (repeatable), e.g. --server-arg=--concurrent-runs=1")
    p.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    args = p.parse_args()

    loop = asyncio.new_event_loop()
    main_task = loop.create_task(main_async(args))
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(sig, main_task.cancel)
    try:
        return loop.run_until_complete(main_task)
    except asyncio.CancelledError:
        print("interrupted; server stopped", file=sys.stderr)
        return 130
    except BenchError as e:
        print(f"load.py: {e}", file=sys.stderr)
        return 1
    finally:
        loop.close()


if __name__ == "__main__":
    sys.exit(main())
