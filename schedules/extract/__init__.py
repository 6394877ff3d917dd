"""Extractors, one per kind of fact, and the assembler :func:`extract`."""

from __future__ import annotations

from schedules.extract.assemble import extract

__all__ = ["extract"]
