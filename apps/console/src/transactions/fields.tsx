import { Box, Tooltip, Typography } from '@mui/material';
import { useFieldValue, useRecordContext } from 'react-admin';
import type { Transaction } from '../api/types';
import { StatusChipField } from '../common/fields';
import { TRANSACTION_STATES, WORKFLOW_STATES } from './constants';
import { formatMoney, patientName, paymentLabel, shortId } from './format';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em' };

const Dash = () => (
  <Typography component="span" variant="body2" color="text.secondary">
    —
  </Typography>
);

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Date over time, narrow enough for a wide table. */
export const CreatedAtField = () => {
  const record = useRecordContext<Transaction>();
  const date = record?.createdAt ? new Date(record.createdAt) : null;
  if (!date || Number.isNaN(date.getTime())) return <Dash />;
  return (
    <Box sx={{ whiteSpace: 'nowrap' }} title={date.toString()}>
      <Typography variant="body2">{day.format(date)}</Typography>
      <Typography variant="caption" color="text.secondary">
        {clock.format(date)}
      </Typography>
    </Box>
  );
};

/** The first 12 characters of the transaction ID; the full ID on hover. */
export const TransactionIdField = () => {
  const record = useRecordContext<Transaction>();
  const id = record?.transactionId ?? (record?.id ? String(record.id) : null);
  if (!id) return <Dash />;
  return (
    <Tooltip title={<Box sx={mono}>{id}</Box>}>
      <Typography component="span" variant="body2" sx={mono} aria-label={`Transaction ${id}`}>
        {shortId(id)}
      </Typography>
    </Tooltip>
  );
};

/** "$25.00", from the decimal `amount` string. */
export const AmountField = ({
  source = 'amount',
}: {
  source?: 'amount' | 'requestAmount' | 'refundedAmount';
}) => {
  const record = useRecordContext<Transaction>();
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(record?.[source])}
    </Typography>
  );
};

export const TransactionStatusField = () => <StatusChipField source="status" states={TRANSACTION_STATES} />;

/** "VISA •••• 1111" or "•••• 6789" (eCheck). */
export const PaymentField = () => {
  const record = useRecordContext<Transaction>();
  const label = record ? paymentLabel(record) : null;
  if (!label) return <Dash />;
  return (
    <Typography component="span" variant="body2" sx={{ ...mono, whiteSpace: 'nowrap' }}>
      {label}
    </Typography>
  );
};

export const PatientNameField = () => {
  const record = useRecordContext<Transaction>();
  const name = record ? patientName(record) : '';
  return name ? <Typography variant="body2">{name}</Typography> : <Dash />;
};

/** "storeId/terminalId". */
export const OutletField = () => {
  const record = useRecordContext<Transaction>();
  if (!record?.storeId && !record?.terminalId) return <Dash />;
  return (
    <Typography component="span" variant="body2" sx={{ ...mono, whiteSpace: 'nowrap' }}>
      {record.storeId ?? '—'}/{record.terminalId ?? '—'}
    </Typography>
  );
};

/** The webhook posting status chip; nothing when no endpoint was notified. */
export const WorkflowStatusField = () => {
  const value: unknown = useFieldValue({ source: 'workflowStatus' });
  return value ? <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} /> : null;
};
