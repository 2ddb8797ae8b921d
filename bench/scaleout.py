"""Scale-out, shown: two app servers sharing one PostgreSQL database and one Redis.

    bench/scaleout                  # 10 windows of 30 s: 5 minutes of load
    bench/scaleout --window 6       # a one-minute rehearsal

1. Starts its own Redis (redis-server on 127.0.0.1:6390; the machine's Redis on
   6379 is left alone), makes the PostgreSQL database `bench_scaleout` with a
   small synthetic data set, a superuser and its API token, and starts two
   gunicorn servers (ports 8201 and 8202) on them.
2. Edits an event through server A (API PATCH with the token) and reads it
   through server B at once, as JSON and as a page, both warm in the cache before.
3. Load: 64 concurrent clients (wrk, 32 connections per server) for 10
   consecutive windows, each window one wrk per server over a mix of pages and
   API answers. Redis is stopped in window 4 and started again in window 6;
   PostgreSQL is restarted (pg_ctlcluster … restart) in window 8. Errors
   (answers other than 2xx/3xx, and socket errors) are counted per window:
   every window but the PostgreSQL restart window must have none; the restart
   window's errors are reported on their own.
4. Prints the windows and a pass/fail summary; exits 0 only when all passed.
   Every process it started is stopped at the end, by its own process id.

Note that restarting PostgreSQL interrupts every other client of that server
on the machine for a few seconds.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import common
from bench.common import log

PORTS = (8201, 8202)
REDIS_PORT = 6390
DATABASE = "bench_scaleout"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
CONNECTIONS_PER_SERVER = 32
WINDOWS = 10
REDIS_STOP_WINDOW, REDIS_START_WINDOW, PG_RESTART_WINDOW = 3, 5, 7  # counted from 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--window", type=int, default=30, help="seconds per window (10 windows)")
    parser.add_argument("--scale", type=float, default=0.01, help="1 = 100,000 events")
    parser.add_argument(
        "--dir", default=os.environ.get("BENCH_DIR", "/tmp/azdiplomacy-scaleout"), help="work dir"
    )
    parser.add_argument("--timeout", type=int, default=30, help="seconds a client waits")
    parser.add_argument(
        "--no-pg-restart",
        action="store_true",
        help="leave PostgreSQL alone (a rehearsal: the run then does not pass)",
    )
    return parser.parse_args()


class Redis:
    """A redis-server of our own on another port, without persistence."""

    def __init__(self, port, log_path):
        self.port, self.log_path, self.process = port, log_path, None

    def start(self):
        self.log_file = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for _ in range(50):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
                ).stdout.strip()
                == "PONG"
            ):
                return
            time.sleep(0.1)
        raise SystemExit(f"redis-server on port {self.port} did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log_file", None):
            self.log_file.close()
            self.log_file = None


def restart_postgres():
    """Restart the machine's PostgreSQL cluster; returns the seconds it took."""
    versions = sorted(os.listdir("/etc/postgresql"))
    started = time.monotonic()
    result = subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "restart"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode:
        log(f"pg_ctlcluster restart failed: {result.stderr.strip()}")
    for _ in range(120):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0:
            break
        time.sleep(0.5)
    return time.monotonic() - started


def health(server):
    status, body = common.get(f"{server.url}/healthz", timeout=5)
    try:
        return status, json.loads(body).get("checks", {})
    except ValueError:
        return status, {}


def edit_is_seen(servers, token, slug):
    """PATCH the event through A, read it through B at once; returns (passed, details)."""
    a, b = servers
    api_path, page_path = f"/api/v1/events/{slug}/", f"/events/{slug}/"
    # Warm both servers' view of it, so that a stale cache would show.
    for server in servers:
        for _ in range(3):
            common.get(server.url + api_path)
            common.get(server.url + page_path)
    with urllib.request.urlopen(b.url + api_path, timeout=5) as response:
        old_title = json.loads(response.read())["title"]
        read_version = response.headers["ETag"]  # what the PATCH changes (If-Match)
    new_title = f"Synthetic event edited through server A at {time.strftime('%H:%M:%S')}"
    started = time.perf_counter()
    status, body = common.get(
        a.url + api_path,
        method="PATCH",
        data=json.dumps({"title": new_title}).encode(),
        headers={
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "If-Match": read_version,
        },
    )
    patched = time.perf_counter()
    if status != 200:
        return False, f"PATCH through A answered {status}: {body[:300]!r}"
    api_status, api_body = common.get(b.url + api_path)
    page_status, page_body = common.get(b.url + page_path)
    seen = time.perf_counter()
    api_title = json.loads(api_body)["title"] if api_status == 200 else None
    page_has = new_title.encode() in page_body
    passed = api_title == new_title and page_has and page_status == 200
    return passed, (
        f"title “{old_title}” → “{new_title}” through A (PATCH {status}, "
        f"{(patched - started) * 1000:.0f} ms); read through B right after "
        f"({(seen - patched) * 1000:.0f} ms): API title "
        f"{'new' if api_title == new_title else 'OLD'}, page {'new' if page_has else 'OLD'}"
    )


