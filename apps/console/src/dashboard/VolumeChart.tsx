import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { VolumePoint } from '../api/types';
import { brand } from '../theme';

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const moneyExact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

const hourLabel = (hour: string | number): string => {
  if (typeof hour === 'number') return `${String(hour).padStart(2, '0')}:00`;
  const date = new Date(hour);
  return Number.isNaN(date.getTime())
    ? hour
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

/** Loaded lazily so recharts is only fetched when there is something to draw. */
const VolumeChart = ({ data }: { data: VolumePoint[] }) => {
  const rows = data.map((p) => ({ label: hourLabel(p.hour), amount: p.amountCents / 100, count: p.count }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={brand.line} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
        <YAxis
          tickFormatter={(v: number) => money.format(v)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={72}
        />
        <Tooltip
          formatter={(value, name) =>
            name === 'amount' ? [moneyExact.format(Number(value)), 'Volume'] : [value, name]
          }
          labelFormatter={(label) => `Hour ${String(label)}`}
        />
        <Bar dataKey="amount" fill={brand.teal} radius={[6, 6, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default VolumeChart;
