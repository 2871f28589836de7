import { alpha } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslate, type TranslateFunction } from 'react-admin';
import type { SettlementBreakdownRow } from '../api/settlementTypes';
import { formatDollars, formatDollarsAxis } from '../common/money';
import { brand } from '../theme';
import { breakdownLabel } from './constants';
import { deduction } from './TotalsCards';

interface Series {
  key: 'sales' | 'refunds' | 'returns' | 'chargebacks' | 'reversals' | 'fees' | 'net';
  /** An i18n key. */
  name: string;
  colour: string;
  /** Drawn even when every row is zero. */
  always?: boolean;
}

const SERIES: Series[] = [
  { key: 'sales', name: 'conduit.settlements.figures.sales', colour: brand.teal, always: true },
  { key: 'refunds', name: 'conduit.settlements.figures.refunds', colour: '#c77d12' },
  { key: 'returns', name: 'conduit.settlements.figures.returns', colour: '#8d6e63' },
  { key: 'chargebacks', name: 'conduit.settlements.figures.chargebacks', colour: '#c0392b' },
  { key: 'reversals', name: 'conduit.settlements.figures.reversals', colour: '#2a6fb0' },
  { key: 'fees', name: 'conduit.settlements.figures.fees', colour: '#7b8794', always: true },
  { key: 'net', name: 'conduit.settlements.figures.net', colour: brand.navy, always: true },
];

type Row = { label: string } & Record<Series['key'], number>;

const toRow = (row: SettlementBreakdownRow, translate: TranslateFunction): Row => ({
  label: breakdownLabel(row, translate),
  sales: row.saleCents / 100,
  refunds: deduction(row.refundCents) / 100,
  returns: deduction(row.returnCents) / 100,
  chargebacks: deduction(row.chargebackCents) / 100,
  reversals: Math.abs(row.reversalCents) / 100,
  fees: deduction(row.feeCents) / 100,
  net: row.netCents / 100,
});

/** Loaded lazily, like the dashboard's chart, so recharts is fetched only where a chart is drawn. */
const BreakdownChart = ({ rows }: { rows: SettlementBreakdownRow[] }) => {
  const translate = useTranslate();
  const data = rows.map((row) => toRow(row, translate));
  const series = SERIES.filter((s) => s.always || data.some((row) => row[s.key] !== 0));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={brand.line} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
        <YAxis
          tickFormatter={(v: number) => formatDollarsAxis(v)}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={80}
        />
        <ReferenceLine y={0} stroke={brand.line} />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? formatDollars(value) : String(value))}
          cursor={{ fill: alpha(brand.teal, 0.08) }}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={(item) => SERIES.findIndex((s) => s.key === item.dataKey)}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={translate(s.name)}
            fill={s.colour}
            radius={3}
            maxBarSize={36}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};

export default BreakdownChart;
