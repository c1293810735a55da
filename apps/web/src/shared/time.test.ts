// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dayjs, formatDateTime, formatDuration, toZonedIso } from './time';

const units = { d: 'd', h: 'h', m: 'm' };

describe('times in Beijing', () => {
  it('shows UTC instants in Asia/Shanghai', () => {
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(formatDateTime(null)).toBe('—');
  });
  it('reads a picked wall-clock time as Beijing time', () => {
    expect(toZonedIso(dayjs('2026-11-05 09:00'))).toBe('2026-11-05T09:00:00+08:00');
  });
  it('formats durations with the two largest units', () => {
    expect(formatDuration(((2 * 24 + 3) * 60 + 10) * 60_000, units)).toBe('2d 3h');
    expect(formatDuration(95 * 60_000, units)).toBe('1h 35m');
    expect(formatDuration(30_000, units)).toBe('0m');
    expect(formatDuration(-90 * 60_000, units)).toBe('1h 30m');
  });
});
