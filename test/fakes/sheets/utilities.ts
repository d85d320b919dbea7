// Apps Script's Utilities.formatDate and Utilities.parseDate with a real subset of Java's SimpleDateFormat
// patterns, computed in any IANA time zone through the platform's time-zone database (Intl).
//
// Utilities reference — https://developers.google.com/apps-script/reference/utilities/utilities:
// "formatDate(date, timeZone, format): Formats date according to specification described in Java SE
// SimpleDateFormat class"; "parseDate(date, timeZone, format): Parses the provided string date according to the
// specification described in the Java Standard Edition SimpleDateFormat class". What Java does, the fake does:
// - pattern letters as in java.text.SimpleDateFormat; text in single quotes is literal, '' is a quote; any other
//   ASCII letter throws `Illegal pattern character 'q'` (IllegalArgumentException);
// - parsing is lenient (DateFormat's default: "2025-02-30" is 2 March), may leave trailing text unread
//   (DateFormat.parse(String) "may not use the entire text"), and text it cannot read throws
//   `Unparseable date: "text"` (ParseException) — the docs never say parseDate returns null, so it throws;
// - an unknown time-zone ID means GMT (TimeZone.getTimeZone);
// - an argument of the wrong type throws Apps Script's signature message ("The parameters (String,String,String)
//   don't match the method signature for Utilities.formatDate.").
// Modelled letters: y M d E u D H k K h m s S a z Z X. Zone names (z) come from Intl ("GMT+1" where Java says
// "CET"): an approximation, stated here. Week-based letters (Y w W F) and era (G) throw "not modelled".

import { zoneOffset } from '../time-zones';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MODELLED = new Set([...'yMdEuDHkKhmsSazZX']);
const JAVA_LETTERS = new Set([...'GyYMLwWDdFEuaHkKhmsSzZX']);

type Token =
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  | { readonly kind: 'text'; readonly text: string };

/** Splits a SimpleDateFormat pattern into fields and literal text; throws as Java does on a bad pattern. */
export function tokenizePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const pushText = (text: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'text') tokens[tokens.length - 1] = { kind: 'text', text: last.text + text };
    else tokens.push({ kind: 'text', text });
  };
  while (i < pattern.length) {
    const char = pattern[i] ?? '';
    if (char === "'") {
      if (pattern[i + 1] === "'") {
        pushText("'");
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) throw new Error('Unterminated quote');
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i];
        i++;
      }
      pushText(text);
    } else if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (pattern[i + count] === char) count++;
      if (!JAVA_LETTERS.has(char)) throw new Error(`Illegal pattern character '${char}'`);
      if (!MODELLED.has(char))
        throw new Error(`fake Utilities: pattern letter '${char}' is not modelled (see utilities.ts)`);
      tokens.push({ kind: 'field', letter: char, count });
      i += count;
    } else {
      pushText(char);
      i++;
    }
  }
  return tokens;
}

/** The zone Java would use for `timeZone`: an unknown ID is GMT. */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

function wallClock(time: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
    era: 'short',
  }).formatToParts(new Date(time));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const era = get('era');
  const year = Number(get('year'));
  return {
    year: era === 'BC' || era === 'B' ? 1 - year : year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((time % 1000) + 1000) % 1000,
    weekday: DAYS.findIndex((day) => day.startsWith(get('weekday'))),
  };
}

const pad = (value: number, width: number) => String(Math.abs(value)).padStart(width, '0');

function offsetText(offsetMs: number, letter: 'Z' | 'X', count: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  if (letter === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const rest = pad(Math.abs(minutes) % 60, 2);
  if (letter === 'Z') return `${sign}${hours}${rest}`;
  if (count === 1) return `${sign}${hours}`;
  if (count === 2) return `${sign}${hours}${rest}`;
  return `${sign}${hours}:${rest}`;
}

function zoneName(time: number, timeZone: string, long: boolean): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return long ? 'Coordinated Universal Time' : 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(time));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
}

function dayOfYear(wall: WallClock): number {
  return (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, 0, 1)) / 86_400_000 + 1;
}

function formatField(letter: string, count: number, time: number, zone: string, wall: WallClock): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(wall.year % 100, 2) : pad(wall.year, count);
    case 'M':
      if (count >= 4) return MONTHS[wall.month - 1] ?? '';
      if (count === 3) return (MONTHS[wall.month - 1] ?? '').slice(0, 3);
      return pad(wall.month, count);
    case 'd':
      return pad(wall.day, count);
    case 'E':
      return count >= 4 ? (DAYS[wall.weekday] ?? '') : (DAYS[wall.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(wall.weekday === 0 ? 7 : wall.weekday, count);
    case 'D':
      return pad(dayOfYear(wall), count);
    case 'H':
      return pad(wall.hour, count);
    case 'k':
      return pad(wall.hour === 0 ? 24 : wall.hour, count);
    case 'K':
      return pad(wall.hour % 12, count);
    case 'h':
      return pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, count);
    case 'm':
      return pad(wall.minute, count);
    case 's':
      return pad(wall.second, count);
    case 'S':
      return pad(wall.millisecond, count);
    case 'a':
      return wall.hour < 12 ? 'AM' : 'PM';
    case 'z':
      return zoneName(time, zone, count >= 4);
    default:
      return offsetText(zoneOffset(time, zone), letter as 'Z' | 'X', count);
  }
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

