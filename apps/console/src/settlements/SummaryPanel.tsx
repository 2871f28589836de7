import { Box, Button, Typography } from '@mui/material';
import QueryStatsIcon from '@mui/icons-material/QueryStatsOutlined';
import { LinkBase, ReferenceField, useRecordContext } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate, knownTimeZone } from '../common/dates';
import { DateTimeField, StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { Facts, Panel } from '../transactions/Panel';
import { SETTLEMENT_STATES } from './constants';

/** The reconciliation page for this merchant and day. */
const ReconcileLink = ({ record }: { record: Settlement }) => {
  const day = (record.businessDate ?? '').slice(0, 10); // shown only once the batch has closed
  const search = new URLSearchParams({
    from: day,
    to: day,
    merchantId: record.merchantId,
  });
  return (
    <Button
      component={LinkBase}
      to={`/reconciliation?${search.toString()}`}
      size="small"
      startIcon={<QueryStatsIcon />}
    >
      Reconcile this day
    </Button>
  );
};

export const SummaryPanel = () => {
  const record = useRecordContext<Settlement>();
  if (!record) return null;
  // Cut-off and close in the merchant's own time zone, the one its business day follows.
  const local: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: knownTimeZone(record.timeZone),
  };
  return (
    <Panel
      title="Batch"
      subheader={`Business day ${formatBusinessDate(record.businessDate)} (${record.timeZone})`}
      action={record.businessDate ? <ReconcileLink record={record} /> : undefined}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCents(record.netCents)}
        </Typography>
        <StatusChipField source="status" states={SETTLEMENT_STATES} />
        <Typography variant="body2" color="text.secondary">
          net of {formatCents(record.grossCents)} gross
        </Typography>
      </Box>
      <Facts
        items={[
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
          { label: 'MerchantID', value: record.merchantId, mono: true },
          { label: 'Settlement batch ID', value: record.settlementBatchId, mono: true },
          { label: 'Business date', value: formatBusinessDate(record.businessDate) },
          {
            label: 'Cut-off',
            value: record.cutoffAt ? <DateTimeField source="cutoffAt" options={local} /> : null,
          },
          {
            label: 'Closed',
            value: record.closedAt ? <DateTimeField source="closedAt" options={local} /> : null,
          },
          {
            label: 'Items',
            value: `${record.itemCount.toLocaleString()}${
              record.errorCount
                ? ` (${record.errorCount.toLocaleString()} in error, retried in the next batch)`
                : ''
            }`,
          },
        ]}
      />
    </Panel>
  );
};
