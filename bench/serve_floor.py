"""Run the floor app under exactly the gunicorn settings `signpost serve` uses."""
import sys

from bench.floor import app
from signpost.serve import SignpostServer, gunicorn_options

if __name__ == "__main__":
    port, workers = int(sys.argv[1]), int(sys.argv[2])
    SignpostServer(app, gunicorn_options("127.0.0.1", port, workers)).run()
