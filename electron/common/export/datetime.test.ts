import { describe, expect, it } from 'vitest';
import { checkTimeZone, formatLocalDateTime, localTimeZone } from './datetime';

describe('formatLocalDateTime', () => {
  const iso = '2026-11-30T04:17:59.900Z';
  it('writes a Japanese reader’s local date and time', () => {
    expect(formatLocalDateTime(iso, 'ja', 'Asia/Tokyo')).toBe('2026年11月30日 13:17');
    expect(formatLocalDateTime('2026-01-05T15:04:00Z', 'ja', 'Asia/Tokyo')).toBe(
      '2026年1月6日 00:04',
    );
  });
  it('writes English, and follows the given zone across a date line and summer time', () => {
    expect(formatLocalDateTime(iso, 'en', 'Asia/Tokyo')).toBe('November 30, 2026, 13:17');
    expect(formatLocalDateTime(iso, 'en', 'America/Toronto')).toBe('November 29, 2026, 23:17');
    expect(formatLocalDateTime('2026-07-01T12:00:00Z', 'en', 'America/Toronto')).toBe(
      'July 1, 2026, 08:00',
    );
  });
  it('defaults to this machine’s zone', () => {
    expect(formatLocalDateTime(iso, 'ja')).toBe(formatLocalDateTime(iso, 'ja', localTimeZone()));
  });
  it('refuses an unknown zone or a bad time with a clear error', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrowError('unknown time zone: "Mars/Olympus"');
    expect(() => formatLocalDateTime('yesterday', 'ja', 'UTC')).toThrowError(
      'not a time: "yesterday"',
    );
  });
});
