import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
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
      notify('conduit.webhook_deliveries.resent');
      refresh();
    },
    onError: (e: Error) => notify(e.message || 'conduit.webhook_deliveries.resend_failed', { type: 'error' }),
  });
  if (!record || (record.workflowStatus !== 'POSTING_ERROR' && record.workflowStatus !== 'COMPLETE'))
    return null;
  return (
    <Button
      label="conduit.webhook_deliveries.resend"
      onClick={() => resend.mutate()}
      disabled={resend.isPending}
    >
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
      notify('conduit.webhook_deliveries.resent_count', { messageArgs: { smart_count: resent } });
      refresh();
    },
    onError: (e: Error) => notify(e.message || 'conduit.webhook_deliveries.resend_failed', { type: 'error' }),
  });
  const translate = useTranslate();
  return (
    <Button
      label="conduit.webhook_deliveries.resend_all"
      disabled={resend.isPending}
      onClick={() =>
        window.confirm(translate('conduit.webhook_deliveries.resend_all_confirm')) && resend.mutate()
      }
    >
      <ReplayIcon />
    </Button>
  );
};
