import { Box, Paper, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { useTranslate } from 'react-admin';
import type { VolumePoint } from '../api/types';
import { brand } from '../theme';

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const moneyExact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

interface Row {
  hour: number;
  label: string;
  amount: number;
  count: number;
  approvedCount: number;
}

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** All 24 hours, so quiet hours show as gaps rather than disappearing from the axis. */
const dayOf = (data: VolumePoint[]): Row[] => {
  const byHour = new Map(data.map((p) => [p.hour, p]));
  return Array.from({ length: 24 }, (_, hour) => {
    const point = byHour.get(hour);
    return {
      hour,
      label: pad(hour),
      amount: (point?.amountCents ?? 0) / 100,
      count: point?.count ?? 0,
      approvedCount: point?.approvedCount ?? 0,
    };
  });
};

const HourTooltip = ({ active, payload, timeZone }: TooltipContentProps & { timeZone: string }) => {
  const translate = useTranslate();
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  return (
    <Paper elevation={3} sx={{ px: 1.5, py: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {pad(row.hour)}–{pad((row.hour + 1) % 24)} {timeZone}
      </Typography>
      <Typography variant="subtitle1">{moneyExact.format(row.amount)}</Typography>
      <Box component="p" sx={{ m: 0, typography: 'body2' }}>
        {translate('conduit.dashboard.chart.transactions', {
          smart_count: row.count,
          count: row.count.toLocaleString(),
        })}
        {row.count > 0 &&
          ` · ${translate('conduit.dashboard.approved_count', { count: row.approvedCount.toLocaleString() })}`}
      </Box>
    </Paper>
  );
};

/** Loaded lazily so recharts is only fetched when there is something to draw. */
const VolumeChart = ({ data, timeZone }: { data: VolumePoint[]; timeZone: string }) => {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={dayOf(data)} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={brand.line} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval={2} />
        <YAxis
          tickFormatter={(v: number) => money.format(v)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={72}
          allowDecimals={false}
        />
        <Tooltip
          content={(props) => <HourTooltip {...props} timeZone={timeZone} />}
          cursor={{ fill: alpha(brand.teal, 0.08) }}
        />
        <Bar
          dataKey="amount"
          name={translate('conduit.dashboard.chart.volume')}
          fill={brand.teal}
          radius={[6, 6, 0, 0]}
        />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default VolumeChart;
