"""Exporters: records -> JSON-ready dicts (listing), iCalendar bytes (ical), XMLTV (xmltv)."""
