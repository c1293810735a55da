import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BreakdownRow } from './dashboard-api';
import { metricsOf } from './dashboard-api';

const COLOURS: Record<string, string> = {
  filed: '#1677ff',
  resolved: '#52c41a',
  open: '#faad14',
  breached: '#ff4d4f',
  count: '#1677ff',
};
const FALLBACK = ['#722ed1', '#13c2c2', '#eb2f96', '#fa8c16'];

/** A grouped bar chart of whatever numeric metrics a breakdown carries. */
export default function BreakdownChart({
  rows,
  metricLabel,
}: {
  rows: BreakdownRow[];
  metricLabel: (m: string) => string;
}) {
  const metrics = metricsOf(rows).filter((m) => !/rate$/i.test(m));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={rows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend />
        {metrics.map((m, i) => (
          <Bar
            key={m}
            dataKey={m}
            name={metricLabel(m)}
            fill={COLOURS[m] ?? FALLBACK[i % FALLBACK.length]}
            radius={[3, 3, 0, 0]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
