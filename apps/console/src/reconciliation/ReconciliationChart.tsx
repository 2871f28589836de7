import { alpha } from '@mui/material/styles';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslate } from 'react-admin';
import type { ReconciliationDay } from '../api/settlementTypes';
import { formatShortDate } from '../common/dates';
import { formatDollars, formatDollarsAxis } from '../common/money';
import { brand } from '../theme';

interface Row {
  date: string;
  label: string;
  gross: number;
  fees: number;
  net: number;
  expected: number;
  deposited: number;
}

/** Legend order: as drawn, not alphabetical. */
const ORDER = ['gross', 'fees', 'net', 'expected', 'deposited'];

const toRow = (day: ReconciliationDay): Row => ({
  date: day.date,
  label: formatShortDate(day.date),
  gross: day.grossCents / 100,
  fees: Math.abs(day.feeCents) / 100,
  net: day.netCents / 100,
  expected: day.depositsExpectedCents / 100,
  deposited: day.depositsDepositedCents / 100,
});

/** Gross and fees as bars, net and deposits as lines, one point per business day. Loaded lazily. */
const ReconciliationChart = ({ days }: { days: ReconciliationDay[] }) => {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={days.map(toRow)} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={brand.line} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={12} />
        <YAxis
          tickFormatter={(v: number) => formatDollarsAxis(v)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={80}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? formatDollars(value) : String(value))}
          cursor={{ fill: alpha(brand.teal, 0.08) }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => ORDER.indexOf(String(item.dataKey))} />
        <Bar
          dataKey="gross"
          name={translate('conduit.settlements.figures.gross')}
          fill={brand.teal}
          radius={[4, 4, 0, 0]}
          maxBarSize={28}
        />
        <Bar
          dataKey="fees"
          name={translate('conduit.settlements.figures.fees')}
          fill="#7b8794"
          radius={[4, 4, 0, 0]}
          maxBarSize={28}
        />
        <Line
          dataKey="net"
          name={translate('conduit.settlements.figures.net')}
          stroke={brand.navy}
          strokeWidth={2}
          dot={{ r: 2 }}
          type="monotone"
        />
        <Line
          dataKey="expected"
          name={translate('conduit.settlements.figures.deposits_expected')}
          stroke="#c77d12"
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={{ r: 2 }}
          type="monotone"
        />
        <Line
          dataKey="deposited"
          name={translate('conduit.settlements.figures.deposited')}
          stroke="#2e8b57"
          strokeWidth={2}
          dot={{ r: 2 }}
          type="monotone"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
};

export default ReconciliationChart;
