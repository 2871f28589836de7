import type { ReactNode } from 'react';
import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate } from '../common/dates';
import { StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { DEPOSIT_STATES } from './constants';

/** Refunds, returns, chargebacks and fees reduce the net: shown negative whatever the sign sent. */
export const deduction = (cents: number | null | undefined): number =>
  typeof cents === 'number' && cents !== 0 ? -Math.abs(cents) : 0;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

export interface MoneyFigureProps {
  label: string;
  cents: number;
  caption?: ReactNode;
  emphasis?: boolean;
  testId: string;
}

/** One amount on a card, negative in the error colour. */
export const MoneyFigure = ({ label, cents, caption, emphasis, testId }: MoneyFigureProps) => (
  <Card sx={{ height: '100%', ...(emphasis ? { borderColor: 'primary.main' } : {}) }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant={emphasis ? 'h5' : 'h6'}
        component="p"
        sx={{ fontVariantNumeric: 'tabular-nums', color: cents < 0 ? 'error.main' : undefined }}
        data-testid={testId}
      >
        {formatCents(cents)}
      </Typography>
      {caption && (
        <Typography variant="caption" color="text.secondary" component="div">
          {caption}
        </Typography>
      )}
    </CardContent>
  </Card>
);

const WIDTH = { xs: 6, sm: 4, md: 3 };

/** The batch's totals: what was taken, what came back, what it cost, and what reaches the bank. */
export const TotalsCards = () => {
  const record = useRecordContext<Settlement>();
  if (!record) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Sales"
          cents={record.saleCents}
          caption={plural(record.saleCount, 'sale')}
          testId="settlement-sales"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Refunds"
          cents={deduction(record.refundCents)}
          caption={plural(record.refundCount, 'refund')}
          testId="settlement-refunds"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Returns"
          cents={deduction(record.returnCents)}
          caption={plural(record.returnCount, 'eCheck return')}
          testId="settlement-returns"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Chargebacks"
          cents={deduction(record.chargebackCents)}
          caption={plural(record.chargebackCount, 'chargeback')}
          testId="settlement-chargebacks"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Chargeback reversals"
          cents={Math.abs(record.reversalCents ?? 0)}
          caption={plural(record.reversalCount, 'reversal')}
          testId="settlement-reversals"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Fees"
          cents={deduction(record.feeCents)}
          caption="Processing, return and chargeback fees"
          testId="settlement-fees"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Net"
          cents={record.netCents}
          caption="Sales less everything above"
          emphasis
          testId="settlement-net"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="Expected deposit"
          cents={record.depositCents}
          emphasis
          testId="settlement-deposit"
          caption={
            <Box
              component="span"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
            >
              <span>
                {record.depositDate ? `On ${formatBusinessDate(record.depositDate)}` : 'Date not set'}
              </span>
              <StatusChipField source="depositStatus" states={DEPOSIT_STATES} />
            </Box>
          }
        />
      </Grid>
    </Grid>
  );
};
