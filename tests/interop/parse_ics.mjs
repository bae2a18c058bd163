// Parse .ics files with ical.js (Thunderbird's parser) in its default strict mode and print one JSON array.
// Each file's VTIMEZONEs are registered with ICAL.TimezoneService, so UTC conversion uses the file's own VTIMEZONE
// (ical.js ships no zone data); comparing with python-icalendar (system tz database) therefore checks that VTIMEZONE.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const address = (prop) => (prop ? { value: prop.getFirstValue(), cn: prop.getParameter('cn') ?? null } : null);

const attendee = (prop) => ({
  ...address(prop),
  role: prop.getParameter('role') ?? null,
  partstat: prop.getParameter('partstat') ?? null,
  rsvp: prop.getParameter('rsvp') ?? null,
  cutype: prop.getParameter('cutype') ?? null,
});

function moment(vevent, name) {
  const prop = vevent.getFirstProperty(name);
  if (!prop) return null;
  const time = prop.getFirstValue();
  const tzid = prop.getParameter('tzid') ?? null;
  if (time.zone && time.zone.tzid === 'floating') return { error: 'floating time (TZID without VTIMEZONE?)', tzid };
  const unix = time.toUnixTime();
  return { utc: new Date(unix * 1000).toISOString().replace('.000Z', 'Z'), unix, tzid, zone: time.zone ? time.zone.tzid : null };
}

function parse(path) {
  const bytes = readFileSync(path);
  new TextDecoder('utf-8', { fatal: true }).decode(bytes); // throws on invalid UTF-8 (e.g. a fold inside a character)
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  ICAL.TimezoneService.reset();
  const timezones = calendar.getAllSubcomponents('vtimezone');
  for (const vtimezone of timezones) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    summary: vevent.getFirstPropertyValue('summary'),
    description: vevent.getFirstPropertyValue('description'),
    location: vevent.getFirstPropertyValue('location'),
    status: vevent.getFirstPropertyValue('status'),
    organizer: address(vevent.getFirstProperty('organizer')),
    attendees: vevent.getAllProperties('attendee').map(attendee),
    start: moment(vevent, 'dtstart'),
    end: moment(vevent, 'dtend'),
  }));
  return {
    parser: 'ical.js',
    file: path,
    method: calendar.getFirstPropertyValue('method'),
    timezones: timezones.map((tz) => tz.getFirstPropertyValue('tzid')),
    errors: [],
    events,
  };
}

process.stdout.write(JSON.stringify(process.argv.slice(2).map(parse)) + '\n');
