"""The benchmark's Markdown report and the targets it is judged by."""
import os
import platform
import sys

# Share of the floor's requests per second: the results page, and every other page.
# p99 at 64 connections within 1.25 times the floor's, page by page.
TARGETS = {"results_share": 0.70, "page_share": 0.85, "p99_vs_floor": 1.25, "gzip_kb": 14.0,
           "cold_start_s": 1.5,
           "build_100x_s": 30.0, "scale_slowdown": 0.10}


def _command():
    """How the benchmark was run, without where its report was written."""
    shown, skip = [], False
    for arg in sys.argv[1:]:
        if skip or arg.startswith("--output"):
            skip = arg == "--output"
            continue
        shown.append(arg)
    return " ".join(["python bench/benchmark.py", *shown])


def _share(r, page, conns):
    """signpost's req/s as a share of the floor's: the median turn's ratio where the
    floor took turns, else the two runs' ratio."""
    s, f = r["runs"]["signpost"][page][conns], r["runs"]["floor"][page][conns]
    return s.get("share", s["rps"] / f["rps"])


def _turns(r, name, page, conns):
    return ", ".join(f"{rps:.0f}" for rps in r["runs"][name][page][conns].get("rounds", ()))


def verdict(ok):
    return "met" if ok else "**missed**"


def report(r, args):
    pages = list(r["runs"]["signpost"])     # in the order they were measured
    lines = [f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}. Command: `{_command()}`.",
             f"signpost and the floor took {args.rounds} turns each on every page and "
             f"connection count; each row shows the turn with the median req/s, and "
             f"signpost / floor is the median of the turns' ratios.", "",
             "| page | conns | signpost req/s | p50 ms | p99 ms | floor req/s | floor p99 ms "
             "| nginx req/s | signpost / floor | signpost / nginx |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for page in pages:
        for conns in (16, 64):
            s, f, n = (r["runs"][t][page][conns] for t in ("signpost", "floor", "nginx"))
            lines.append(f"| {page} | {conns} | {s['rps']:.0f} | {s['p50']:.2f} | {s['p99']:.2f} "
                         f"| {f['rps']:.0f} | {f['p99']:.2f} | {n['rps']:.0f} "
                         f"| {_share(r, page, conns):.0%} "
                         f"| {s['rps'] / n['rps']:.0%} |")
    lines += ["", "Every turn, req/s: " + "; ".join(
        f"{page} {conns}: signpost {_turns(r, 'signpost', page, conns)} / floor "
        f"{_turns(r, 'floor', page, conns)}" for page in pages for conns in (16, 64)) + "."]
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
        return min(_share(r, p, c) for c in (16, 64))
    results_share = share("results")
    page_share = min(share(p) for p in pages if p != "results")
    worst_p99 = max(r["runs"]["signpost"][p][64]["p99"] / r["runs"]["floor"][p][64]["p99"]
                    for p in pages)
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