def run_window(index, servers, paths, args, actions):
    """One window: a wrk per server for args.window seconds, actions at their offsets."""
    started = time.monotonic()
    processes = [
        common.start_wrk(
            server.url + paths[0],
            args.window,
            CONNECTIONS_PER_SERVER,
            1,
            paths=paths,
            timeout_s=args.timeout,
        )
        for server in servers
    ]
    notes = []
    for offset, action in sorted(actions, key=lambda item: item[0]):
        time.sleep(max(0.0, started + offset - time.monotonic()))
        note = action()
        if note:
            notes.append(note)
    results = [common.finish_wrk(process) for process in processes]
    requests = sum(r["requests"] for r in results)
    seconds = max(r["seconds"] for r in results)
    return {
        "window": index + 1,
        "requests": requests,
        "rps": requests / seconds if seconds else 0.0,
        "p50_ms": max(r["p50_ms"] for r in results),
        "p95_ms": max(r["p95_ms"] for r in results),
        "max_ms": max(r["max_ms"] for r in results),
        "non_2xx_3xx": sum(r["non_2xx_3xx"] for r in results),
        "socket_errors": sum(r["socket_errors"] for r in results),
        "notes": notes,
    }


def main():
    args = parse_args()
    workdir = Path(args.dir)
    workdir.mkdir(parents=True, exist_ok=True)
    common.ensure_wrk()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    redis = Redis(REDIS_PORT, workdir / "redis.log")
    servers = []
    checks = []
    try:
        log(f"starting redis-server on 127.0.0.1:{REDIS_PORT}")
        redis.start()
        env = common.base_env(DATABASE_URL, workdir)
        log(f"PostgreSQL database {DATABASE}: creating, migrating, synthetic data")
        common.recreate_postgres(DATABASE)
        common.task("prepare", env, "--scale", args.scale)
        token = common.task("editor", env)["token"]
        urls = common.task("urls", env, "--scale", args.scale)
        server_env = {**env, "BENCH_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0"}
        for name, port in zip("AB", PORTS, strict=True):
            server = common.Server(
                port,
                {**server_env, "GUNICORN_ACCESS_LOG": str(workdir / f"access-{name}.log")},
                workdir / f"gunicorn-{name}.log",
            )
            servers.append(server.start())
            log(f"server {name}: {server.url} (master pid {server.process.pid})")
        masters = [server.process.pid for server in servers]

        # 1. An edit through one is seen through the other at once.
        slug = urls["event detail"].strip("/").split("/")[-1]
        passed, details = edit_is_seen(servers, token, slug)
        checks.append(
            ("an edit through server A is seen through server B at once", passed, details)
        )
        log(details)

        # 2. Load, with Redis stopped and PostgreSQL restarted on the way.
        # The public pages and API answers; /healthz is asked separately (while
        # Redis is down it says "degraded" and names the cache as unavailable).
        paths = [path for path in urls.values() if not path.startswith("/bench/")]
        state = {}

        def stop_redis():
            redis.stop()
            state["redis_stopped"] = time.monotonic()
            time.sleep(3)
            answers = [health(server) for server in servers]
            state["health_redis_down"] = answers
            return f"Redis stopped; /healthz said {[a[0] for a in answers]} {answers[0][1]}"

        def start_redis():
            redis.start()
            state["redis_down_s"] = time.monotonic() - state["redis_stopped"]
            return f"Redis started again after {state['redis_down_s']:.0f} s"

        def restart_pg():
            state["pg_restart_s"] = restart_postgres()
            begun = time.monotonic()
            recovered = None
            while time.monotonic() - begun < 60:
                if all(health(server)[0] == 200 for server in servers):
                    recovered = time.monotonic() - begun
                    break
                time.sleep(0.25)
            state["pg_recovered_s"] = recovered
            return (
                f"PostgreSQL restarted ({state['pg_restart_s']:.1f} s); both servers healthy "
                + (f"{recovered:.1f} s later" if recovered is not None else "NOT within 60 s")
            )

        offset = min(5, args.window / 3)
        plan = {
            REDIS_STOP_WINDOW: [(offset, stop_redis)],
            REDIS_START_WINDOW: [(0, start_redis)],
            PG_RESTART_WINDOW: [] if args.no_pg_restart else [(offset, restart_pg)],
        }
        windows = []
        log(
            f"load: {WINDOWS} windows of {args.window} s, {CONNECTIONS_PER_SERVER} "
            f"connections per server, over {len(paths)} addresses"
        )
        for index in range(WINDOWS):
            actions = plan.get(index, [])
            if index == REDIS_START_WINDOW:  # before the load starts, as a restart would
                for _, action in actions:
                    note = action()
                actions = []
                window = run_window(index, servers, paths, args, actions)
                window["notes"].insert(0, note)
            else:
                window = run_window(index, servers, paths, args, actions)
            window["kind"] = (
                "PostgreSQL restart"
                if index == PG_RESTART_WINDOW
                else "Redis down"
                if REDIS_STOP_WINDOW <= index < REDIS_START_WINDOW
                else "steady"
            )
            windows.append(window)
            log(
                f"window {index + 1:2} {window['kind']:18} {window['requests']:7} requests "
                f"{window['rps']:6.0f}/s p95 {window['p95_ms']:7.1f} ms  errors "
                f"{window['non_2xx_3xx']}+{window['socket_errors']}  {'; '.join(window['notes'])}"
            )

        # 3. Outcome.
        total = sum(w["requests"] for w in windows)
        outside = [w for w in windows if w["kind"] != "PostgreSQL restart"]
        outside_errors = sum(w["non_2xx_3xx"] + w["socket_errors"] for w in outside)
        seconds = WINDOWS * args.window
        checks.append(
            (
                f"{seconds} s of load, 64 concurrent clients (32 per server): zero errors "
                "outside the PostgreSQL restart window",
                outside_errors == 0 and seconds >= 300,
                f"{total:,} requests; {outside_errors} errors outside the restart window"
                + ("" if seconds >= 300 else f"; only {seconds} s of load (a rehearsal)"),
            )
        )
        redis_windows = [w for w in windows if w["kind"] == "Redis down"]
        redis_errors = sum(w["non_2xx_3xx"] + w["socket_errors"] for w in redis_windows)
        health_codes = [a[0] for a in state.get("health_redis_down", [])]
        checks.append(
            (
                "with Redis stopped the site keeps answering (served uncached)",
                redis_errors == 0 and sum(w["requests"] for w in redis_windows) > 0,
                f"Redis down {state.get('redis_down_s', 0):.0f} s: "
                f"{sum(w['requests'] for w in redis_windows):,} requests, {redis_errors} errors; "
                f"/healthz meanwhile answered {health_codes} (cache unavailable)",
            )
        )
        restart = windows[PG_RESTART_WINDOW]
        same_masters = [server.process.pid for server in servers] == masters and all(
            server.process.poll() is None for server in servers
        )
        after = windows[PG_RESTART_WINDOW + 1 :]
        after_errors = sum(w["non_2xx_3xx"] + w["socket_errors"] for w in after)
        final = [health(server)[0] for server in servers]
        checks.append(
            (
                "after a PostgreSQL restart the servers recover without being restarted",
                not args.no_pg_restart
                and state.get("pg_recovered_s") is not None
                and same_masters
                and after_errors == 0
                and final == [200, 200],
                ("NOT RESTARTED (--no-pg-restart); " if args.no_pg_restart else "")
                + f"healthy {state.get('pg_recovered_s') or 0:.1f} s after the restart "
                f"({state.get('pg_restart_s', 0):.1f} s); same gunicorn masters: {same_masters}; "
                f"errors in the windows after: {after_errors}; /healthz at the end: {final}. "
                f"Errors during the restart window itself (not counted above): "
                f"{restart['non_2xx_3xx']} answers 5xx, {restart['socket_errors']} socket errors",
            )
        )
        print_summary(windows, checks, args)
        (workdir / "scaleout.json").write_text(
            json.dumps({"windows": windows, "checks": checks}, indent=2)
        )
        return 0 if all(passed for _, passed, _ in checks) else 1
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        log("servers and redis-server stopped")


def print_summary(windows, checks, args):
    lines = [
        "",
        f"## Scale-out, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Machine: {common.machine()}. Two gunicorn servers (config/gunicorn.py), one "
        f"PostgreSQL database, one Redis; wrk with {CONNECTIONS_PER_SERVER} connections "
        f"per server, {args.window} s windows, client timeout {args.timeout} s.",
        "",
        "| window | state | requests | req/s | p50 ms | p95 ms | max ms | non-2xx/3xx "
        "| socket errors | events |",
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for w in windows:
        lines.append(
            f"| {w['window']} | {w['kind']} | {w['requests']:,} | {w['rps']:.0f} | "
            f"{w['p50_ms']:.0f} | {w['p95_ms']:.0f} | {w['max_ms']:.0f} | {w['non_2xx_3xx']} | "
            f"{w['socket_errors']} | {'; '.join(w['notes'])} |"
        )
    lines.append("")
    for description, passed, details in checks:
        lines.append(f"- **{'PASS' if passed else 'FAIL'}** {description}: {details}")
    overall = all(passed for _, passed, _ in checks)
    lines += ["", f"**Scale-out: {'PASS' if overall else 'FAIL'}**", ""]
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
