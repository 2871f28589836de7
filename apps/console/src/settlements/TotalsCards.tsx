import type { ReactNode } from 'react';
import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate } from '../common/dates';
import { StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { DEPOSIT_STATES } from './constants';

/** Refunds, returns, chargebacks and fees reduce the net: shown negative whatever the sign sent. */
export const deduction = (cents: number | null | undefined): number =>
  typeof cents === 'number' && cents !== 0 ? -Math.abs(cents) : 0;

/** `key` is a "%{count} one |||| %{count} many" message. */
const plural = (translate: TranslateFunction, count: number, key: string) =>
  translate(key, { smart_count: count, count: count.toLocaleString() });

export interface MoneyFigureProps {
  /** An i18n key. */
  label: string;
  cents: number;
  caption?: ReactNode;
  emphasis?: boolean;
  testId: string;
}

/** One amount on a card, negative in the error colour. */
export const MoneyFigure = ({ label, cents, caption, emphasis, testId }: MoneyFigureProps) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%', ...(emphasis ? { borderColor: 'primary.main' } : {}) }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
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
};

const WIDTH = { xs: 6, sm: 4, md: 3 };

/** The batch's totals: what was taken, what came back, what it cost, and what reaches the bank. */
export const TotalsCards = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.sales"
          cents={record.saleCents}
          caption={plural(translate, record.saleCount, 'conduit.settlements.counts.sales')}
          testId="settlement-sales"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.refunds"
          cents={deduction(record.refundCents)}
          caption={plural(translate, record.refundCount, 'conduit.settlements.counts.refunds')}
          testId="settlement-refunds"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.returns"
          cents={deduction(record.returnCents)}
          caption={plural(translate, record.returnCount, 'conduit.settlements.counts.returns')}
          testId="settlement-returns"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.chargebacks"
          cents={deduction(record.chargebackCents)}
          caption={plural(translate, record.chargebackCount, 'conduit.settlements.counts.chargebacks')}
          testId="settlement-chargebacks"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.chargeback_reversals"
          cents={Math.abs(record.reversalCents ?? 0)}
          caption={plural(translate, record.reversalCount, 'conduit.settlements.counts.reversals')}
          testId="settlement-reversals"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.fees"
          cents={deduction(record.feeCents)}
          caption={translate('conduit.settlements.captions.fees')}
          testId="settlement-fees"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.net"
          cents={record.netCents}
          caption={translate('conduit.settlements.captions.net')}
          emphasis
          testId="settlement-net"
        />
      </Grid>
      <Grid size={WIDTH}>
        <MoneyFigure
          label="conduit.settlements.figures.expected_deposit"
          cents={record.depositCents}
          emphasis
          testId="settlement-deposit"
          caption={
            <Box
              component="span"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
            >
              <span>
                {record.depositDate
                  ? translate('conduit.settlements.captions.deposit_on', {
                      day: formatBusinessDate(record.depositDate),
                    })
                  : translate('conduit.settlements.captions.date_not_set')}
              </span>
              <StatusChipField source="depositStatus" states={DEPOSIT_STATES} />
            </Box>
          }
        />
      </Grid>
    </Grid>
  );
};
