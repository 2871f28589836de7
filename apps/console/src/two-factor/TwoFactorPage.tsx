import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { selfApi, type TwoFactorStatus } from './api';
import { EnrolmentSteps } from './EnrolmentSteps';
import { RecoveryCodes } from './RecoveryCodes';

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : 'Something went wrong.');

/** The signed-in user's own two-factor settings (user menu → Two-factor sign-in). */
export const TwoFactorPage = () => {
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [code, setCode] = useState('');
  const [renewed, setRenewed] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    selfApi
      .status()
      .then(setStatus)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  const start = useCallback(() => selfApi.start(), []);
  const confirm = useCallback(async (first: string) => (await selfApi.confirm(first)).recoveryCodes, []);

  const withCode = async (action: (code: string) => Promise<unknown>) => {
    setError(null);
    try {
      await action(code.trim());
      setCode('');
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="Two-factor sign-in" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">
            Two-factor sign-in{' '}
            {status && (
              <Chip
                size="small"
                color={status.enabled ? 'success' : 'default'}
                label={status.enabled ? 'On' : 'Off'}
                data-testid="two-factor-state"
              />
            )}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            After your password, Conduit asks for a 6-digit code from an authenticator app on your phone.
            {status?.required && ' Your account must use it.'}
          </Typography>
          {error && <Alert severity="error">{error}</Alert>}
          {renewed && <RecoveryCodes codes={renewed} onDone={() => setRenewed(null)} />}
          {status && !status.enabled && !enrolling && (
            <Box>
              <Button variant="contained" onClick={() => setEnrolling(true)} data-testid="two-factor-start">
                Set up two-factor sign-in
              </Button>
            </Box>
          )}
          {enrolling && (
            <EnrolmentSteps
              start={start}
              confirm={confirm}
              onDone={() => {
                setEnrolling(false);
                reload();
              }}
            />
          )}
          {status?.enabled && !renewed && (
            <>
              <Typography variant="body2">Recovery codes left: {status.recoveryCodesLeft}</Typography>
              <TextField
                label="Current code from the app"
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              <Stack direction="row" spacing={1}>
                <Button
                  variant="outlined"
                  disabled={code.trim().length < 6}
                  onClick={() =>
                    withCode(async (c) => setRenewed((await selfApi.renewRecoveryCodes(c)).recoveryCodes))
                  }
                >
                  New recovery codes
                </Button>
                {!status.required && (
                  <Button
                    color="error"
                    variant="outlined"
                    disabled={code.trim().length < 6}
                    onClick={() => withCode(selfApi.disable)}
                  >
                    Turn off
                  </Button>
                )}
              </Stack>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
