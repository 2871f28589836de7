import { Box, Skeleton, Typography } from '@mui/material';
import { Link, RecordContextProvider, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import type { Transaction, WebhookDelivery } from '../api/types';
import { DateTimeField, StatusChipField } from '../common/fields';
import { WORKFLOW_STATES } from './constants';
import { Nothing, Panel } from './Panel';

const Delivery = ({ delivery }: { delivery: WebhookDelivery }) => {
  const translate = useTranslate();
  return (
    <Box
      component="li"
      sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider', '&:last-child': { border: 0 } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600, flex: 1, minWidth: 0 }}>
          {delivery.eventType}
        </Typography>
        <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
      </Box>
      <Typography variant="body2" color="text.secondary" component="div">
        <DateTimeField source="createdAt" />
        {` · ${translate('conduit.transactions.attempts', { smart_count: delivery.attemptCount })} · `}
        <Link to={`/webhook-deliveries/${delivery.id}/show`}>{delivery.webhookId}</Link>
      </Typography>
      {delivery.postingMessage && (
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {delivery.postingMessage}
        </Typography>
      )}
    </Box>
  );
};

const time = (d: WebhookDelivery) => Date.parse(d.createdAt) || 0;

/** The webhook events Conduit posted (or is posting) to the practice for this transaction. */
export const DeliveriesPanel = () => {
  const record = useRecordContext<Transaction>();
  const { isFetching } = useShowContext<Transaction>();
  if (!record) return null;
  // A record from the list cache has no deliveries yet: wait for the full one.
  if (record.deliveries === undefined && isFetching) {
    return (
      <Panel title="conduit.transactions.panels.webhook_deliveries">
        <Skeleton variant="rounded" height={96} />
      </Panel>
    );
  }
  const deliveries = [...(record.deliveries ?? [])].sort((a, b) => time(a) - time(b));
  return (
    <Panel title="conduit.transactions.panels.webhook_deliveries">
      {deliveries.length === 0 ? (
        <Nothing text="conduit.transactions.empty.no_webhook_deliveries_yet" />
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {deliveries.map((delivery) => (
            <RecordContextProvider key={delivery.id} value={delivery}>
              <Delivery delivery={delivery} />
            </RecordContextProvider>
          ))}
        </Box>
      )}
    </Panel>
  );
};
