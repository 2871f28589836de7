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
        notify('conduit.merchants.settle.closed', {
          type: 'success',
          messageArgs: { batch: batch.settlementBatchId, net: formatCents(batch.netCents) },
        });
      } else {
        notify('conduit.merchants.settle.nothing', { type: 'info' });
      }
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'conduit.merchants.settle.failed', { type: 'error' });
    },
  });
  if (!record || !canAccess || record.processor !== 'SANDBOX') return null;
  return (
    <>
      <Button
        label="conduit.merchants.settle.button"
        onClick={() => setConfirming(true)}
        disabled={settle.isPending}
      >
        <EventAvailableIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={settle.isPending}
        title="conduit.merchants.settle.confirm_title"
        content="conduit.merchants.settle.confirm_content"
        translateOptions={{ name: record.name }}
        confirm="conduit.merchants.settle.button"
        onConfirm={() => settle.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
