// Read an iCalendar document on stdin and a JSON file of probes [[tzid, "YYYY-MM-DDTHH:MM:SS"],
// ...]; print the JSON list of UTC ISO instants ical.js computes for each local wall time from
// the document's VTIMEZONEs (null when the tzid is not defined there).
// Usage: node wall_to_utc.mjs <dir holding node_modules/ical.js> <probes.json>
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(path.join(path.resolve(process.argv[2]), "package.json"));
const ICAL = (await import(pathToFileURL(require.resolve("ical.js")).href)).default;
const probes = JSON.parse(readFileSync(process.argv[3], "utf8"));

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const root = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString("utf8")));
ICAL.TimezoneService.reset();
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}

const out = probes.map(([tzid, wall]) => {
  const zone = ICAL.TimezoneService.get(tzid);
  if (!zone) return null;
  const [date, time] = wall.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute, second] = time.split(":").map(Number);
  const t = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false }, zone);
  return new Date(t.toUnixTime() * 1000).toISOString();
});
process.stdout.write(JSON.stringify(out));
