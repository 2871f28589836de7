import { useState } from 'react';
import BlockIcon from '@mui/icons-material/BlockOutlined';
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
import type { Terminal } from '../api/terminalTypes';

/**
 * Revokes the terminal (after a confirmation): its secret stops working and its connection is
 * closed. The record stays, as REVOKED, so its history can still be read.
 */
export const RevokeButton = () => {
  const record = useRecordContext<Terminal>();
  const { canAccess } = useCanAccess({ resource: 'terminals', action: 'delete', record });
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);

  const revoke = useMutation<unknown, Error, Terminal>({
    mutationFn: (terminal) =>
      dataProvider.delete<Terminal>('terminals', { id: terminal.id, previousData: terminal }),
    onSuccess: () => {
      setConfirming(false);
      notify('conduit.terminals.revoke.done', { type: 'info' });
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'conduit.terminals.revoke.failed', { type: 'error' });
    },
  });

  if (!record || !canAccess || record.status === 'REVOKED') return null;
  return (
    <>
      <Button label="conduit.terminals.revoke.button" color="error" onClick={() => setConfirming(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={revoke.isPending}
        title="conduit.terminals.revoke.confirm_title"
        content="conduit.terminals.revoke.confirm_content"
        translateOptions={{ label: record.label }}
        confirm="conduit.terminals.revoke.confirm"
        confirmColor="warning"
        onConfirm={() => revoke.mutate(record)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
