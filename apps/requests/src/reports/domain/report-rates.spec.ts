import { rate, sumCounts, toReportLine, type ReportCounts } from './report-rates';

const counts = (over: Partial<ReportCounts>): ReportCounts => ({
  filed: 0,
  resolved: 0,
  open: 0,
  breached: 0,
  resolvedOnTime: 0,
  accepted: 0,
  acceptedOnTime: 0,
  rated: 0,
  good: 0,
  ...over,
});

describe('report rates', () => {
  it('is null, not 0 % or 100 %, when nothing was counted', () => {
    expect(rate(0, 0)).toBeNull();
    expect(toReportLine(counts({ filed: 3, open: 3 }))).toMatchObject({
      onTimeResolutionRate: null,
      responseMetRate: null,
      satisfactionRate: null,
    });
  });

  it('divides by what was resolved, accepted and rated, to four decimals', () => {
    const line = toReportLine(counts({ filed: 10, resolved: 3, resolvedOnTime: 2, accepted: 8, acceptedOnTime: 8, rated: 3, good: 1 }));
    expect(line.onTimeResolutionRate).toBe(0.6667);
    expect(line.responseMetRate).toBe(1);
    expect(line.satisfactionRate).toBe(0.3333);
  });

  it('sums groups into the total before dividing (no average of averages)', () => {
    const total = sumCounts([counts({ resolved: 1, resolvedOnTime: 1 }), counts({ resolved: 3, resolvedOnTime: 0 })]);
    expect(toReportLine(total).onTimeResolutionRate).toBe(0.25);
  });
});
