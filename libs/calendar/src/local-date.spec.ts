import { formatLocalDate, isoWeekday, parseLocalDate } from './local-date';

describe('local dates as day numbers', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['1970-01-05', 4, 1],
    ['1969-12-28', -4, 7],
    ['2025-10-11', 20372, 6],
    ['2024-02-29', 19782, 4],
    ['0099-03-01', -683309, 7],
  ])('%s is day %d, ISO weekday %d', (text, day, weekday) => {
    expect(parseLocalDate(text)).toBe(day);
    expect(formatLocalDate(day)).toBe(text);
    expect(isoWeekday(day)).toBe(weekday);
  });

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-01',
    '25-01-01',
    '2025-01-01T00:00',
    ' 2025-01-01',
    '',
    20250101,
    null,
  ])('rejects %p', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });
});
