import { Box, Button, Stack, Typography } from '@mui/material';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import { LinkBase, ReferenceField, useCreatePath, useRecordContext } from 'react-admin';
import type { Dispute } from '../api/settlementTypes';
import { StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { Facts, Panel } from '../transactions/Panel';
import { DISPUTE_STATES } from './constants';
import { DisputeCardField, DueCountdown } from './fields';

const TransactionButton = ({ id, label }: { id: string; label: string }) => {
  const createPath = useCreatePath();
  return (
    <Button
      component={LinkBase}
      to={createPath({ resource: 'transactions', type: 'show', id })}
      size="small"
      startIcon={<ReceiptIcon />}
    >
      {label}
    </Button>
  );
};

/** What is disputed, why, and the transactions involved. */
export const SummaryPanel = () => {
  const record = useRecordContext<Dispute>();
  if (!record) return null;
  return (
    <Panel
      title="Dispute"
      subheader={record.network ? `${record.network.toUpperCase()} chargeback` : 'Chargeback'}
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
            label: 'Reason',
            value: (
              <>
                <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600, mr: 1 }}>
                  {record.reasonCode}
                </Box>
                {record.reasonDescription}
              </>
            ),
          },
          { label: 'Network', value: record.network?.toUpperCase() },
          { label: 'Card', value: record.cardLast4 ? <DisputeCardField /> : null },
          { label: 'Patient ID', value: record.patientId, mono: true },
          {
            label: 'Merchant',
            value: <ReferenceField source="merchantId" reference="merchants" link="show" />,
          },
          { label: 'Dispute ID', value: record.disputeId, mono: true },
        ]}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
        {record.transactionId && <TransactionButton id={record.transactionId} label="Disputed transaction" />}
        {record.chargebackTransactionId && (
          <TransactionButton id={record.chargebackTransactionId} label="Chargeback transaction" />
        )}
      </Stack>
    </Panel>
  );
};
