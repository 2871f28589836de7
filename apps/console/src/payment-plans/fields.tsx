import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatBusinessDate } from '../common/dates';
import { formatAmount } from './constants';
import type { PaymentPlan, PlanPaymentMethod } from './types';

export const patientName = (p: PaymentPlan['patient']) =>
  [p.firstName, p.lastName].filter(Boolean).join(' ') || '—';

/** "VISA •••• 1111", "Checking eCheck •••• 6789". */
export const methodLabel = (m: PlanPaymentMethod | undefined) => {
  if (!m) return '—';
  return m.kind === 'Card'
    ? `${m.brand ?? 'Card'} •••• ${m.last4 ?? ''}`
    : `${m.accountType ?? ''} eCheck •••• ${m.accountLast4 ?? ''}`.trim();
};

/** The patient's name over their PatientID. */
export const PatientField = () => {
  const record = useRecordContext<PaymentPlan>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2">{patientName(record.patient)}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.patient.patientId ?? ''}
      </Typography>
    </Box>
  );
};

export const PlanMerchantField = () => {
  const record = useRecordContext<PaymentPlan>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2">{record.merchantName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.merchantId}
      </Typography>
    </Box>
  );
};

/** "2 of 3 paid" (installment plans) or "2 paid" (recurring). */
export const ProgressField = () => {
  const record = useRecordContext<PaymentPlan>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2">
      {record.installmentCount
        ? translate('conduit.payment_plans.paid_of', {
            paid: record.installmentsPaid,
            count: record.installmentCount,
          })
        : translate('conduit.payment_plans.paid', { paid: record.installmentsPaid })}
    </Typography>
  );
};

export const AmountField = ({
  source,
}: {
  source: 'installmentAmount' | 'remainingBalance' | 'amountPaid';
}) => {
  const record = useRecordContext<PaymentPlan>();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatAmount(record[source])}
    </Typography>
  );
};

export const NextDateField = () => {
  const record = useRecordContext<PaymentPlan>();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {record.nextPaymentDate ? formatBusinessDate(record.nextPaymentDate) : '—'}
    </Typography>
  );
};
