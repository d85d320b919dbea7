// Dates as Google Sheets holds them: a date cell is a Date at midnight in the spreadsheet's time zone. These
// helpers convert between ISO days and such instants with the platform's time-zone database (Intl).

/** Offset of `timeZone` from UTC at instant `time`, in milliseconds. */
export function zoneOffset(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
    Math.floor(time / 1000) * 1000
  );
}

/** Midnight of an ISO day in `timeZone`, as a Date: what a Sheets date cell holds. */
export function midnightIn(iso: string, timeZone: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  const guess = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  let time = guess - zoneOffset(guess, timeZone);
  time = guess - zoneOffset(time, timeZone);
  return new Date(time);
}

/** ISO day of `date` in `timeZone`. */
export function isoIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
