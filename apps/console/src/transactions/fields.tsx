import { Box, Tooltip, Typography } from '@mui/material';
import { useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import type { Transaction } from '../api/types';
import { StatusChipField } from '../common/fields';
import { useMerchantTimeZone, zoneAbbreviation } from '../common/timeZones';
import { TRANSACTION_STATES, WORKFLOW_STATES } from './constants';
import { formatMoney, notCharged, patientName, paymentLabel, shortId } from './format';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em' };

const Dash = () => (
  <Typography component="span" variant="body2" color="text.secondary">
    —
  </Typography>
);

/**
 * Date over time in the merchant's time zone, with the zone named ("2:07 PM CST"), narrow
 * enough for a wide table; the full date, time and zone name on hover.
 */
export const CreatedAtField = () => {
  const record = useRecordContext<Transaction>();
  const timeZone = useMerchantTimeZone(record?.merchantId);
  const date = record?.createdAt ? new Date(record.createdAt) : null;
  if (!date || Number.isNaN(date.getTime())) return <Dash />;
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(date);
  const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone }).format(date);
  const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long', timeZone }).format(
    date,
  );
  return (
    <Box sx={{ whiteSpace: 'nowrap' }} title={`${full} (${timeZone})`} data-time-zone={timeZone}>
      <Typography variant="body2">{day}</Typography>
      <Typography variant="caption" color="text.secondary">
        {clock} {zoneAbbreviation(date, timeZone)}
      </Typography>
    </Box>
  );
};

/** The first 12 characters of the transaction ID; the full ID on hover. */
export const TransactionIdField = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  const id = record?.transactionId ?? (record?.id ? String(record.id) : null);
  if (!id) return <Dash />;
  return (
    <Tooltip title={<Box sx={mono}>{id}</Box>}>
      <Typography
        component="span"
        variant="body2"
        sx={mono}
        aria-label={translate('conduit.transactions.transaction_label', { id })}
      >
        {shortId(id)}
      </Typography>
    </Tooltip>
  );
};

/**
 * "$25.00", from the decimal `amount` string. A declined or cancelled payment charged nothing,
 * so its `amount` is 0: the row shows the amount that was asked for, labelled as requested.
 */
export const AmountField = ({
  source = 'amount',
}: {
  source?: 'amount' | 'requestAmount' | 'refundedAmount';
}) => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  const requested = source === 'amount' && record ? notCharged(record) : null;
  return (
    <Box component="span" sx={{ display: 'inline-block', textAlign: 'inherit' }}>
      <Typography
        component="span"
        variant="body2"
        sx={{ fontVariantNumeric: 'tabular-nums', display: 'block' }}
        color={requested ? 'text.secondary' : undefined}
      >
        {formatMoney(requested ?? record?.[source])}
      </Typography>
      {requested && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('conduit.transactions.requested')}
        </Typography>
      )}
    </Box>
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
