from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new examples on every local run; under CI they replay a fixed sequence,
# so that a landing run is reproducible and a failure found locally is fixed, not met at random.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = Path(__file__).resolve().parent / "documents"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def documents() -> Path:
    return DOCUMENTS
