import { Alert, Box, Button, Typography } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { LinkBase, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { Transaction } from '../api/types';
import { DateTimeField, StatusChipField } from '../common/fields';
import { useMerchantTimeZone } from '../common/timeZones';
import { STATUS_LABELS, TENDER_CHOICES, WORKFLOW_STATES } from './constants';
import { TransactionStatusField } from './fields';
import { formatMoney, notCharged } from './format';
import { Facts, Panel } from './Panel';

const tenderName = (tender: string | null) => TENDER_CHOICES.find((t) => t.id === tender)?.name ?? tender;

const PrimaryLink = ({ id }: { id: string }) => {
  const createPath = useCreatePath();
  return (
    <Button
      component={LinkBase}
      to={createPath({ resource: 'transactions', type: 'show', id })}
      size="small"
      startIcon={<ArrowUpwardIcon />}
    >
      Primary transaction
    </Button>
  );
};

const Response = ({ record }: { record: Transaction }) => (
  <>
    {record.responseCode && (
      <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
        {record.responseCode}
      </Box>
    )}
    {record.responseMessage}
  </>
);

/** Amount, status and the processor's answer. */
export const SummaryPanel = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  const timeZone = useMerchantTimeZone(record?.merchantId);
  if (!record) return null;
  const requested = notCharged(record);
  const refunded = Number(record.refundedAmount ?? 0) > 0;
  const describes =
    record.statusDescription && record.statusDescription !== STATUS_LABELS[record.status ?? ''];
  return (
    <Panel
      title="conduit.transactions.panels.summary"
      action={record.primaryTransactionId ? <PrimaryLink id={record.primaryTransactionId} /> : undefined}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Typography
          variant="h4"
          component="p"
          sx={{ fontVariantNumeric: 'tabular-nums' }}
          color={requested ? 'text.secondary' : undefined}
          aria-label={
            requested
              ? `${translate('conduit.transactions.requested_amount')} ${formatMoney(requested)}`
              : undefined
          }
        >
          {formatMoney(requested ?? record.amount)}
        </Typography>
        <TransactionStatusField />
        {describes && (
          <Typography variant="body2" color="text.secondary">
            {record.statusDescription}
          </Typography>
        )}
      </Box>
      {requested && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="not-charged">
          {translate('conduit.transactions.not_charged', {
            status: STATUS_LABELS[record.status ?? ''] ?? record.status ?? '',
            amount: formatMoney(requested),
          })}
        </Alert>
      )}
      {record.isPartiallyApproved && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('conduit.transactions.partially_approved', {
            amount: formatMoney(record.amount),
            requested: formatMoney(record.requestAmount),
          })}
        </Alert>
      )}
      {refunded && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('conduit.transactions.refunded', { amount: formatMoney(record.refundedAmount) })}
        </Alert>
      )}
      <Facts
        items={[
          {
            label: 'conduit.transactions.facts.response',
            value: record.responseCode || record.responseMessage ? <Response record={record} /> : null,
          },
          {
            label: 'conduit.transactions.facts.authorization',
            value: record.authorizationNumber,
            mono: true,
          },
          { label: 'conduit.transactions.facts.action', value: record.action },
          { label: 'conduit.transactions.facts.tender', value: tenderName(record.tender) },
          {
            label: 'conduit.transactions.facts.date',
            value: record.createdAt ? (
              <DateTimeField
                source="createdAt"
                timeZone={timeZone}
                options={{ dateStyle: 'full', timeStyle: 'long' }}
              />
            ) : null,
          },
          {
            label: 'conduit.transactions.facts.transaction_id',
            value: record.transactionId ?? record.id,
            mono: true,
          },
          {
            label: 'conduit.transactions.facts.posting_workflow',
            value: record.workflowStatus ? (
              <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
            ) : null,
          },
        ]}
      />
    </Panel>
  );
};
