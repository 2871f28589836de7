import { Box, Button, Stack, Typography } from '@mui/material';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import { LinkBase, ReferenceField, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../api/settlementTypes';
import { StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { Facts, Panel } from '../transactions/Panel';
import { DISPUTE_STATES } from './constants';
import { DisputeCardField, DueCountdown } from './fields';

/** `label` is an i18n key. */
const TransactionButton = ({ id, label }: { id: string; label: string }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  return (
    <Button
      component={LinkBase}
      to={createPath({ resource: 'transactions', type: 'show', id })}
      size="small"
      startIcon={<ReceiptIcon />}
    >
      {translate(label)}
    </Button>
  );
};

/** What is disputed, why, and the transactions involved. */
export const SummaryPanel = () => {
  const record = useRecordContext<Dispute>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Panel
      title="conduit.disputes.title"
      subheader={
        record.network
          ? translate('conduit.disputes.network_chargeback', { network: record.network.toUpperCase() })
          : translate('conduit.disputes.chargeback')
      }
    >
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCents(record.amountCents)}
        </Typography>
        <StatusChipField source="status" states={DISPUTE_STATES} />
        <DueCountdown record={record} />
      </Box>
      <Facts
        items={[
          {
            label: 'resources.disputes.fields.reasonCode',
            value: (
              <>
                <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600, mr: 1 }}>
                  {record.reasonCode}
                </Box>
                {record.reasonDescription}
              </>
            ),
          },
          { label: 'conduit.disputes.network', value: record.network?.toUpperCase() },
          { label: 'conduit.disputes.card', value: record.cardLast4 ? <DisputeCardField /> : null },
          { label: 'conduit.transactions.facts.patient_id', value: record.patientId, mono: true },
          {
            label: 'conduit.common.merchant',
            value: <ReferenceField source="merchantId" reference="merchants" link="show" />,
          },
          { label: 'conduit.disputes.dispute_id', value: record.disputeId, mono: true },
        ]}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
        {record.transactionId && (
          <TransactionButton id={record.transactionId} label="conduit.disputes.disputed_transaction" />
        )}
        {record.chargebackTransactionId && (
          <TransactionButton
            id={record.chargebackTransactionId}
            label="conduit.disputes.chargeback_transaction"
          />
        )}
      </Stack>
    </Panel>
  );
};
