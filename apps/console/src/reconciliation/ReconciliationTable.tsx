import type { ReactNode } from 'react';
import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { Reconciliation, ReconciliationFigures } from '../api/settlementTypes';
import { formatWeekdayDate } from '../common/dates';
import { formatCents } from '../common/money';
import { deduction } from '../settlements/TotalsCards';

const Money = ({ cents, strong }: { cents: number; strong?: boolean }) => (
  <Typography
    variant="body2"
    component="span"
    sx={{
      fontVariantNumeric: 'tabular-nums',
      whiteSpace: 'nowrap',
      fontWeight: strong ? 600 : undefined,
      color: cents < 0 ? 'error.main' : undefined,
    }}
  >
    {formatCents(cents)}
  </Typography>
);

/** `heading` is an i18n key. */
const COLUMNS: { heading: string; cell: (f: ReconciliationFigures) => ReactNode }[] = [
  { heading: 'conduit.reconciliation.batches', cell: (f) => f.batchCount.toLocaleString() },
  { heading: 'conduit.settlements.figures.gross', cell: (f) => <Money cents={f.grossCents} /> },
  { heading: 'conduit.settlements.figures.refunds', cell: (f) => <Money cents={deduction(f.refundCents)} /> },
  { heading: 'conduit.settlements.figures.returns', cell: (f) => <Money cents={deduction(f.returnCents)} /> },
  {
    heading: 'conduit.settlements.figures.chargebacks',
    cell: (f) => <Money cents={deduction(f.chargebackCents)} />,
  },
  {
    heading: 'conduit.settlements.figures.reversals',
    cell: (f) => <Money cents={Math.abs(f.reversalCents)} />,
  },
  { heading: 'conduit.settlements.figures.fees', cell: (f) => <Money cents={deduction(f.feeCents)} /> },
  { heading: 'conduit.settlements.figures.net', cell: (f) => <Money cents={f.netCents} strong /> },
  {
    heading: 'conduit.settlements.figures.deposits_expected',
    cell: (f) => <Money cents={f.depositsExpectedCents} />,
  },
  {
    heading: 'conduit.settlements.figures.deposited',
    cell: (f) => <Money cents={f.depositsDepositedCents} />,
  },
];

/** The settlements list for one business day (and merchant, when one is chosen). */
const dayLink = (date: string, merchantId: string | null) => {
  const filter = { businessDateFrom: date, businessDateTo: date, ...(merchantId ? { merchantId } : {}) };
  return `/settlements?filter=${encodeURIComponent(JSON.stringify(filter))}`;
};

/** One row per business day and a totals row; each day opens its batches. */
export const ReconciliationTable = ({
  data,
  merchantId,
}: {
  data: Reconciliation;
  merchantId: string | null;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
      <Table size="small" aria-label={translate('conduit.reconciliation.table')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.settlements.fields.businessDate')}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.heading} align="right">
                {translate(c.heading)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.days.map((day) => (
            <TableRow key={day.date} hover data-testid={`reconciliation-day-${day.date.slice(0, 10)}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link to={dayLink(day.date.slice(0, 10), merchantId)}>{formatWeekdayDate(day.date)}</Link>
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.heading} align="right">
                  {c.cell(day)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow
            data-testid="reconciliation-totals"
            sx={{
              '& td': {
                fontWeight: 600,
                fontSize: '0.875rem',
                color: 'text.primary',
                borderBottom: 0,
                bgcolor: 'action.hover', // a theme colour: the totals read in both themes
              },
            }}
          >
            <TableCell>{translate('conduit.settlements.breakdown.total')}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.heading} align="right">
                {c.cell(data.totals)}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </Box>
  );
};
