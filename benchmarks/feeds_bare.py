"""The baseline for benchmarks/feeds.py: a bare Flask route answering fixed bytes (the feed the
service rendered), so the ratio measures what our per-request work costs on top of Flask and
gunicorn. ``FEED_BYTES`` names the file."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response

app = Flask(__name__)
_BODY = Path(os.environ["FEED_BYTES"]).read_bytes()


@app.get("/feed.ics")
def feed() -> Response:
    return Response(_BODY, content_type="text/calendar; charset=utf-8")
