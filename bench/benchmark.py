"""signpost's benchmark: signpost against a bare Flask floor and nginx, on this machine.

    python bench/benchmark.py                 # everything, about 17 minutes
    python bench/benchmark.py --quick         # short runs, no soak, a small fuzz run

Needs wrk and nginx (Debian packages). Every server listens on 127.0.0.1 only.
Prints a Markdown report; `--output FILE` also writes it there.
"""
import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run as a script, too
from bench.report import report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PAGES = {"start": ("GET", "/en/"), "directory": ("GET", "/en/directory/DE"),
         "results": ("POST", "/en/questions")}
MIRRORED = ("start", "directory")      # the results need answers: not in the mirror
RESULTS_BODY = ("danger=no&who=child&what=fake&what=threats&where=GB-EAW&need=everything"
                "&step=need&nav=next").encode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port, method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
    if body:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def wait_until_up(port, started, limit=60.0):
    while time.monotonic() - started < limit:
        try:
            if fetch(port, "GET", "/en/")[0] == 200:
                return time.monotonic() - started
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"nothing answered on port {port}")


def python():
    return sys.executable


def signpost_env(workdir, content_dir=ROOT / "content"):
    return dict(os.environ, SIGNPOST_DATABASE_URL=f"sqlite:///{workdir / 'content.sqlite'}",
                SIGNPOST_CONTENT_DIR=str(content_dir))


