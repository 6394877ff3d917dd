"""broadcast-schedules core: press releases in, schedule records, calendars and listings out.

The core never does I/O of its own beyond reading its bundled data files, never reads the
environment or the wall clock, and never imports Flask or a database driver.
"""

from schedules.extract import extract
from schedules.read import Document, read_document

__all__ = ["Document", "extract", "read_document"]
