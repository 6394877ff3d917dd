// Read an iCalendar document on stdin; print JSON {uid: {start, zone, occurrences}} where
// start and occurrences are UTC ISO instants computed by ical.js from the document's own
// VTIMEZONEs. Usage: node instants.mjs <dir holding node_modules/ical.js> [max occurrences]
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const prefix = process.argv[2];
const maxOccurrences = Number(process.argv[3] ?? "60");
const require = createRequire(path.join(path.resolve(prefix), "package.json"));
const ICAL = (await import(pathToFileURL(require.resolve("ical.js")).href)).default;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const root = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString("utf8")));

ICAL.TimezoneService.reset();
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}

const iso = (time) =>
  time.isDate ? time.toString() : new Date(time.toUnixTime() * 1000).toISOString();

const out = {};
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const occurrences = [];
  if (event.isRecurring()) {
    const it = event.iterator();
    for (let next = it.next(); next && occurrences.length < maxOccurrences; next = it.next()) {
      occurrences.push(iso(next));
    }
  }
  out[event.uid] = {
    start: iso(start),
    end: iso(event.endDate),
    zone: start.isDate ? null : start.zone.tzid,
    summary: event.summary,
    occurrences,
  };
}
process.stdout.write(JSON.stringify(out));
