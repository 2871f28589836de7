import { useState } from 'react';
import EventAvailableIcon from '@mui/icons-material/EventAvailableOutlined';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { SettleNowResult } from '../api/settlementTypes';
import type { Merchant } from '../api/types';
import { formatCents } from '../common/money';

/**
 * Closes a sandbox merchant's open batch now, exactly as its cut-off would (docs/settlement.md),
 * so a practice can try settlement, posting files and chargebacks without waiting for the evening.
 */
export const SettleNowButton = () => {
  const record = useRecordContext<Merchant>();
  const { canAccess } = useCanAccess({ resource: 'merchants', action: 'settle-now', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const settle = useMutation<SettleNowResult, Error>({
    mutationFn: () => dataProvider.settleNow(String(record?.id)),
    onSuccess: ({ settled, batch }) => {
      setConfirming(false);
      if (settled && batch) {
        notify(`Batch ${batch.settlementBatchId} closed: net ${formatCents(batch.netCents)}`, {
          type: 'success',
        });
      } else {
        notify('No activity to settle', { type: 'info' });
      }
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'The batch could not be closed.', { type: 'error' });
    },
  });
  if (!record || !canAccess || record.processor !== 'SANDBOX') return null;
  return (
    <>
      <Button label="Settle now" onClick={() => setConfirming(true)} disabled={settle.isPending}>
        <EventAvailableIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={settle.isPending}
        title="Close the open batch now?"
        content={`${record.name}'s open batch closes now, as at its cut-off: its transactions settle and a new batch opens.`}
        confirm="Settle now"
        onConfirm={() => settle.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