def start_signpost(workdir, port, content_dir=ROOT / "content", workers=2, limit=60.0,
                   prerender=True):
    env = signpost_env(workdir, content_dir)
    if not prerender:
        env["SIGNPOST_PAGES_FILE"] = ""
    log = open(workdir / f"signpost-{port}.log", "wb")
    started = time.monotonic()
    process = subprocess.Popen([python(), "-m", "signpost.serve", "serve", "--port", str(port),
                                "--workers", str(workers)], cwd=workdir, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    return process, wait_until_up(port, started, limit)


def start_floor(pages, port, workers=2):
    env = dict(os.environ, SIGNPOST_FLOOR_PAGES=str(pages), PYTHONPATH=str(ROOT))
    process = subprocess.Popen([python(), "-m", "bench.serve_floor", str(port), str(workers)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_until_up(port, time.monotonic())
    return process


def start_nginx(workdir, pages, port):
    folder = workdir / "nginx"
    (folder / "tmp").mkdir(parents=True, exist_ok=True)
    shutil.copytree(pages, folder / "pages", dirs_exist_ok=True)
    conf = (BENCH / "nginx.conf.in").read_text().replace("@DIR@", str(folder)) \
        .replace("@PORT@", str(port))
    (folder / "nginx.conf").write_text(conf)
    subprocess.run(["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)], check=True)
    wait_until_up(port, time.monotonic())
    return folder


def start_mirror(workdir, port):
    """The static mirror, exported with the content build, under nginx."""
    mirror = workdir / "mirror"
    subprocess.run([python(), "-m", "flask", "--app", "signpost", "export", "static",
                    str(mirror)], cwd=workdir, env=signpost_env(workdir), check=True,
                   stdout=subprocess.DEVNULL)
    folder = workdir / "nginx-mirror"
    (folder / "tmp").mkdir(parents=True, exist_ok=True)
    conf = (BENCH / "nginx-mirror.conf.in").read_text().replace("@DIR@", str(folder)) \
        .replace("@PORT@", str(port)).replace("@MIRROR@", str(mirror)) \
        .replace("@HEADERS@", str(ROOT / "deploy" / "security-headers.conf"))
    (folder / "nginx.conf").write_text(conf)
    subprocess.run(["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)], check=True)
    wait_until_up(port, time.monotonic())
    return folder


def stop_nginx(folder):
    subprocess.run(["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder), "-s", "stop"],
                   check=False)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def _ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(port, page, connections, seconds, script=None, extra_env=None):
    method, path = PAGES.get(page, ("GET", page))
    script = script or (BENCH / "results.lua" if method == "POST" else None)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "--latency"] + (["-s", str(script)] if script else []) + \
              [f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60,
                         env=dict(os.environ, **(extra_env or {}))).stdout
    found = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
             "p50": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
             "p99": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
             "requests": int(re.search(r"(\d+) requests in", out).group(1)),
             "non2xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1]),
             "output": out}
    return found


def median_run(runs):
    """The run with the median requests per second, with every round's figure beside it."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    return dict(ordered[len(ordered) // 2], rounds=[run["rps"] for run in runs])


def measure_side_by_side(into, targets, page, args):
    """signpost and the floor take turns on the same page, round after round, so a
    machine that slows down or speeds up during the run weighs on both alike."""
    for port in targets.values():
        wrk(port, page, 16, 2)                                          # warm up
    for conns in (16, 64):
        runs = {name: [] for name in ("signpost", "floor")}
        for _ in range(args.rounds):
            for name in runs:
                runs[name].append(wrk(targets[name], page, conns, args.seconds))
        for name, found in runs.items():
            into[name].setdefault(page, {})[conns] = median_run(found)
        # Each turn's ratio pairs two runs made one after the other: the median of those
        # is what a slower or faster spell of the machine moves least.
        ratios = sorted(s["rps"] / f["rps"] for s, f in zip(runs["signpost"], runs["floor"]))
        into["signpost"][page][conns]["share"] = ratios[len(ratios) // 2]
        into["nginx"].setdefault(page, {})[conns] = wrk(targets["nginx"], page, conns,
                                                        args.seconds)
        print(f"{page} {conns}: signpost {into['signpost'][page][conns]['rounds']}, "
              f"floor {into['floor'][page][conns]['rounds']} req/s", file=sys.stderr)


def save_pages(port, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name, (method, path) in PAGES.items():
        status, body = fetch(port, method, path, RESULTS_BODY if method == "POST" else None)
        assert status == 200, (name, status)
        (folder / f"{name}.html").write_bytes(body)
    return folder


def page_weight(port, pages):
    css = fetch(port, "GET", "/static/signpost.css")[1]
    rows = {}
    for name in PAGES:
        html = (pages / f"{name}.html").read_bytes()
        rows[name] = {"raw_kb": (len(html) + len(css)) / 1024,
                      "gzip_kb": (len(gzip.compress(html, 9)) + len(gzip.compress(css, 9))) / 1024,
                      "scripts_needed": 0}
    return rows


def worker_rss_mb(process):
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                              text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def synthetic_content(factor, folder):
    """The real content plus (factor - 1) copies of every listing, spread over the US,
    Canadian and Australian regions so the measured pages stay the same size."""
    shutil.copytree(ROOT / "content", folder)
    regions = sorted(p.stem for p in (folder / "jurisdictions").glob("*-*.yaml")
                     if p.stem[:2] in ("US", "CA", "AU"))
    listings = sorted((folder / "listings").glob("*.yaml"))
    n = 0
    for copy in range(1, factor):
        for path in listings:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if any(not str(p["number"]).startswith("+") for p in data.get("phones", ())):
                continue        # a short number is valid only in its own country
            data["name"] = f"{data['name']} (synthetic copy {copy})"
            data["service_areas"] = [regions[n % len(regions)]]
            data.setdefault("web_form", data["url"])
            (folder / "listings" / f"{path.stem}-copy-{copy}.yaml").write_text(
                yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            n += 1
    return folder


def measure_scale(workdir, factor, seconds):
    """Build time, and results-page latency at 16 connections, with factor x the listings,
    rendered for each request (rendering every page ahead of time is measured apart)."""
    from signpost.content import index
    folder = synthetic_content(factor, workdir / f"content-{factor}x")
    started = time.monotonic()
    content = index.build(folder, f"sqlite:///{workdir / f'scale-{factor}.sqlite'}")
    build_s = time.monotonic() - started
    site = workdir / f"site-{factor}x"
    site.mkdir()
    shutil.copy(workdir / f"scale-{factor}.sqlite", site / "content.sqlite")
    port = free_port()
    process, _ = start_signpost(site, port, content_dir=folder, prerender=False)
    try:
        wrk(port, "results", 16, 2)
        run = wrk(port, "results", 16, seconds)
    finally:
        stop(process)
    return {"listings": len(content.listings), "build_s": build_s, "p50": run["p50"],
            "p99": run["p99"], "rps": run["rps"]}


def measure_cold_start(workdir, tries=5):
    times = []
    for _ in range(tries):
        port = free_port()
        process, seconds = start_signpost(workdir, port)
        times.append(seconds)
        stop(process)
    return sorted(times)[len(times) // 2], times


def soak(port, process, capacity_rps, seconds):
    connections = 16
    # Each connection waits between requests so the total rate is about 80 % of capacity.
    delay_ms = max(1, int(connections * 1000 / (0.8 * capacity_rps)))
    before = sum(worker_rss_mb(process))
    run = wrk(port, "/en/", connections, seconds, script=BENCH / "soak.lua",
              extra_env={"SOAK_DELAY_MS": str(delay_ms)})
    after = sum(worker_rss_mb(process))
    line = re.search(r"SOAK requests=(\d+) non_2xx=(\d+) errors=(\d+)", run["output"])
    return {"delay_ms": delay_ms, "rps": run["rps"], "p99": run["p99"],
            "requests": int(line[1]), "non_2xx": int(line[2]), "errors": int(line[3]),
            "rss_before_mb": before, "rss_after_mb": after,
            "growth": (after - before) / before if before else 0.0}


def fuzz(port, requests):
    seconds, total, errors, runs = 0, 0, 0, 0
    while total < requests and runs < 20:
        run = wrk(port, "/en/", 32, 30, script=BENCH / "fuzz.lua")
        line = re.search(r"FUZZ responses=(\d+) server_errors=(\d+)", run["output"])
        total, errors, runs = total + int(line[1]), errors + int(line[2]), runs + 1
        seconds += 30
    return {"requests": total, "server_errors": errors, "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--soak-seconds", type=int, default=300)
    parser.add_argument("--fuzz-requests", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="turns signpost and the floor take on each page (median kept)")
    parser.add_argument("--output")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.soak_seconds, args.fuzz_requests, args.rounds = 3, 0, 5_000, 1
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {tool}")
    results = {"runs": {"signpost": {}, "floor": {}, "nginx": {}}, "mirror": {}}
    with tempfile.TemporaryDirectory(prefix="signpost-bench-") as temp:
        workdir = Path(temp)
        workdir.chmod(0o755)          # nginx's workers run as an unprivileged user
        port = free_port()
        # The first start builds the content and renders every page ahead of time.
        signpost, results["first_start_s"] = start_signpost(workdir, port, limit=600.0)
        floor = nginx = mirror = None
        try:
            pages = save_pages(port, workdir / "pages")
            floor_port, nginx_port = free_port(), free_port()
            floor = start_floor(pages, floor_port)
            nginx = start_nginx(workdir, pages, nginx_port)
            targets = {"signpost": port, "floor": floor_port, "nginx": nginx_port}
            for page in PAGES:
                measure_side_by_side(results["runs"], targets, page, args)
            mirror_port = free_port()
            mirror = start_mirror(workdir, mirror_port)
            for page in MIRRORED:
                wrk(mirror_port, page, 16, 2)
                results["mirror"][page] = {conns: wrk(mirror_port, page, conns, args.seconds)
                                           for conns in (16, 64)}
            results["weight"] = page_weight(port, pages)
            if args.soak_seconds:
                capacity = min(results["runs"]["signpost"][p][16]["rps"] for p in PAGES)
                results["soak"] = soak(port, signpost, capacity, args.soak_seconds)
            results["fuzz"] = fuzz(port, args.fuzz_requests)
            results["rss"] = worker_rss_mb(signpost)
        finally:
            stop(signpost)
            if floor:
                stop(floor)
            for folder in (nginx, mirror):
                if folder:
                    stop_nginx(folder)
        results["cold"] = measure_cold_start(workdir)
        results["scale"] = {f: measure_scale(workdir, f, args.seconds)
                            for f in ((1, 10) if args.quick else (1, 10, 100))}
    text = report(results, args)
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
