import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { CopyableValue } from '../platform/CopyableValue';
import type { Enrolment } from './api';
import { RecoveryCodes } from './RecoveryCodes';

export interface EnrolmentStepsProps {
  start: () => Promise<Enrolment>;
  /** Answers the recovery codes. */
  confirm: (code: string) => Promise<string[]>;
  onDone: () => void;
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : 'Something went wrong.');

/** Scan (or type) the secret, confirm with the first code, then save the recovery codes. */
export const EnrolmentSteps = ({ start, confirm, onDone }: EnrolmentStepsProps) => {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    start()
      .then(setEnrolment)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [start]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setRecoveryCodes(await confirm(code.trim()));
    } catch (e) {
      setError(
        /not right|VALIDATION/i.test(messageOf(e))
          ? 'That code is not right. Try the next one.'
          : messageOf(e),
      );
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;
  if (!enrolment)
    return error ? <Alert severity="error">{error}</Alert> : <CircularProgress aria-label="Loading" />;
  return (
    <form onSubmit={submit} noValidate data-testid="two-factor-enrol">
      <Stack spacing={2}>
        <Typography variant="body2">
          Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator,
          1Password…), or enter the key by hand.
        </Typography>
        <Box sx={{ textAlign: 'center' }}>
          <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
        </Box>
        <CopyableValue value={enrolment.secret} />
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          id="two-factor-code"
          label="6-digit code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          disabled={busy}
        />
        <Button type="submit" variant="contained" disabled={busy || code.trim().length < 6}>
          Turn on two-factor sign-in
        </Button>
      </Stack>
    </form>
  );
};
