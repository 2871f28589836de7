import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Credential, CredentialWithSecret } from '../api/types';
import { SecretDialog } from '../common/SecretDialog';
import { GRACE_PERIODS } from './constants';
import { useIssuedSecret } from './useIssuedSecret';

/** Issues a new secret; the old one keeps working for the chosen grace period. */
export const RotateButton = () => {
  const record = useRecordContext<Credential>();
  const { canAccess } = useCanAccess({ resource: 'credentials', action: 'edit', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const { issued, show, clear } = useIssuedSecret();
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState(3600);

  const rotation = useMutation<CredentialWithSecret, Error, { id: string; gracePeriodSeconds: number }>({
    mutationFn: ({ id, gracePeriodSeconds }) => dataProvider.rotateCredential(id, gracePeriodSeconds),
    onSuccess: (rotated) => {
      setOpen(false);
      show(rotated);
    },
    onError: (error) => notify(error.message || 'Rotation failed', { type: 'error' }),
  });

  if (!record || !canAccess) return null;

  return (
    <>
      <Button label="Rotate secret" onClick={() => setOpen(true)}>
        <AutorenewIcon />
      </Button>
      <Dialog open={open} onClose={() => !rotation.isPending && setOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>Rotate secret</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            A new secret is issued for{' '}
            <strong style={{ fontFamily: 'monospace' }}>{record.identifier}</strong>. When should the current
            secret stop working?
          </Typography>
          <RadioGroup value={String(grace)} onChange={(e) => setGrace(Number(e.target.value))}>
            {GRACE_PERIODS.map(({ seconds, label }) => (
              <FormControlLabel
                key={seconds}
                value={String(seconds)}
                control={<Radio size="small" />}
                label={label}
              />
            ))}
          </RadioGroup>
          {grace === 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              Integrations still using the current secret will fail until they are updated.
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <MuiButton onClick={() => setOpen(false)} disabled={rotation.isPending}>
            Cancel
          </MuiButton>
          <MuiButton
            variant="contained"
            disabled={rotation.isPending}
            onClick={() => rotation.mutate({ id: String(record.id), gracePeriodSeconds: grace })}
          >
            Rotate
          </MuiButton>
        </DialogActions>
      </Dialog>
      {issued && (
        <SecretDialog
          open
          title="Secret rotated"
          identifier={issued.identifier}
          secret={issued.secret}
          onClose={clear}
        />
      )}
    </>
  );
};