function typeName(value: unknown): string {
  if (isDate(value)) return 'Date';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return 'Object';
}

function checkSignature(method: string, args: readonly unknown[], first: 'Date' | 'String'): void {
  const types = args.map(typeName);
  if (types.length !== 3 || types[0] !== first || types[1] !== 'String' || types[2] !== 'String')
    throw new Error(
      `The parameters (${types.join(',')}) don't match the method signature for Utilities.${method}.`,
    );
}

/** Utilities.formatDate(date, timeZone, format). */
export function formatDate(date: unknown, timeZone: unknown, format: unknown): string {
  checkSignature('formatDate', [date, timeZone, format], 'Date');
  const time = (date as Date).getTime();
  if (Number.isNaN(time)) throw new Error('Invalid argument: date');
  const zone = knownZone(timeZone as string);
  const wall = wallClock(time, zone);
  return tokenizePattern(format as string)
    .map((token) =>
      token.kind === 'text' ? token.text : formatField(token.letter, token.count, time, zone, wall),
    )
    .join('');
}

const NUMERIC = new Set([...'yMdDuHkKhmsS']);

function isNumericToken(token: Token | undefined): boolean {
  return token?.kind === 'field' && NUMERIC.has(token.letter) && !(token.letter === 'M' && token.count >= 3);
}

/** Utilities.parseDate(text, timeZone, format): a Date, or a thrown `Unparseable date: "text"`. */
export function parseDate(text: unknown, timeZone: unknown, format: unknown): Date {
  checkSignature('parseDate', [text, timeZone, format], 'String');
  const source = text as string;
  const fail = (): never => {
    throw new Error(`Unparseable date: "${source}"`);
  };
  const tokens = tokenizePattern(format as string);
  const fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm: boolean | undefined;
  let hour12: number | undefined;
  let offsetMs: number | undefined;
  let at = 0;
  tokens.forEach((token, index) => {
    if (token.kind === 'text') {
      if (!source.startsWith(token.text, at)) fail();
      at += token.text.length;
      return;
    }
    const { letter, count } = token;
    const rest = source.slice(at);
    if (isNumericToken(token)) {
      // Abutting numeric fields (yyyyMMdd) take exactly `count` digits, as SimpleDateFormat does.
      const abutting = isNumericToken(tokens[index + 1]);
      const match = (abutting ? new RegExp(`^\\d{1,${count}}`) : /^[+-]?\d+/).exec(rest);
      if (!match) fail();
      const digits = match?.[0] ?? '';
      at += digits.length;
      let value = Number(digits);
      switch (letter) {
        case 'y':
          if (count <= 2 && digits.length === 2) {
            // Two-digit years fall within 80 years before and 20 after now (SimpleDateFormat).
            const now = new Date().getUTCFullYear();
            value += Math.floor((now - 80) / 100) * 100;
            if (value < now - 80) value += 100;
          }
          fields.year = value;
          break;
        case 'M':
          fields.month = value;
          break;
        case 'd':
          fields.day = value;
          break;
        case 'H':
          fields.hour = value;
          break;
        case 'k':
          fields.hour = value === 24 ? 0 : value;
          break;
        case 'h':
        case 'K':
          hour12 = value % 12;
          break;
        case 'm':
          fields.minute = value;
          break;
        case 's':
          fields.second = value;
          break;
        case 'S':
          fields.millisecond = value;
          break;
        default:
          // D and u are read and ignored: month and day decide.
          break;
      }
      return;
    }
    if (letter === 'M' || letter === 'E') {
      const names = letter === 'M' ? MONTHS : DAYS;
      const lower = rest.toLowerCase();
      const found = names
        .flatMap((name, i) => [
          { text: name, i },
          { text: name.slice(0, 3), i },
        ])
        .find((name) => lower.startsWith(name.text.toLowerCase()));
      if (!found) fail();
      at += found?.text.length ?? 0;
      if (letter === 'M') fields.month = (found?.i ?? 0) + 1;
      return;
    }
    if (letter === 'a') {
      const marker = /^(am|pm)/i.exec(rest);
      if (!marker) fail();
      pm = marker?.[0].toLowerCase() === 'pm';
      at += 2;
      return;
    }
    // z, Z, X: "Z", "+01", "+0100", "+01:00", "GMT", "UTC", "GMT+01:00".
    const zone = /^(?:(Z)|(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?|(GMT|UTC))/.exec(rest);
    if (!zone) fail();
    at += zone?.[0].length ?? 0;
    if (zone?.[2]) {
      const minutes = Number(zone[3]) * 60 + Number(zone[4] ?? 0);
      offsetMs = (zone[2] === '-' ? -1 : 1) * minutes * 60_000;
    } else offsetMs = 0;
  });
  if (hour12 !== undefined) fields.hour = hour12 + (pm ? 12 : 0);
  else if (pm && fields.hour < 12) fields.hour += 12;
  const wall = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  if (offsetMs !== undefined) return new Date(wall - offsetMs);
  const zone = knownZone(timeZone as string);
  let time = wall - zoneOffset(wall, zone);
  time = wall - zoneOffset(time, zone);
  return new Date(time);
}
