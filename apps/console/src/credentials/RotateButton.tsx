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
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Credential, CredentialWithSecret } from '../api/types';
import { Interpolated } from '../common/Interpolated';
import { SecretDialog } from '../common/SecretDialog';
import { GRACE_PERIODS } from './constants';
import { useIssuedSecret } from './useIssuedSecret';

/** Issues a new secret; the old one keeps working for the chosen grace period. */
export const RotateButton = () => {
  const record = useRecordContext<Credential>();
  const { canAccess } = useCanAccess({ resource: 'credentials', action: 'edit', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { issued, show, clear } = useIssuedSecret();
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState(3600);

  const rotation = useMutation<CredentialWithSecret, Error, { id: string; gracePeriodSeconds: number }>({
    mutationFn: ({ id, gracePeriodSeconds }) => dataProvider.rotateCredential(id, gracePeriodSeconds),
    onSuccess: (rotated) => {
      setOpen(false);
      show(rotated);
    },
    onError: (error) => notify(error.message || 'conduit.credentials.rotate.failed', { type: 'error' }),
  });

  if (!record || !canAccess) return null;

  return (
    <>
      <Button label="conduit.credentials.rotate.button" onClick={() => setOpen(true)}>
        <AutorenewIcon />
      </Button>
      <Dialog open={open} onClose={() => !rotation.isPending && setOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('conduit.credentials.rotate.button')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            <Interpolated
              message="conduit.credentials.rotate.question"
              slot={<strong style={{ fontFamily: 'monospace' }}>{record.identifier}</strong>}
            />
          </Typography>
          <RadioGroup value={String(grace)} onChange={(e) => setGrace(Number(e.target.value))}>
            {GRACE_PERIODS.map(({ seconds, label }) => (
              <FormControlLabel
                key={seconds}
                value={String(seconds)}
                control={<Radio size="small" />}
                label={translate(label)}
              />
            ))}
          </RadioGroup>
          {grace === 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('conduit.credentials.rotate.immediate_warning')}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <MuiButton onClick={() => setOpen(false)} disabled={rotation.isPending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            disabled={rotation.isPending}
            onClick={() => rotation.mutate({ id: String(record.id), gracePeriodSeconds: grace })}
          >
            {translate('conduit.credentials.rotate.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      {issued && (
        <SecretDialog
          open
          title="conduit.credentials.rotate.done"
          identifier={issued.identifier}
          secret={issued.secret}
          onClose={clear}
        />
      )}
    </>
  );
};
