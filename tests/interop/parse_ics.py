#!/usr/bin/python3
"""Parse .ics files with Debian's python3-icalendar and print one JSON array (one entry per file).

Run with the system interpreter (/usr/bin/python3), which is where `apt-get install python3-icalendar` puts the
package. python-icalendar resolves TZIDs with pytz (the system tz database) and ignores the file's VTIMEZONE, so its
UTC instants are an independent check of the VTIMEZONE that ical.js uses.
"""
import json
import sys
from datetime import datetime, timezone

import icalendar


def text(value):
    return None if value is None else str(value)


def address(prop):
    if prop is None:
        return None
    return {"value": str(prop), "cn": text(prop.params.get("CN"))}


def attendee(prop):
    result = address(prop)
    for name in ("ROLE", "PARTSTAT", "RSVP", "CUTYPE"):
        result[name.lower()] = text(prop.params.get(name))
    return result


def moment(prop):
    if prop is None:
        return None
    dt = prop.dt
    if not isinstance(dt, datetime):
        return {"error": "not a date-time: %r" % (dt,)}
    if dt.tzinfo is None:
        # An unknown TZID silently becomes a naive time: report it instead of guessing.
        return {"error": "naive date-time (unknown TZID?)", "tzid": text(prop.params.get("TZID"))}
    utc = dt.astimezone(timezone.utc)
    return {"utc": utc.strftime("%Y-%m-%dT%H:%M:%SZ"), "unix": int(utc.timestamp()), "tzid": text(prop.params.get("TZID"))}


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def parse(path):
    with open(path, "rb") as handle:
        cal = icalendar.Calendar.from_ical(handle.read())
    errors = []
    for component in cal.walk():
        errors.extend("%s: %s" % (component.name, error) for error in getattr(component, "errors", []))
    events = []
    for event in cal.walk("VEVENT"):
        events.append({
            "uid": text(event.get("UID")),
            "sequence": int(event.get("SEQUENCE")) if event.get("SEQUENCE") is not None else None,
            "summary": text(event.get("SUMMARY")),
            "description": text(event.get("DESCRIPTION")),
            "location": text(event.get("LOCATION")),
            "status": text(event.get("STATUS")),
            "organizer": address(event.get("ORGANIZER")),
            "attendees": [attendee(a) for a in as_list(event.get("ATTENDEE"))],
            "start": moment(event.get("DTSTART")),
            "end": moment(event.get("DTEND")),
        })
    return {
        "parser": "python-icalendar " + getattr(icalendar, "__version__", "?"),
        "file": path,
        "method": text(cal.get("METHOD")),
        "timezones": [text(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")],
        "errors": errors,
        "events": events,
    }


if __name__ == "__main__":
    json.dump([parse(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")
