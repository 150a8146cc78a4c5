"""signpost's benchmark: signpost against a bare Flask floor and nginx, on this machine.

    python bench/benchmark.py                 # everything, about 12 minutes
    python bench/benchmark.py --quick         # short runs, no soak, a small fuzz run

Needs wrk and nginx (Debian packages). Every server listens on 127.0.0.1 only.
Prints a Markdown report; `--output FILE` also writes it there.
"""
import argparse
import gzip
import os
import platform
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

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PAGES = {"start": ("GET", "/en/"), "directory": ("GET", "/en/directory/DE"),
         "results": ("POST", "/en/questions")}
MIRRORED = ("start", "directory")      # the results need answers: not in the mirror
RESULTS_BODY = ("danger=no&who=child&what=fake&what=threats&where=GB-EAW&need=everything"
                "&step=need&nav=next").encode()
# Share of the floor's requests per second: the results page, and every other page.
# p99 at 64 connections within 1.25 times the floor's, page by page.
TARGETS = {"results_share": 0.70, "page_share": 0.85, "p99_vs_floor": 1.25, "gzip_kb": 14.0,
           "cold_start_s": 1.5,
           "build_100x_s": 30.0, "scale_slowdown": 0.10}


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


def verdict(ok):
    return "met" if ok else "**missed**"


def report(r, args):
    lines = [f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}. Command: `python bench/benchmark.py"
             f"{' --quick' if args.quick else ''}`.", "",
             "| page | conns | signpost req/s | p50 ms | p99 ms | floor req/s | nginx req/s "
             "| signpost / floor | signpost / nginx |", "|---|---|---|---|---|---|---|---|---|"]
    for page in PAGES:
        for conns in (16, 64):
            s, f, n = (r["runs"][t][page][conns] for t in ("signpost", "floor", "nginx"))
            lines.append(f"| {page} | {conns} | {s['rps']:.0f} | {s['p50']:.2f} | {s['p99']:.2f} "
                         f"| {f['rps']:.0f} | {n['rps']:.0f} | {s['rps'] / f['rps']:.0%} "
                         f"| {s['rps'] / n['rps']:.0%} |")
    lines += ["", "The static mirror under nginx (`bench/nginx-mirror.conf.in`, the security "
              "headers of `deploy/security-headers.conf`):", "",
              "| page | conns | mirror req/s | p50 ms | p99 ms | mirror / signpost |",
              "|---|---|---|---|---|---|"]
    for page, runs in r["mirror"].items():
        for conns, m in runs.items():
            s = r["runs"]["signpost"][page][conns]
            lines.append(f"| {page} | {conns} | {m['rps']:.0f} | {m['p50']:.2f} | "
                         f"{m['p99']:.2f} | {m['rps'] / s['rps']:.1f}x |")
    lines += ["", "| page | raw KB (HTML + CSS) | gzip KB (HTML + CSS) | JavaScript needed |",
              "|---|---|---|---|"]
    lines += [f"| {p} | {w['raw_kb']:.1f} | {w['gzip_kb']:.1f} | none |"
              for p, w in r["weight"].items()]
    lines += ["", "| listings | build s | results p50 ms | results p99 ms | req/s |",
              "|---|---|---|---|---|"]
    lines += [f"| {s['listings']} ({factor}x) | {s['build_s']:.1f} | {s['p50']:.2f} "
              f"| {s['p99']:.2f} | {s['rps']:.0f} |" for factor, s in r["scale"].items()]
    lines += ["", f"Cold start (process start to first 200, median of "
              f"{len(r['cold'][1])}): {r['cold'][0]:.2f} s ({', '.join(f'{t:.2f}' for t in r['cold'][1])}).",
              f"First start (content build and every page rendered ahead of time): "
              f"{r['first_start_s']:.1f} s.",
              f"Memory per worker after the runs: {', '.join(f'{m:.0f} MB' for m in r['rss'])}."]
    if r.get("soak"):
        s = r["soak"]
        lines.append(f"Soak: {s['requests']} requests in {args.soak_seconds} s at about "
                     f"{s['rps']:.0f} req/s (80 % of capacity), {s['non_2xx']} non-2xx, "
                     f"{s['errors']} socket errors, p99 {s['p99']:.1f} ms; worker memory "
                     f"{s['rss_before_mb']:.0f} MB → {s['rss_after_mb']:.0f} MB "
                     f"({s['growth']:+.1%}).")
    z = r["fuzz"]
    lines.append(f"Fuzz: {z['requests']} random requests, {z['server_errors']} answered 5xx.")
    def share(p):
        return min(r["runs"]["signpost"][p][c]["rps"] / r["runs"]["floor"][p][c]["rps"]
                   for c in (16, 64))
    results_share = share("results")
    page_share = min(share(p) for p in PAGES if p != "results")
    worst_p99 = max(r["runs"]["signpost"][p][64]["p99"] / r["runs"]["floor"][p][64]["p99"]
                    for p in PAGES)
    heaviest = max(w["gzip_kb"] for w in r["weight"].values())
    one, hundred = r["scale"].get(1), r["scale"].get(100) or r["scale"][max(r["scale"])]
    slowdown = (hundred["p50"] - one["p50"]) / one["p50"]
    lines += ["", "| target | measured | |", "|---|---|---|",
              f"| results ≥ 70 % of the floor's req/s | {results_share:.0%} "
              f"| {verdict(results_share >= TARGETS['results_share'])} |",
              f"| every other page ≥ 85 % of the floor's req/s | worst {page_share:.0%} "
              f"| {verdict(page_share >= TARGETS['page_share'])} |",
              f"| p99 at 64 connections ≤ 1.25 × the floor's | worst {worst_p99:.2f} × "
              f"| {verdict(worst_p99 <= TARGETS['p99_vs_floor'])} |",
              f"| ≤ 14 KB gzip with CSS | heaviest {heaviest:.1f} KB "
              f"| {verdict(heaviest <= TARGETS['gzip_kb'])} |",
              f"| cold start ≤ 1.5 s | {r['cold'][0]:.2f} s "
              f"| {verdict(r['cold'][0] <= TARGETS['cold_start_s'])} |",
              f"| largest content builds ≤ 30 s | {hundred['build_s']:.1f} s "
              f"| {verdict(hundred['build_s'] <= TARGETS['build_100x_s'])} |",
              f"| largest content serves within 10 % of 1x | {slowdown:+.0%} (p50) "
              f"| {verdict(slowdown <= TARGETS['scale_slowdown'])} |",
              f"| fuzz: zero 5xx | {z['server_errors']} | {verdict(z['server_errors'] == 0)} |"]
    if r.get("soak"):
        s = r["soak"]
        lines.append(f"| soak: zero errors, memory growth < 10 % | {s['non_2xx'] + s['errors']} "
                     f"errors, {s['growth']:+.1%} | "
                     f"{verdict(s['non_2xx'] + s['errors'] == 0 and s['growth'] < 0.10)} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--soak-seconds", type=int, default=300)
    parser.add_argument("--fuzz-requests", type=int, default=100_000)
    parser.add_argument("--output")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.soak_seconds, args.fuzz_requests = 3, 0, 5_000
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
            for name, target_port in (("signpost", port), ("floor", floor_port),
                                      ("nginx", nginx_port)):
                for page in PAGES:
                    wrk(target_port, page, 16, 2)                      # warm up
                    results["runs"][name][page] = {
                        conns: wrk(target_port, page, conns, args.seconds) for conns in (16, 64)}
                    print(f"{name} {page}: {results['runs'][name][page][16]['rps']:.0f} req/s",
                          file=sys.stderr)
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
