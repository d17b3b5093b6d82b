// Dates as a reader writes them, in the reader's own time zone: 2026年11月30日 13:17 in
// Japanese, November 30, 2026, 13:17 in English. Stored times are UTC (ISO 8601); an
// export that printed them as such would tell a reader in Tokyo that a note written
// at 13:17 was written at 04:17. The numbers come from Intl (time zone rules); the
// words are ours, so the output does not change with the ICU build.
import type { Language } from '../api/types';

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

/** This machine's time zone (IANA name), the default of every export. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Throws a RangeError naming the zone when it is not a time zone Intl knows. */
export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  }
  return timeZone;
}

/** A stored ISO time as local date and time (minutes) in `timeZone`. */
export function formatLocalDateTime(
  iso: string,
  language: Language,
  timeZone: string = localTimeZone(),
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${JSON.stringify(iso)}`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: checkTimeZone(timeZone),
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const [year, month, day] = [part('year'), Number(part('month')), Number(part('day'))];
  const time = `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;
  return language === 'ja'
    ? `${year}年${month}月${day}日 ${time}`
    : `${MONTHS[month - 1]} ${day}, ${year}, ${time}`;
}

/** The local day of a stored ISO time in `timeZone`, as YYYY-MM-DD (for file names). */
export function localDateStamp(iso: string, timeZone: string = localTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${JSON.stringify(iso)}`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: checkTimeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
