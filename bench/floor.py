"""The framework's floor: a bare Flask view returning saved page bytes, nothing else."""
import os
from pathlib import Path

from flask import Flask

PAGES = Path(os.environ["SIGNPOST_FLOOR_PAGES"])
app = Flask(__name__)
_bytes = {name: (PAGES / name).read_bytes() for name in ("start.html", "directory.html",
                                                           "results.html")}


@app.get("/en/")
def start():
    return _bytes["start.html"]


@app.get("/en/directory/DE")
def directory():
    return _bytes["directory.html"]


@app.post("/en/questions")
def results():
    return _bytes["results.html"]
