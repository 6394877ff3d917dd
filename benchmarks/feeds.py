"""How cheap is a feed poll? One command: ``python benchmarks/feeds.py``.

1. Builds a store of 2,000 airings through the real ingest (synthetic releases of 20 listed
   airings each, in a temp SQLite file).
2. Starts ``schedules serve`` (gunicorn) on it, fetches ``/feeds/all.ics`` once, and starts a
   bare Flask route serving those same bytes under gunicorn with the same worker count.
3. Runs ``wrk`` against both in the same run, alternating, and prints requests/s and the ratio
   (target: the service at >= 0.8x the bare route). Also a conditional poll (If-None-Match,
   304) and a gzip poll, each against the bare route serving the same bytes.

Needs ``wrk`` (Debian package ``wrk``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROGRAMMES = ["Landline", "Gardening Australia", "Four Corners", "Media Watch", "Catalyst",
              "Australian Story", "Compass", "Foreign Correspondent", "Back Roads", "Q and A"]
CHANNELS = ["ABC TV", "ABC News Channel", "SBS", "ABC Kids", "SBS Viceland"]
PER_RELEASE = 20


def synthetic_release(n: int) -> bytes:
    """Release ``n``: 20 airings on distinct days and times, titles unique to the release."""
    day0 = dt.date(2019, 1, 1) + dt.timedelta(days=n * 3)
    lines = [f"PROGRAMMING UPDATE NUMBER {n}", ""]
    for i in range(PER_RELEASE):
        day = day0 + dt.timedelta(days=i // 4)
        hour = 6 + (i % 4) * 3 + (n % 2)
        programme = f"{PROGRAMMES[(n + i) % len(PROGRAMMES)]}"
        channel = CHANNELS[(n + i) % len(CHANNELS)]
        clock = f"{hour % 12 or 12}.{(i * 5) % 60:02d} {'am' if hour < 12 else 'pm'}"
        lines += [f"{programme}: Episode {n}-{i} airs {clock} {day:%A %-d %B %Y} on {channel}.",
                  ""]
    return "\n".join(lines).encode()


def build_store(path: Path, airings: int) -> int:
    from service.store import open_store

    store = open_store(f"sqlite:///{path}")
    store.migrate()
    count = 0
    n = 0
    while count < airings:
        result = store.ingest(synthetic_release(n), name=f"release-{n}.txt", format_in="text",
                              country="AU", reference_date=dt.date(2019, 1, 1))
        count += result.added
        n += 1
    store.close()
    return count


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def server(argv: list[str], env: dict[str, str], url: str, log: Path) -> Iterator[None]:
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT,
                                cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{argv[0]} did not start:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)


def same_settings(workers: int) -> list[str]:
    """gunicorn flags for the baseline equal to what ``schedules serve`` runs with (worker
    class, threads, access log), so the ratio compares our code, not server settings."""
    from service.cli import gunicorn_options

    options = gunicorn_options("127.0.0.1", 0, workers)
    argv = ["--workers", str(options["workers"]),
            "--worker-class", str(options.get("worker_class", "sync"))]
    if options.get("threads"):
        argv += ["--threads", str(options["threads"])]
    if options.get("accesslog"):
        argv += ["--access-logfile", str(options["accesslog"])]
    return argv


def wrk(url: str, *, seconds: int, connections: int, headers: list[str]) -> float:
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s"]
    for header in headers:
        argv += ["-H", header]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses\n{out}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not found:
        raise SystemExit(f"cannot read wrk's output:\n{out}")
    return float(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--airings", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install -y wrk)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        count = build_store(tmp / "schedules.db", args.airings)
        print(f"store: {count} airings ingested in {time.perf_counter() - started:.1f}s")

        service_port, bare_port = free_port(), free_port()
        env = {**os.environ, "SCHEDULES_DATABASE_URL": f"sqlite:///{tmp / 'schedules.db'}",
               "FEED_BYTES": str(tmp / "feed.ics")}
        feed_path = "/feeds/all.ics?past_days=36500"
        service_url = f"http://127.0.0.1:{service_port}{feed_path}"
        bare_url = f"http://127.0.0.1:{bare_port}/feed.ics"
        schedules = [sys.executable, "-m", "schedules.cli", "serve", "--host", "127.0.0.1",
                     "--port", str(service_port), "--workers", str(args.workers)]
        with server(schedules, env, f"http://127.0.0.1:{service_port}/healthz",
                    tmp / "service.log"):
            with urllib.request.urlopen(service_url) as response:
                body = response.read()
                etag = response.headers["ETag"]
            (tmp / "feed.ics").write_bytes(body)
            print(f"feed: {len(body):,} bytes, {body.count(b'BEGIN:VEVENT')} events")
            bare = [sys.executable, "-m", "gunicorn", *same_settings(args.workers),
                    "--bind", f"127.0.0.1:{bare_port}", "--chdir", str(ROOT / "benchmarks"),
                    "feeds_bare:app"]
            with server(bare, env, bare_url, tmp / "bare.log"):
                cases = {
                    "full body": [],
                    "conditional (304)": [f"If-None-Match: {etag}"],
                }
                # Steady state is what is compared: every worker renders the feed once (its
                # first poll after a change), so warm both servers up before measuring.
                wrk(bare_url, seconds=2, connections=args.connections, headers=[])
                wrk(service_url, seconds=2, connections=args.connections, headers=[])
                print(f"wrk: {args.rounds} rounds x {args.seconds}s, {args.connections} "
                      f"connections, {args.workers} gunicorn workers each")
                for label, headers in cases.items():
                    ours: list[float] = []
                    base: list[float] = []
                    for _ in range(args.rounds):
                        base.append(wrk(bare_url, seconds=args.seconds,
                                        connections=args.connections, headers=[]))
                        ours.append(wrk(service_url, seconds=args.seconds,
                                        connections=args.connections, headers=headers))
                    o, b = statistics.median(ours), statistics.median(base)
                    print(f"  {label:18} service {o:8.0f} req/s   bare Flask (full body) "
                          f"{b:8.0f} req/s   ratio {o / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
