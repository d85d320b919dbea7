// Generates examples/pmo-sample.xlsx: the fictional "Northwind Digital PMO" workbook (resources, assignments,
// time off, initiatives, risks) that newcomers run the toolkit on. Deterministic: same bytes on every run.
//
// Usage: npx tsx examples/make-sample.ts [out.xlsx]   (default: examples/pmo-sample.xlsx)

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { seededRandom } from './seeded-random';

// ---------------------------------------------------------------------------------------------------------
// Deterministic helpers

const SEED = 20261123;
/** Every timestamp in the file (workbook properties and zip entries) is pinned to this instant. */
const FIXED_TIMESTAMP = new Date('2026-11-23T08:00:00Z');

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }
}

const DAY_MS = 86_400_000;
/** A date cell value: the calendar day at UTC midnight (ExcelJS stores it as a whole serial number). */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}
function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
function weekdays(start: Date, end: Date): number {
  let n = 0;
  for (let d = start; d.getTime() <= end.getTime(); d = addDays(d, 1)) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/** Planning horizon: Monday 2026-10-05 (week 0) to Wednesday 2027-06-30 (inside week 38). */
const PERIOD_START = day('2026-10-05');
const PERIOD_END = day('2027-06-30');
const LAST_WEEK = 38;
const monday = (week: number): Date => addDays(PERIOD_START, 7 * week);
const friday = (week: number): Date => addDays(PERIOD_START, 7 * week + 4);
const weekOf = (d: Date): number => Math.floor((d.getTime() - PERIOD_START.getTime()) / (7 * DAY_MS));

// ---------------------------------------------------------------------------------------------------------
// The company

interface Initiative {
  readonly id: string;
  readonly name: string;
  readonly sponsor: string;
  readonly category: string;
  readonly start: string;
  readonly end: string;
  readonly billable: 'Yes' | 'No';
  /** Strategic Alignment, Customer Value, Risk Reduction, Complexity (1-5; complexity is cost-like). */
  readonly criteria: readonly [number, number, number, number];
  readonly cost: number | string;
  /** WSJF: Business Value, Time Criticality, RR/OE, Job Size (Fibonacci). */
  readonly wsjf: readonly [number, number, number, number];
  /** RICE: Reach (users/quarter), Impact, Confidence, Effort (person-months). */
  readonly rice: readonly [number, number | string, number | string, number];
}

/** One initiative, its fields in the order of the Initiatives sheet. */
function initiativeRecord(
  id: string,
  name: string,
  sponsor: string,
  category: string,
  start: string,
  end: string,
  billable: 'Yes' | 'No',
  criteria: Initiative['criteria'],
  cost: number | string,
  wsjf: Initiative['wsjf'],
  rice: Initiative['rice'],
): Initiative {
  return { id, name, sponsor, category, start, end, billable, criteria, cost, wsjf, rice };
}

// id, name, sponsor, category, start, end, billable, [alignment, customer value, risk reduction, complexity], cost,
// WSJF [business value, time criticality, RR/OE, job size], RICE [reach, impact, confidence, effort]
// biome-ignore format: data table, one record per line reads best
const INITIATIVES: readonly Initiative[] = [
  initiativeRecord('INI-01', 'Customer Portal Relaunch', 'Claudia Vogel', 'Growth', '2026-10-05', '2027-05-28', 'Yes', [4, 5, 2, 3], 650000, [13, 8, 3, 8], [18000, 2, 0.8, 14]),
  initiativeRecord('INI-02', 'ERP Cloud Migration', 'Helen Brandt', 'Platform', '2026-10-05', '2027-06-30', 'No', [4, 2, 5, 5], 'CHF 1,200,000', [8, 13, 13, 20], [900, 1, 0.7, 36]),
  initiativeRecord('INI-03', 'Data Platform Modernization', 'Peter Lindqvist', 'Platform', '2026-10-05', '2027-06-30', 'No', [5, 3, 3, 4], 480000, [8, 5, 8, 13], [1200, 2, 0.8, 18]),
  initiativeRecord('INI-04', 'Mobile App 2.0', 'Claudia Vogel', 'Growth', '2026-10-05', '2027-04-30', 'Yes', [3, 4, 1, 3], 420000, [8, 5, 2, 8], [25000, 'high', '50%', 12]),
  initiativeRecord('INI-05', 'CRM Consolidation', 'Rafael Moreno', 'Efficiency', '2027-01-04', '2027-06-30', 'No', [4, 3, 3, 4], 380000, [5, 3, 5, 13], [350, 1, 0.8, 15]),
  initiativeRecord('INI-06', 'E-Invoicing Compliance', 'Helen Brandt', 'Compliance', '2026-10-05', '2027-01-29', 'No', [3, 2, 5, 2], 180000, [3, 20, 13, 5], [4000, 0.5, 1, 5]),
  initiativeRecord('INI-07', 'Identity & Access Management', 'Peter Lindqvist', 'Security', '2026-10-05', '2027-03-26', 'No', [4, 2, 5, 3], 300000, [5, 8, 13, 8], [1500, 1, 0.9, 9]),
  initiativeRecord('INI-08', 'AI Support Assistant', 'Rafael Moreno', 'Innovation', '2027-01-11', '2027-06-30', 'Yes', [4, 4, 1, 4], 275000, [13, 5, 3, 8], [12000, 'massive', 0.5, 8]),
  initiativeRecord('INI-09', 'Warehouse Automation', 'Thomas Ammann', 'Efficiency', '2026-11-02', '2027-06-30', 'Yes', [3, 3, 2, 5], '$450k', [8, 3, 3, 13], [200, 2, 0.5, 20]),
  initiativeRecord('INI-10', 'Dynamic Pricing Engine', 'Claudia Vogel', 'Growth', '2027-02-01', '2027-06-30', 'Yes', [5, 3, 1, 4], 350000, [20, 8, 2, 13], [8000, 1, 0.5, 10]),
  initiativeRecord('INI-11', 'Cloud Cost Optimization', 'Peter Lindqvist', 'Efficiency', '2026-10-05', '2027-02-26', 'No', [3, 1, 2, 2], 90000, [5, 3, 5, 3], [50, 0.25, 1, 3]),
  initiativeRecord('INI-12', 'Partner API Marketplace', 'Rafael Moreno', 'Innovation', '2027-03-01', '2027-06-30', 'Yes', [4, 4, 2, 4], 520000, [8, 2, 1, 13], [600, 3, 0.5, 16]),
];

const BUDGET = 4_000_000;

function initiative(id: string): Initiative {
  const found = INITIATIVES.find((i) => i.id === id);
  if (!found) throw new Error(`unknown initiative ${id}`);
  return found;
}

interface Person {
  readonly name: string;
  readonly role: string;
  readonly team: string;
  readonly hours: number;
  /** Blank (= 100 %), a text like "80%", or a plain number like 0.5. */
  readonly availability: string | number | null;
  readonly start: string | null;
  readonly end: string | null;
  /** Planned base load as a fraction of the person's capacity (before the scripted over-bookings). */
  readonly target: number;
  /** How many parallel assignment streams the person works in. */
  readonly streams: 1 | 2 | 3;
  /** Preferred initiatives, in order. */
  readonly projects: readonly string[];
  /** People with a scripted over-booking get a gap-free base plan so the story is predictable. */
  readonly steady: boolean;
}

function person(
  name: string,
  role: string,
  team: string,
  hours: number,
  target: number,
  streams: 1 | 2 | 3,
  projects: readonly string[],
  extra: Partial<Pick<Person, 'availability' | 'start' | 'end' | 'steady'>> = {},
): Person {
  return {
    name,
    role,
    team,
    hours,
    target,
    streams,
    projects,
    availability: extra.availability ?? null,
    start: extra.start ?? null,
    end: extra.end ?? null,
    steady: extra.steady ?? false,
  };
}

// biome-ignore format: data table, one record per line reads best
const PEOPLE: readonly Person[] = [
  person('Anna Keller', 'Project Manager', 'PMO', 40, 0.8, 2, ['INI-02', 'INI-06', 'INI-05'], { steady: true }),
  person('Marco Rossi', 'Project Manager', 'PMO', 40, 0.85, 2, ['INI-01', 'INI-04', 'INI-12']),
  person('Sophie Dubois', 'Project Manager', 'PMO', 32, 0.8, 2, ['INI-05', 'INI-08', 'INI-10']),
  person('Lukas Meier', 'Business Analyst', 'Business Analysis', 40, 0.85, 2, ['INI-02', 'INI-05', 'INI-06']),
  person('Priya Raman', 'Business Analyst', 'Business Analysis', 40, 0.85, 2, ['INI-01', 'INI-08', 'INI-10'], {
    availability: '80%',
  }),
  person('Elena Petrova', 'Business Analyst', 'Business Analysis', 24, 0.5, 1, ['INI-03', 'INI-09', 'INI-12']),
  person('Daniel Brunner', 'Senior Developer', 'Platform', 40, 0.9, 2, ['INI-02', 'INI-07', 'INI-11'], {
    availability: '80%', steady: true,
  }),
  person('Chen Wei', 'Senior Developer', 'Platform', 40, 0.9, 2, ['INI-03', 'INI-02', 'INI-12'], { steady: true }),
  person('Fatima El-Amrani', 'Developer', 'Platform', 40, 0.85, 2, ['INI-07', 'INI-02', 'INI-12']),
  person('Jonas Weber', 'Developer', 'Platform', 40, 0.8, 2, ['INI-06', 'INI-05', 'INI-11']),
  person('Laura Schmid', 'Developer', 'Web & Mobile', 32, 0.85, 2, ['INI-04', 'INI-01']),
  person('Mateo García', 'Developer', 'Web & Mobile', 40, 0.9, 2, ['INI-01', 'INI-04', 'INI-10']),
  person('Aisha Okafor', 'Developer', 'Web & Mobile', 40, 0.85, 2, ['INI-04', 'INI-08', 'INI-01']),
  person('Tobias Frei', 'Senior Developer', 'Web & Mobile', 40, 0.9, 2, ['INI-01', 'INI-12', 'INI-10']),
  person('Nina Huber', 'QA Engineer', 'Quality', 40, 0.85, 2, ['INI-04', 'INI-01', 'INI-06'], { steady: true }),
  person('Samuel Osei', 'QA Engineer', 'Quality', 20, 0.8, 1, ['INI-02', 'INI-05', 'INI-09']),
  person('Julia Novak', 'UX Designer', 'Design', 40, 0.8, 2, ['INI-01', 'INI-04', 'INI-08']),
  person('Camille Laurent', 'UX Designer', 'Design', 24, 0.45, 1, ['INI-10', 'INI-12', 'INI-05']),
  person('Reto Baumann', 'Data Engineer', 'Data & Analytics', 40, 0.85, 2, ['INI-03', 'INI-09', 'INI-10']),
  person('Yuki Tanaka', 'Data Engineer', 'Data & Analytics', 32, 0.55, 2, ['INI-03', 'INI-08']),
  person('Ines Costa', 'Data Engineer', 'Data & Analytics', 40, 0.7, 2, ['INI-03', 'INI-08', 'INI-10'], {
    start: '2027-02-01',
  }),
  person('Olivia Bennett', 'Architect', 'Architecture', 40, 0.9, 2, ['INI-02', 'INI-03', 'INI-07', 'INI-12'], {
    availability: 0.5,
  }),
  person('Stefan Graf', 'Architect', 'Architecture', 40, 0.8, 2, ['INI-07', 'INI-09', 'INI-05'], {
    end: '2027-03-31',
  }),
  person('Martina Steiner', 'Scrum Master', 'Delivery', 40, 0.85, 3, ['INI-03', 'INI-09', 'INI-04']),
  person('Kwame Mensah', 'Scrum Master', 'Delivery', 32, 0.5, 2, ['INI-10', 'INI-11', 'INI-12']),
];

function availabilityFraction(p: Person): number {
  if (p.availability === null) return 1;
  if (typeof p.availability === 'number') return p.availability;
  return Number.parseFloat(p.availability) / 100;
}

// ---------------------------------------------------------------------------------------------------------
// Assignments

type Status = 'Confirmed' | 'Tentative' | 'Proposed';
type Load =
  | { readonly column: 'Hours per week'; readonly value: number }
  | { readonly column: 'Allocation %'; readonly value: number | string }
  | { readonly column: 'Total Hours'; readonly value: number };
interface Formatted {
  readonly value: number | string;
  readonly numFmt: string | null;
}
interface Assignment {
  readonly resource: string | null;
  readonly project: string;
  readonly start: Date;
  readonly end: Date;
  readonly load: Load;
  readonly status: Status;
  readonly probability: Formatted | null;
  readonly billable: 'Yes' | 'No' | null;
}

const AS_OF_WEEK = weekOf(day('2026-11-23'));
const Q2_WEEK = weekOf(day('2027-03-01'));

function expressLoad(rng: Rng, p: Person, fraction: number, start: Date, end: Date): Load {
  const capacity = p.hours * availabilityFraction(p);
  const roll = rng.float();
  // Allocation % reads against the contract hours: only used for people without reduced availability.
  if (p.availability === null && roll < 0.45) {
    const pct = Math.max(5, Math.round((fraction * 100) / 5) * 5);
    return { column: 'Allocation %', value: rng.chance(0.07) ? `${pct}%` : pct };
  }
  if (roll < 0.8) {
    return { column: 'Hours per week', value: Math.max(2, Math.round((fraction * capacity) / 2) * 2) };
  }
  const total = (weekdays(start, end) * fraction * capacity) / 5;
  return { column: 'Total Hours', value: Math.max(10, Math.round(total / 10) * 10) };
}

function statusFor(rng: Rng, startWeek: number): { status: Status; probability: Formatted | null } {
  const roll = rng.float();
  const tentative = startWeek >= Q2_WEEK ? roll < 0.3 : startWeek >= AS_OF_WEEK && roll < 0.08;
  const proposed = startWeek >= Q2_WEEK && roll >= 0.3 && roll < 0.4;
  if (tentative) {
    const probability = rng.pick<Formatted | null>([
      { value: 0.6, numFmt: '0%' },
      { value: 0.75, numFmt: '0%' },
      { value: 0.4, numFmt: null },
      { value: 0.5, numFmt: null },
      { value: '60%', numFmt: null },
      { value: '70%', numFmt: null },
      null,
    ]);
    return { status: 'Tentative', probability };
  }
  if (proposed) {
    return {
      status: 'Proposed',
      probability: rng.pick<Formatted | null>([null, null, { value: 0.25, numFmt: '0%' }]),
    };
  }
  return { status: 'Confirmed', probability: null };
}

function billableFor(rng: Rng, ini: Initiative): 'Yes' | 'No' | null {
  const roll = rng.float();
  if (roll < 0.1) return null;
  if (roll < 0.15) return ini.billable === 'Yes' ? 'No' : 'Yes';
  return ini.billable;
}

function planPerson(rng: Rng, p: Person): Assignment[] {
  const personStart = p.start ? day(p.start) : PERIOD_START;
  const personEnd = p.end ? day(p.end) : PERIOD_END;
  const firstWeek = Math.max(0, weekOf(personStart));
  const lastWeek = Math.min(LAST_WEEK, weekOf(personEnd));

  // Split the target load over the streams in tidy 5 % steps.
  const shares: number[] = [];
  if (p.streams === 1) shares.push(p.target);
  else {
    const firstShare = Math.round(p.target * rng.pick([0.5, 0.6, 0.7]) * 20) / 20;
    if (p.streams === 2) shares.push(firstShare, Math.round((p.target - firstShare) * 20) / 20);
    else {
      const second = Math.round(((p.target - firstShare) / 2) * 20) / 20;
      shares.push(firstShare, second, Math.round((p.target - firstShare - second) * 20) / 20);
    }
  }

  const planned: { project: string; from: number; to: number; share: number }[] = [];
  for (const share of shares) {
    let week = firstWeek;
    let previous: string | null = null;
    while (week <= lastWeek) {
      if (!p.steady && rng.chance(0.15)) {
        week += rng.int(1, 3); // bench time between two assignments
        continue;
      }
      let to = Math.min(lastWeek, week + rng.int(9, 20) - 1);
      if (lastWeek - to < 4) to = lastWeek;
      const from = week;
      const active = (id: string): boolean => {
        const ini = initiative(id);
        return weekOf(day(ini.start)) <= from && weekOf(day(ini.end)) >= from + 2;
      };
      const busy = (id: string): boolean =>
        planned.some((a) => a.project === id && a.from <= to && a.to >= from);
      let candidates = p.projects.filter((id) => active(id) && !busy(id) && id !== previous);
      if (candidates.length === 0) candidates = p.projects.filter((id) => active(id) && !busy(id));
      if (candidates.length === 0) {
        candidates = INITIATIVES.map((i) => i.id).filter((id) => active(id) && !busy(id));
      }
      if (candidates.length === 0) {
        week++;
        continue;
      }
      // Prefer the person's main initiatives, but not always.
      const project = rng.chance(0.6) ? (candidates[0] ?? rng.pick(candidates)) : rng.pick(candidates);
      to = Math.min(to, weekOf(day(initiative(project).end)));
      planned.push({ project, from, to, share });
      previous = project;
      week = to + 1;
    }
  }

  return planned.map(({ project, from, to, share }) => {
    const ini = initiative(project);
    const start = maxDate(maxDate(monday(from), day(ini.start)), personStart);
    const end = minDate(minDate(minDate(friday(to), day(ini.end)), personEnd), PERIOD_END);
    const { status, probability } = statusFor(rng, from);
    return {
      resource: p.name,
      project: ini.name,
      start,
      end,
      load: expressLoad(rng, p, share, start, end),
      status,
      probability,
      billable: billableFor(rng, ini),
    };
  });
}

function scripted(
  resource: string | null,
  projectId: string,
  start: string,
  end: string,
  load: Load,
  status: Status = 'Confirmed',
  probability: Formatted | null = null,
  billable: 'Yes' | 'No' | null = null,
): Assignment {
  const ini = initiative(projectId);
  return {
    resource,
    project: ini.name,
    start: day(start),
    end: day(end),
    load,
    status,
    probability,
    billable: billable ?? ini.billable,
  };
}

/** The over-bookings the sample is meant to show, plus the deliberately messy rows. */
// biome-ignore format: data table, one record per line reads best
const SCRIPTED: readonly Assignment[] = [
  // Chen Wei is pulled into the ERP data-migration cutover on top of a full plan: ~140 % for seven weeks.
  scripted('Chen Wei', 'INI-02', '2027-01-11', '2027-02-26', { column: 'Hours per week', value: 20 }),
  // Daniel Brunner (80 % available) helps the IAM rollout for four weeks: ~115 %.
  scripted('Daniel Brunner', 'INI-07', '2026-11-16', '2026-12-11', { column: 'Hours per week', value: 8 }),
  // Nina Huber joins the Mobile App 2.0 release testing in March: ~115 %.
  scripted('Nina Huber', 'INI-04', '2027-03-01', '2027-03-26', { column: 'Allocation %', value: 30 }),
  // Anna Keller covers the E-Invoicing go-live preparation: 60 h over four weeks, ~115 %.
  scripted('Anna Keller', 'INI-06', '2026-10-19', '2026-11-13', { column: 'Total Hours', value: 60 }),
  // Messy: typo in the year/month, End before Start.
  scripted('Mateo García', 'INI-01', '2027-03-15', '2027-02-12', { column: 'Hours per week', value: 8 }),
  // Messy: a contractor who is not on the Resources sheet.
  scripted('External - Contractor A', 'INI-02', '2026-11-02', '2027-03-26', { column: 'Hours per week', value: 40 },
    'Confirmed', null, 'Yes'),
  // Messy: an open position ("TBD" hire) with the Resource cell left empty.
  scripted(null, 'INI-03', '2027-02-01', '2027-06-30', { column: 'Allocation %', value: 100 }, 'Tentative', {
    value: 0.5, numFmt: '0%',
  }, 'No'),
];

function buildAssignments(rng: Rng): Assignment[] {
  const rows = [...PEOPLE.flatMap((p) => planPerson(rng, p)), ...SCRIPTED];
  const projectOrder = (name: string): number => INITIATIVES.findIndex((i) => i.name === name);
  const personOrder = (name: string | null): number => {
    const i = PEOPLE.findIndex((p) => p.name === name);
    return i === -1 ? PEOPLE.length : i;
  };
  // Grouped by initiative, then chronological, the way PMOs usually keep this sheet.
  return rows.sort(
    (a, b) =>
      projectOrder(a.project) - projectOrder(b.project) ||
      a.start.getTime() - b.start.getTime() ||
      personOrder(a.resource) - personOrder(b.resource),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Time off

interface TimeOff {
  readonly resource: string;
  readonly start: string;
  readonly end: string;
  readonly hours: number | null;
  readonly reason: string;
}

// Zurich-style calendar for the planning horizon (Easter 2027 is 28 March).
// biome-ignore format: data table, one record per line reads best
const HOLIDAYS: readonly TimeOff[] = [
  { resource: 'All', start: '2026-12-24', end: '2026-12-24', hours: null, reason: 'Company closure (Christmas Eve)' },
  { resource: 'All', start: '2026-12-25', end: '2026-12-25', hours: null, reason: 'Christmas Day' },
  { resource: 'All', start: '2026-12-31', end: '2026-12-31', hours: null, reason: "Company closure (New Year's Eve)" },
  { resource: 'All', start: '2027-01-01', end: '2027-01-01', hours: null, reason: "New Year's Day" },
  { resource: 'All', start: '2027-03-26', end: '2027-03-26', hours: null, reason: 'Good Friday' },
  { resource: 'All', start: '2027-03-29', end: '2027-03-29', hours: null, reason: 'Easter Monday' },
  { resource: 'All', start: '2027-05-06', end: '2027-05-06', hours: null, reason: 'Ascension Day' },
  { resource: 'All', start: '2027-05-17', end: '2027-05-17', hours: null, reason: 'Whit Monday' },
];

// biome-ignore format: data table, one record per line reads best
const LEAVE: readonly TimeOff[] = [
  { resource: 'Lukas Meier', start: '2026-10-12', end: '2026-10-16', hours: null, reason: 'Vacation' },
  { resource: 'Olivia Bennett', start: '2026-10-26', end: '2026-10-27', hours: null, reason: 'Conference' },
  { resource: 'Priya Raman', start: '2026-11-09', end: '2026-11-13', hours: null, reason: 'Vacation' },
  { resource: 'Nina Huber', start: '2026-11-20', end: '2026-11-20', hours: 4, reason: 'Medical appointment' },
  { resource: 'Aisha Okafor', start: '2026-12-07', end: '2026-12-07', hours: 4, reason: 'Half-day vacation' },
  { resource: 'Laura Schmid', start: '2026-12-21', end: '2026-12-23', hours: null, reason: 'Vacation' },
  { resource: 'Anna Keller', start: '2026-12-28', end: '2027-01-08', hours: null, reason: 'Vacation' },
  { resource: 'Julia Novak', start: '2027-01-18', end: '2027-01-22', hours: null, reason: 'Training' },
  { resource: 'Sophie Dubois', start: '2027-02-08', end: '2027-02-12', hours: null, reason: 'Vacation (ski week)' },
  { resource: 'Jonas Weber', start: '2027-02-15', end: '2027-02-26', hours: null, reason: 'Vacation' },
  { resource: 'Reto Baumann', start: '2027-03-01', end: '2027-03-05', hours: null, reason: 'Military service' },
  { resource: 'Chen Wei', start: '2027-04-12', end: '2027-04-16', hours: null, reason: 'Vacation' },
  { resource: 'Mateo García', start: '2027-04-19', end: '2027-04-23', hours: null, reason: 'Vacation' },
  { resource: 'Martina Steiner', start: '2027-05-03', end: '2027-05-05', hours: null, reason: 'Training' },
  { resource: 'Marco Rossi', start: '2027-05-07', end: '2027-05-07', hours: null, reason: 'Bridge day' },
  { resource: 'Tobias Frei', start: '2027-06-07', end: '2027-06-18', hours: null, reason: 'Paternity leave' },
];

// ---------------------------------------------------------------------------------------------------------
// Risks

type RiskCategory = 'Technical' | 'Schedule' | 'Resource' | 'Vendor' | 'Regulatory' | 'Financial';
type RiskSeed = readonly [risk: string, category: RiskCategory, project: string, owner: string];

// biome-ignore format: data table, one record per line reads best
const RISKS: readonly RiskSeed[] = [
  ['Legacy ERP data quality worse than assumed; cleansing effort grows', 'Technical', 'INI-02', 'Lukas Meier'],
  ['Key consultant of the ERP integrator leaves mid-project', 'Vendor', 'INI-02', 'Anna Keller'],
  ['Go-live slips into the fiscal year-end freeze window', 'Schedule', 'INI-02', 'Anna Keller'],
  ['Custom pricing logic not supported by standard cloud ERP processes', 'Technical', 'INI-02', 'Olivia Bennett'],
  ['Finance key users unavailable during year-end closing', 'Resource', 'INI-02', 'Lukas Meier'],
  ['Integrator change requests exceed the contingency', 'Financial', 'INI-02', 'Anna Keller'],
  ['Senior developers double-booked on ERP cutover and data platform', 'Resource', 'INI-02', 'Anna Keller'],
  ['E-invoicing format specification changes before the legal deadline', 'Regulatory', 'INI-06', 'Lukas Meier'],
  ['Tax authority test platform unavailable for certification', 'Vendor', 'INI-06', 'Jonas Weber'],
  ['Penalties if e-invoicing is not live by the legal deadline', 'Regulatory', 'INI-06', 'Anna Keller'],
  ['Portal redesign fails the WCAG 2.1 AA accessibility audit', 'Regulatory', 'INI-01', 'Julia Novak'],
  ['Single sign-on from the IAM project not ready for the portal launch', 'Schedule', 'INI-01', 'Marco Rossi'],
  ['Migration of 4,000 product pages underestimated', 'Resource', 'INI-01', 'Priya Raman'],
  ['Launch campaign traffic overloads the new portal', 'Technical', 'INI-01', 'Tobias Frei'],
  ['App store review rejects the release because of the payment flow', 'Schedule', 'INI-04', 'Marco Rossi'],
  ['Push notification provider raises prices', 'Vendor', 'INI-04', 'Aisha Okafor'],
  ['Insufficient device coverage in regression testing', 'Technical', 'INI-04', 'Nina Huber'],
  ['Offline synchronisation conflicts corrupt customer data', 'Technical', 'INI-04', 'Laura Schmid'],
  ['Data platform cloud consumption exceeds the forecast', 'Financial', 'INI-03', 'Reto Baumann'],
  ['Source system owners do not deliver data contracts on time', 'Schedule', 'INI-03', 'Martina Steiner'],
  ['Only one engineer knows the legacy ETL jobs', 'Resource', 'INI-03', 'Chen Wei'],
  ['Personal data in the analytics lake breaches the revised data protection act', 'Regulatory', 'INI-03', 'Yuki Tanaka'],
  ['Duplicate customer records cannot be merged automatically', 'Technical', 'INI-05', 'Sophie Dubois'],
  ['Low sales adoption of the consolidated CRM; licence savings not realised', 'Financial', 'INI-05', 'Sophie Dubois'],
  ['CRM vendor brings end of support for the on-premise edition forward', 'Vendor', 'INI-05', 'Stefan Graf'],
  ['Privileged accounts not inventoried before the IAM rollout', 'Technical', 'INI-07', 'Fatima El-Amrani'],
  ['Audit finding if access recertification is not in place by Q1', 'Regulatory', 'INI-07', 'Olivia Bennett'],
  ['Lead architect leaves end of March; IAM design decisions undocumented', 'Resource', 'INI-07', 'Olivia Bennett'],
  ['Assistant gives incorrect product or warranty answers', 'Technical', 'INI-08', 'Priya Raman'],
  ['Customer data sent to the AI provider breaches customer contracts', 'Regulatory', 'INI-08', 'Sophie Dubois'],
  ['Token costs grow faster than ticket deflection savings', 'Financial', 'INI-08', 'Ines Costa'],
  ['Robot supplier delivery delayed by component shortages', 'Vendor', 'INI-09', 'Martina Steiner'],
  ['Warehouse staff shortage in peak season limits test windows', 'Resource', 'INI-09', 'Samuel Osei'],
  ['Warehouse management system integration needs costly vendor customisation', 'Financial', 'INI-09', 'Stefan Graf'],
  ['Pricing model needs history not yet available in the data platform', 'Schedule', 'INI-10', 'Kwame Mensah'],
  ['Competition authority scrutiny of algorithmic pricing', 'Regulatory', 'INI-10', 'Sophie Dubois'],
  ['Reserved-instance commitments lock in unused capacity', 'Financial', 'INI-11', 'Daniel Brunner'],
  ['Rightsizing production databases causes performance incidents', 'Technical', 'INI-11', 'Daniel Brunner'],
  ['Partners delay onboarding until Legal approves the API terms', 'Schedule', 'INI-12', 'Marco Rossi'],
  ['API gateway vendor switches to per-call licence pricing', 'Vendor', 'INI-12', 'Tobias Frei'],
];

interface Risk {
  readonly id: string;
  readonly risk: string;
  readonly category: RiskCategory;
  readonly owner: string;
  readonly project: string;
  readonly probability: number;
  readonly impact: number;
  readonly costs: readonly [number, number, number];
  readonly response: 'Mitigate' | 'Accept' | 'Transfer' | 'Avoid';
  readonly residual: readonly [number, number];
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function buildRisks(rng: Rng): Risk[] {
  const likelyRange: Record<number, readonly [number, number]> = {
    1: [10_000, 30_000],
    2: [25_000, 75_000],
    3: [60_000, 150_000],
    4: [120_000, 300_000],
    5: [250_000, 600_000],
  };
  return RISKS.map(([risk, category, projectId, owner], i) => {
    const probability = rng.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
    const impact = rng.pick([1, 2, 3, 3, 4, 4, 5]);
    const [lo, hi] = likelyRange[impact] ?? [10_000, 30_000];
    const likely = roundTo(lo + rng.float() * (hi - lo), 5_000);
    const low = Math.min(likely, roundTo(likely * (0.4 + rng.float() * 0.4), 5_000));
    const high = Math.max(likely, roundTo(likely * (1.3 + rng.float() * 1.2), 5_000));
    const response =
      category === 'Vendor' && rng.chance(0.4)
        ? 'Transfer'
        : rng.pick([
            'Mitigate',
            'Mitigate',
            'Mitigate',
            'Mitigate',
            'Accept',
            'Accept',
            'Avoid',
            'Transfer',
          ] as const);
    let residual: readonly [number, number];
    switch (response) {
      case 'Mitigate':
        residual = [Math.max(1, probability - rng.int(1, 2)), Math.max(1, impact - rng.int(0, 1))];
        break;
      case 'Avoid':
        residual = [1, impact];
        break;
      case 'Transfer':
        residual = [probability, Math.max(1, impact - 2)];
        break;
      case 'Accept':
        residual = [probability, impact];
        break;
    }
    return {
      id: `R-${String(i + 1).padStart(3, '0')}`,
      risk,
      category,
      owner,
      project: initiative(projectId).name,
      probability,
      impact,
      costs: [low, likely, high],
      response,
      residual,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Workbook

const DATE_FMT = 'yyyy-mm-dd';
/** Money as Excel's Format Cells › Currency › € Euro (€ 123) writes it; the dashboard shows its money the same way. */
const MONEY_FMT = '[$€-2]\\ #,##0';

function sheet(wb: Workbook, name: string, headerRow: number, widths: readonly number[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  return ws;
}

/** Writes a header row, given as the column names separated by " | " (one line reads like the sheet's row). */
function header(ws: Worksheet, rowNumber: number, names: string): void {
  const row = ws.getRow(rowNumber);
  names.split(' | ').forEach((name, i) => {
    const cell = row.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** Writes one row; null/undefined leave the cell empty, Dates get the date format, Formatted its own format. */
function put(ws: Worksheet, rowNumber: number, values: readonly (CellValue | Formatted)[]): void {
  const row = ws.getRow(rowNumber);
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const cell = row.getCell(i + 1);
    if (typeof v === 'object' && 'numFmt' in v) {
      cell.value = v.value;
      if (v.numFmt) cell.numFmt = v.numFmt;
      return;
    }
    cell.value = v;
    if (v instanceof Date) cell.numFmt = DATE_FMT;
  });
}

const money = (value: number): Formatted => ({ value, numFmt: MONEY_FMT });
const percent = (value: number | string): Formatted | string =>
  typeof value === 'number' ? { value, numFmt: '0%' } : value;

function writeResources(wb: Workbook): void {
  const ws = sheet(wb, 'Resources', 3, [22, 18, 18, 15, 13, 12, 12]);
  ws.getCell('A1').value = 'Northwind Digital — Resource list';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'As of: 2026-11-23';
  ws.getCell('A2').font = { italic: true };
  header(ws, 3, 'Resource | Role | Team | Hours per week | Availability | Start Date | End Date');
  const optionalDay = (iso: string | null) => (iso === null ? null : day(iso));
  PEOPLE.forEach(({ name, role, team, hours, availability, start, end }, i) => {
    put(ws, 4 + i, [name, role, team, hours, availability, optionalDay(start), optionalDay(end)]);
  });
}

function writeAssignments(wb: Workbook, rows: readonly Assignment[]): void {
  const ws = sheet(wb, 'Assignments', 1, [24, 28, 12, 12, 15, 13, 12, 12, 12, 10]);
  header(
    ws,
    1,
    'Resource | Project | Start | End | Hours per week | Allocation % | Total Hours | Status | Probability | Billable',
  );
  // A fully blank row in the middle of the data, as left behind by a deleted line.
  const blankAfter = Math.floor(rows.length / 2);
  let rowNumber = 2;
  rows.forEach((a, i) => {
    if (i === blankAfter) rowNumber++;
    put(ws, rowNumber++, [
      a.resource,
      a.project,
      a.start,
      a.end,
      a.load.column === 'Hours per week' ? a.load.value : null,
      a.load.column === 'Allocation %' ? a.load.value : null,
      a.load.column === 'Total Hours' ? a.load.value : null,
      a.status,
      a.probability,
      a.billable,
    ]);
  });
}

function writeTimeOff(wb: Workbook): void {
  const ws = sheet(wb, 'Time Off', 1, [22, 12, 12, 8, 34]);
  header(ws, 1, 'Resource | Start | End | Hours | Reason');
  [...HOLIDAYS, ...LEAVE].forEach((t, i) => {
    put(ws, 2 + i, [t.resource, day(t.start), day(t.end), t.hours, t.reason]);
  });
}

function writeInitiatives(wb: Workbook): void {
  const ws = sheet(
    wb,
    'Initiatives',
    1,
    [8, 30, 16, 12, 11, 11, 11, 11, 15, 11, 11, 8, 9, 9, 9, 11, 8, 4, 4, 12],
  );
  header(
    ws,
    1,
    'ID | Initiative | Sponsor | Category | Strategic Alignment | Customer Value | Risk Reduction | Complexity | Cost | Business Value | Time Criticality | RR/OE | Job Size | Reach | Impact | Confidence | Effort',
  );
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  INITIATIVES.forEach((ini, i) => {
    const [reach, impact, confidence, effort] = ini.rice;
    put(ws, 2 + i, [
      ini.id,
      ini.name,
      ini.sponsor,
      ini.category,
      ...ini.criteria,
      typeof ini.cost === 'number' ? money(ini.cost) : ini.cost,
      ...ini.wsjf,
      reach,
      impact,
      percent(confidence),
      effort,
    ]);
  });
  // A named value next to the table (two empty columns in between), the way people keep parameters.
  ws.getCell('T1').value = 'Budget';
  ws.getCell('T1').font = { bold: true };
  put(ws, 2, [...Array<null>(19).fill(null), money(BUDGET)]);
}

/**
 * PMBOK-style probability and impact scales (0.1 / 0.3 / 0.5 / 0.7 / 0.9) for the 1–5 ratings the seeds use,
 * so the register has chances (exposure = probability × cost) and lands evenly on a 5×5 heatmap.
 */
const PMBOK_PROBABILITY = [0.1, 0.3, 0.5, 0.7, 0.9] as const;
const PMBOK_IMPACT = PMBOK_PROBABILITY;
const pmbok = (scale: readonly number[], rating: number): number => scale[rating - 1] ?? 0;

function writeRisks(wb: Workbook, risks: readonly Risk[]): void {
  const ws = sheet(wb, 'Risks', 1, [8, 60, 12, 18, 28, 11, 8, 11, 11, 11, 11, 11, 11]);
  header(
    ws,
    1,
    'ID | Risk | Category | Owner | Project | Probability | Impact | Cost Low | Cost Likely | Cost High | Response | Residual Probability | Residual Impact',
  );
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  risks.forEach((r, i) => {
    put(ws, 2 + i, [
      r.id,
      r.risk,
      r.category,
      r.owner,
      r.project,
      pmbok(PMBOK_PROBABILITY, r.probability),
      pmbok(PMBOK_IMPACT, r.impact),
      money(r.costs[0]),
      money(r.costs[1]),
      money(r.costs[2]),
      r.response,
      pmbok(PMBOK_PROBABILITY, r.residual[0]),
      pmbok(PMBOK_IMPACT, r.residual[1]),
    ]);
  });
  for (const column of [6, 12]) ws.getColumn(column).numFmt = '0%';
  for (const column of [7, 13]) ws.getColumn(column).numFmt = '0%';
}

/** Builds the sample workbook in memory; every call returns the same content. */
export function buildSampleWorkbook(): Workbook {
  const rng = new Rng(SEED);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Northwind Digital PMO';
  wb.lastModifiedBy = 'Northwind Digital PMO';
  wb.company = 'Northwind Digital';
  wb.title = 'PMO sample workbook';
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  wb.lastPrinted = FIXED_TIMESTAMP;

  const assignments = buildAssignments(rng);
  const risks = buildRisks(rng);
  writeResources(wb);
  writeAssignments(wb, assignments);
  writeTimeOff(wb);
  writeInitiatives(wb);
  writeRisks(wb, risks);
  return wb;
}

/**
 * JSZip (inside ExcelJS) stamps every zip entry with the current time. Overwrite the DOS time/date of all
 * local and central directory headers so that the file bytes only depend on the content.
 */
function pinZipTimestamps(zip: Buffer, at: Date): Buffer {
  const dosTime = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const dosDate = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('unexpected zip central directory layout');
    zip.writeUInt16LE(dosTime, p + 12);
    zip.writeUInt16LE(dosDate, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('unexpected zip local header layout');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** Writes the sample workbook to `outPath`; the bytes are identical on every run. */
export async function writeSampleWorkbook(outPath: string): Promise<void> {
  const data = await buildSampleWorkbook().xlsx.writeBuffer();
  await writeFile(outPath, pinZipTimestamps(Buffer.from(data), FIXED_TIMESTAMP));
}

export const DEFAULT_SAMPLE_PATH = fileURLToPath(new URL('./pmo-sample.xlsx', import.meta.url));

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_SAMPLE_PATH);
  await writeSampleWorkbook(out);
  console.log(`wrote ${out}`);
}
