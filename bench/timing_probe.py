"""The timing probe: can response times tell which countries earlier visitors asked about?

    python bench/timing_probe.py [--rounds 5]

Starts `signpost serve` with one worker, sends results requests for 15 of 30 countries
(the earlier visitors), then one probe per country, and classifies each country as
asked when its probe is faster than the median. With no cache filled by visitors this
is no better than chance (about 15 of 30 right).
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmark import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI "
             "SK NO IS CH").split()


def post(port, where):
    body = (f"danger=no&who=child&what=fake&what=threats&where={where}&need=everything"
            "&step=need&nav=next").encode()
    started = time.perf_counter()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/en/questions", data=body)
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def one_round(seed):
    """A fresh server, 15 visitors, 30 probes: how many countries the probe gets right."""
    port, work = free_port(), Path(tempfile.mkdtemp())
    env = dict(os.environ, SIGNPOST_DATABASE_URL=f"sqlite:///{work / 'content.sqlite'}")
    server = subprocess.Popen([sys.executable, "-m", "signpost.serve", "serve", "--port",
                               str(port), "--workers", "1"], cwd=work, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, time.monotonic())
        asked = set(random.Random(seed).sample(COUNTRIES, 15))
        for code in asked:
            post(port, code)
        times = {code: post(port, code) for code in COUNTRIES}
    finally:
        server.terminate()
        server.wait(timeout=15)
    middle = statistics.median(times.values())
    return sum((times[code] < middle) == (code in asked) for code in COUNTRIES)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    scores = [one_round(seed) for seed in range(rounds)]
    print(f"countries classified correctly, per round (30 each, chance about 15): {scores}")


if __name__ == "__main__":
    main()
