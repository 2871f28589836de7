import { lazy, Suspense } from 'react';
import {
  Box,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { SettlementFigures, Settlement } from '../api/settlementTypes';
import { formatCents } from '../common/money';
import { Nothing, Panel } from '../transactions/Panel';
import { breakdownLabel } from './constants';
import { deduction } from './TotalsCards';

const BreakdownChart = lazy(() => import('./BreakdownChart'));

const Amount = ({ cents, count }: { cents: number; count?: number }) => (
  <>
    <Typography
      variant="body2"
      component="span"
      sx={{
        display: 'block',
        fontVariantNumeric: 'tabular-nums',
        color: cents < 0 ? 'error.main' : undefined,
      }}
    >
      {formatCents(cents)}
    </Typography>
    {count !== undefined && (
      <Typography variant="caption" color="text.secondary">
        {count.toLocaleString()}
      </Typography>
    )}
  </>
);

const HEADINGS = ['sales', 'refunds', 'returns', 'chargebacks', 'reversals', 'fees', 'net'].map(
  (figure) => `conduit.settlements.figures.${figure}`,
);

const Cells = ({ figures }: { figures: SettlementFigures }) => (
  <>
    <TableCell align="right">
      <Amount cents={figures.saleCents} count={figures.saleCount} />
    </TableCell>
    <TableCell align="right">
      <Amount cents={deduction(figures.refundCents)} count={figures.refundCount} />
    </TableCell>
    <TableCell align="right">
      <Amount cents={deduction(figures.returnCents)} count={figures.returnCount} />
    </TableCell>
    <TableCell align="right">
      <Amount cents={deduction(figures.chargebackCents)} count={figures.chargebackCount} />
    </TableCell>
    <TableCell align="right">
      <Amount cents={Math.abs(figures.reversalCents)} count={figures.reversalCount} />
    </TableCell>
    <TableCell align="right">
      <Amount cents={deduction(figures.feeCents)} />
    </TableCell>
    <TableCell align="right">
      <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {formatCents(figures.netCents)}
      </Typography>
    </TableCell>
  </>
);

/** The batch by tender and card brand: a chart to compare, a table to check figures against. */
export const BreakdownPanel = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = record.breakdown ?? [];
  return (
    <Panel title="conduit.settlements.breakdown.title" subheader="conduit.settlements.breakdown.subheader">
      {rows.length === 0 ? (
        <Nothing text="conduit.settlements.no_items" />
      ) : (
        <>
          <Box data-testid="settlement-breakdown-chart" sx={{ mb: 2 }}>
            <Suspense fallback={<Skeleton variant="rounded" height={280} />}>
              <BreakdownChart rows={rows} />
            </Suspense>
          </Box>
          <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
            <Table size="small" aria-label={translate('conduit.settlements.breakdown.table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('conduit.settlements.breakdown.tender')}</TableCell>
                  {HEADINGS.map((h) => (
                    <TableCell key={h} align="right">
                      {translate(h)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={`${row.tender}-${row.brand ?? ''}`}>
                    <TableCell>{breakdownLabel(row, translate)}</TableCell>
                    <Cells figures={row} />
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow
                  sx={{
                    '& td': { fontWeight: 600, fontSize: '0.875rem', color: 'text.primary', borderBottom: 0 },
                  }}
                >
                  <TableCell>{translate('conduit.settlements.breakdown.total')}</TableCell>
                  <Cells figures={record} />
                </TableRow>
              </TableFooter>
            </Table>
          </Box>
        </>
      )}
    </Panel>
  );
};
