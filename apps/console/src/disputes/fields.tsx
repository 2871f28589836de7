import { Box, Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import type { Dispute } from '../api/settlementTypes';
import { dueCountdown } from '../common/dates';
import { paymentLabel } from '../transactions/format';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em' };

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** dueCountdown's English ("Due in 5 days") in the console's language. */
export const translateCountdown = (countdown: string, translate: TranslateFunction): string => {
  const days = /^Due in (\d+) days$/.exec(countdown);
  if (days) return translate('conduit.disputes.due.in_days', { days: days[1] });
  const key = { Overdue: 'overdue', 'Due today': 'today', 'Due tomorrow': 'tomorrow' }[countdown];
  return key ? translate(`conduit.disputes.due.${key}`) : countdown;
};

/** The countdown chip while a response is still wanted: "Due in 5 days", "Overdue". */
export const DueCountdown = ({ record }: { record: Dispute }) => {
  const translate = useTranslate();
  if (record.status !== 'NEEDS_RESPONSE') return null;
  const countdown = dueCountdown(record.dueAt);
  if (!countdown) return null;
  const urgent = countdown === 'Overdue' || countdown === 'Due today' || countdown === 'Due tomorrow';
  return (
    <Chip
      size="small"
      label={translateCountdown(countdown, translate)}
      color={countdown === 'Overdue' ? 'error' : urgent ? 'warning' : 'default'}
      variant={urgent ? 'filled' : 'outlined'}
      data-testid="dispute-countdown"
    />
  );
};

/** Response due date over its countdown. */
export const DueField = () => {
  const record = useRecordContext<Dispute>();
  if (!record) return null;
  const due = record.dueAt ? new Date(record.dueAt) : null;
  return (
    <Box sx={{ whiteSpace: 'nowrap', display: 'grid', gap: 0.5, justifyItems: 'start' }}>
      <Typography variant="body2" title={due ? due.toString() : undefined}>
        {due && !Number.isNaN(due.getTime()) ? day.format(due) : '—'}
      </Typography>
      <DueCountdown record={record} />
    </Box>
  );
};

/** "10.4" over "Other Fraud – Card Absent Environment". */
export const ReasonField = () => {
  const record = useRecordContext<Dispute>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 0, maxWidth: 320 }}>
      <Typography variant="body2" sx={{ ...mono, fontWeight: 600 }}>
        {[record.network?.toUpperCase(), record.reasonCode].filter(Boolean).join(' ')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {record.reasonDescription ?? ''}
      </Typography>
    </Box>
  );
};

export const DisputeCardField = () => {
  const record = useRecordContext<Dispute>();
  const label = record
    ? paymentLabel({ cardBrand: record.cardBrand, cardLast4: record.cardLast4, accountLast4: null })
    : null;
  return (
    <Typography component="span" variant="body2" sx={{ ...mono, whiteSpace: 'nowrap' }}>
      {label ?? '—'}
    </Typography>
  );
};
