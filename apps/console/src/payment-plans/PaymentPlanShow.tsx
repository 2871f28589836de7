import { Box, Grid, Typography } from '@mui/material';
import { ReferenceField, Show, useRecordContext, useTranslate } from 'react-admin';
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
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.payment_plans.title_named', { patient: patientName(record.patient) })
        : translate('conduit.payment_plans.title')}
    </>
  );
};

const SummaryPanel = () => {
  const record = useRecordContext<PaymentPlan>();
  const translate = useTranslate();
  if (!record) return null;
  const installment = record.type === 'Installment';
  return (
    <Panel
      title={translate('conduit.payment_plans.type_plan', { type: record.type })}
      subheader={record.paymentPlanId}
      action={<PlanActions />}
    >
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
          { label: 'conduit.payment_plans.patient', value: patientName(record.patient) },
          { label: 'conduit.payment_plans.facts.patient_id', value: record.patient.patientId, mono: true },
          {
            label: 'conduit.common.merchant',
            value: (
              <ReferenceField source="merchantId" reference="merchants" link="show">
                <Typography component="span" variant="body2">
                  {record.merchantName}
                </Typography>
              </ReferenceField>
            ),
          },
          {
            label: 'conduit.transactions.facts.outlet_ids',
            value: `${record.merchantId} / ${record.storeId} / ${record.terminalId}`,
            mono: true,
          },
          { label: 'conduit.transactions.panels.payment_method', value: methodLabel(record.paymentMethod) },
          {
            label: 'conduit.payment_plans.facts.payment_method_id',
            value: record.paymentMethodId,
            mono: true,
          },
          ...(installment
            ? [
                { label: 'conduit.payment_plans.facts.total', value: formatAmount(record.totalAmount) },
                {
                  label: 'conduit.payment_plans.facts.down_payment',
                  value: formatAmount(record.downPaymentAmount),
                },
                {
                  label: 'conduit.payment_plans.facts.installments',
                  value: translate('conduit.payment_plans.paid_of', {
                    paid: record.installmentsPaid,
                    count: record.installmentCount ?? '—',
                  }),
                },
                {
                  label: 'resources.payment-plans.fields.remainingBalance',
                  value: formatAmount(record.remainingBalance),
                },
              ]
            : [
                { label: 'conduit.payment_plans.facts.charges_paid', value: String(record.installmentsPaid) },
              ]),
          { label: 'conduit.payment_plans.facts.amount_paid', value: formatAmount(record.amountPaid) },
          { label: 'conduit.payment_plans.facts.start_date', value: formatBusinessDate(record.startDate) },
          {
            label: 'conduit.payment_plans.facts.day_of_month',
            value: record.dayOfMonth ? String(record.dayOfMonth) : null,
          },
          {
            label: 'conduit.payment_plans.facts.end_date',
            value: record.endDate ? formatBusinessDate(record.endDate) : null,
          },
          {
            label: 'resources.payment-plans.fields.nextPaymentDate',
            value: record.nextPaymentDate ? formatBusinessDate(record.nextPaymentDate) : null,
          },
          { label: 'conduit.payment_plans.facts.failed_attempts', value: String(record.failedAttempts) },
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
