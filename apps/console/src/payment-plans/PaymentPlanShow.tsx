import { Box, Grid, Typography } from '@mui/material';
import { ReferenceField, Show, useRecordContext } from 'react-admin';
import { formatBusinessDate } from '../common/dates';
import { StatusChipField } from '../common/fields';
import { Facts, Panel } from '../transactions/Panel';
import { formatAmount, PLAN_STATES } from './constants';
import { methodLabel, patientName } from './fields';
import { HistoryPanel } from './HistoryPanel';
import { PlanActions } from './PlanActions';
import { SchedulePanel } from './SchedulePanel';
import type { PaymentPlan } from './types';

const PlanTitle = () => {
  const record = useRecordContext<PaymentPlan>();
  return <>{record ? `Payment plan · ${patientName(record.patient)}` : 'Payment plan'}</>;
};

const SummaryPanel = () => {
  const record = useRecordContext<PaymentPlan>();
  if (!record) return null;
  const installment = record.type === 'Installment';
  return (
    <Panel title={`${record.type} plan`} subheader={record.paymentPlanId} action={<PlanActions />}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatAmount(record.installmentAmount)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {record.frequency.toLowerCase()}
        </Typography>
        <StatusChipField source="status" states={PLAN_STATES} />
      </Box>
      <Facts
        items={[
          { label: 'Patient', value: patientName(record.patient) },
          { label: 'PatientID', value: record.patient.patientId, mono: true },
          {
            label: 'Merchant',
            value: (
              <ReferenceField source="merchantId" reference="merchants" link="show">
                <Typography component="span" variant="body2">
                  {record.merchantName}
                </Typography>
              </ReferenceField>
            ),
          },
          {
            label: 'Outlet',
            value: `${record.merchantId} / ${record.storeId} / ${record.terminalId}`,
            mono: true,
          },
          { label: 'Payment method', value: methodLabel(record.paymentMethod) },
          { label: 'PaymentMethodID', value: record.paymentMethodId, mono: true },
          ...(installment
            ? [
                { label: 'Total', value: formatAmount(record.totalAmount) },
                { label: 'Down payment', value: formatAmount(record.downPaymentAmount) },
                {
                  label: 'Installments',
                  value: `${record.installmentsPaid} of ${record.installmentCount ?? '—'} paid`,
                },
                { label: 'Remaining', value: formatAmount(record.remainingBalance) },
              ]
            : [{ label: 'Charges paid', value: String(record.installmentsPaid) }]),
          { label: 'Amount paid', value: formatAmount(record.amountPaid) },
          { label: 'Start date', value: formatBusinessDate(record.startDate) },
          { label: 'Day of month', value: record.dayOfMonth ? String(record.dayOfMonth) : null },
          { label: 'End date', value: record.endDate ? formatBusinessDate(record.endDate) : null },
          {
            label: 'Next payment',
            value: record.nextPaymentDate ? formatBusinessDate(record.nextPaymentDate) : null,
          },
          { label: 'Failed attempts', value: String(record.failedAttempts) },
        ]}
      />
    </Panel>
  );
};

export const PaymentPlanShow = () => (
  <Show<PaymentPlan> title={<PlanTitle />} component="div" actions={false}>
    <Grid container spacing={2}>
      <Grid size={12}>
        <SummaryPanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 8 }}>
        <SchedulePanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <HistoryPanel />
      </Grid>
    </Grid>
  </Show>
);
