import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CopyableValue } from '../platform/CopyableValue';
import type { Enrolment } from './api';
import { RecoveryCodes } from './RecoveryCodes';

export interface EnrolmentStepsProps {
  start: () => Promise<Enrolment>;
  /** Answers the recovery codes. */
  confirm: (code: string) => Promise<string[]>;
  onDone: () => void;
}

/** The API's message, or an i18n key when it has none. */
const messageOf = (e: unknown) =>
  e instanceof Error && e.message ? e.message : 'conduit.two_factor.went_wrong';

/** Scan (or type) the secret, confirm with the first code, then save the recovery codes. */
export const EnrolmentSteps = ({ start, confirm, onDone }: EnrolmentStepsProps) => {
  const translate = useTranslate();
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
      setError(/not right|VALIDATION/i.test(messageOf(e)) ? 'conduit.two_factor.code_wrong' : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;
  if (!enrolment)
    return error ? (
      <Alert severity="error">{translate(error, { _: error })}</Alert>
    ) : (
      <CircularProgress aria-label={translate('ra.page.loading')} />
    );
  return (
    <form onSubmit={submit} noValidate data-testid="two-factor-enrol">
      <Stack spacing={2}>
        <Typography variant="body2">{translate('conduit.two_factor.scan')}</Typography>
        <Box sx={{ textAlign: 'center' }}>
          <img
            src={enrolment.qrDataUrl}
            alt={translate('conduit.two_factor.qr_alt')}
            width={200}
            height={200}
          />
        </Box>
        <CopyableValue value={enrolment.secret} />
        {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
        <TextField
          id="two-factor-code"
          label={translate('conduit.two_factor.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          disabled={busy}
        />
        <Button type="submit" variant="contained" disabled={busy || code.trim().length < 6}>
          {translate('conduit.two_factor.turn_on')}
        </Button>
      </Stack>
    </form>
  );
};
