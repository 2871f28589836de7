import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { WebhookDeliveryRecord } from '../api/webhookTypes';

/** Starts a fresh series of attempts for one delivery (same webhook-id). */
export const ResendButton = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const resend = useMutation({
    mutationFn: () => dataProvider.resendWebhookDelivery(String(record?.id)),
    onSuccess: () => {
      notify('Resent: a fresh series of attempts has started');
      refresh();
    },
    onError: (e: Error) => notify(e.message || 'Resend failed', { type: 'error' }),
  });
  if (!record || (record.workflowStatus !== 'POSTING_ERROR' && record.workflowStatus !== 'COMPLETE'))
    return null;
  return (
    <Button label="Resend" onClick={() => resend.mutate()} disabled={resend.isPending}>
      <ReplayIcon />
    </Button>
  );
};

/** Resends every delivery in posting error that matches the list's current filter. */
export const ResendAllButton = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const resend = useMutation({
    mutationFn: () =>
      dataProvider.resendWebhookDeliveries({ ...filterValues, workflowStatus: 'POSTING_ERROR' }),
    onSuccess: ({ resent }) => {
      notify(`${resent} ${resent === 1 ? 'delivery' : 'deliveries'} resent`);
      refresh();
    },
    onError: (e: Error) => notify(e.message || 'Resend failed', { type: 'error' }),
  });
  return (
    <Button
      label="Resend posting errors"
      disabled={resend.isPending}
      onClick={() =>
        window.confirm('Resend every delivery in posting error that matches the current filter?') &&
        resend.mutate()
      }
    >
      <ReplayIcon />
    </Button>
  );
};
