import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import KeyIcon from '@mui/icons-material/PinOutlined';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Terminal, TerminalWithPairingCode } from '../api/terminalTypes';
import { PairingCode } from './PairingCode';
import { useIssuedPairingCode } from './useIssuedPairingCode';

/**
 * Issues a new one-time pairing code (after a confirmation: the device's current secret stops
 * working) and shows it once in a dialog.
 */
export const PairingCodeButton = () => {
  const record = useRecordContext<Terminal>();
  const { canAccess } = useCanAccess({ resource: 'terminals', action: 'pairing-code', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { issued, show, clear } = useIssuedPairingCode();
  const [confirming, setConfirming] = useState(false);

  const issue = useMutation<TerminalWithPairingCode, Error, string>({
    mutationFn: (id) => dataProvider.issueTerminalPairingCode(id),
    onSuccess: (answer) => {
      setConfirming(false);
      show(answer);
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'conduit.terminals.new_code.failed', { type: 'error' });
    },
  });

  // A revoked terminal stays revoked (the API answers 409): a replacement is a new terminal.
  if (!record || !canAccess || record.status === 'REVOKED') return null;
  return (
    <>
      <Button label="conduit.terminals.new_code.button" onClick={() => setConfirming(true)}>
        <KeyIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={issue.isPending}
        title="conduit.terminals.new_code.confirm_title"
        content="conduit.terminals.new_code.confirm_content"
        translateOptions={{ label: record.label }}
        confirm="conduit.terminals.new_code.confirm"
        onConfirm={() => issue.mutate(String(record.id))}
        onClose={() => setConfirming(false)}
      />
      {issued && (
        <Dialog open maxWidth="sm" fullWidth aria-labelledby="pairing-code-title" disableEscapeKeyDown>
          <DialogTitle id="pairing-code-title">{translate('conduit.terminals.pairing.title')}</DialogTitle>
          <DialogContent>
            <PairingCode code={issued.code} expiresAt={issued.expiresAt} />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <MuiButton variant="contained" onClick={clear}>
              {translate('conduit.terminals.pairing.done')}
            </MuiButton>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
