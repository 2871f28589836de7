import { Box, Button, Typography } from '@mui/material';
import QueryStatsIcon from '@mui/icons-material/QueryStatsOutlined';
import { LinkBase, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate, knownTimeZone } from '../common/dates';
import { DateTimeField, StatusChipField } from '../common/fields';
import { formatCents } from '../common/money';
import { Facts, Panel } from '../transactions/Panel';
import { SETTLEMENT_STATES } from './constants';

/** The reconciliation page for this merchant and day. */
const ReconcileLink = ({ record }: { record: Settlement }) => {
  const translate = useTranslate();
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
      {translate('conduit.settlements.summary.reconcile')}
    </Button>
  );
};

export const SummaryPanel = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return null;
  // Cut-off and close in the merchant's own time zone, the one its business day follows.
  const local: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: knownTimeZone(record.timeZone),
  };
  return (
    <Panel
      title="conduit.settlements.summary.title"
      subheader={translate('conduit.settlements.summary.subheader', {
        day: formatBusinessDate(record.businessDate),
        zone: record.timeZone,
      })}
      action={record.businessDate ? <ReconcileLink record={record} /> : undefined}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Typography variant="h4" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCents(record.netCents)}
        </Typography>
        <StatusChipField source="status" states={SETTLEMENT_STATES} />
        <Typography variant="body2" color="text.secondary">
          {translate('conduit.settlements.summary.net_of', { gross: formatCents(record.grossCents) })}
        </Typography>
      </Box>
      <Facts
        items={[
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
          { label: 'conduit.transactions.facts.merchantid', value: record.merchantId, mono: true },
          { label: 'conduit.settlements.summary.batch_id', value: record.settlementBatchId, mono: true },
          {
            label: 'resources.settlements.fields.businessDate',
            value: formatBusinessDate(record.businessDate),
          },
          {
            label: 'conduit.settlements.summary.cutoff',
            value: record.cutoffAt ? <DateTimeField source="cutoffAt" options={local} /> : null,
          },
          {
            label: 'conduit.settlements.summary.closed',
            value: record.closedAt ? <DateTimeField source="closedAt" options={local} /> : null,
          },
          {
            label: 'resources.settlements.fields.itemCount',
            value: record.errorCount
              ? translate('conduit.settlements.summary.items_with_errors', {
                  count: record.itemCount.toLocaleString(),
                  errors: record.errorCount.toLocaleString(),
                })
              : record.itemCount.toLocaleString(),
          },
        ]}
      />
    </Panel>
  );
};
