import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { selfApi, type TwoFactorStatus } from './api';
import { EnrolmentSteps } from './EnrolmentSteps';
import { RecoveryCodes } from './RecoveryCodes';

/** The API's message, or an i18n key when it has none. */
const messageOf = (e: unknown) =>
  e instanceof Error && e.message ? e.message : 'conduit.two_factor.went_wrong';

/** The signed-in user's own two-factor settings (user menu → Two-factor sign-in). */
export const TwoFactorPage = () => {
  const translate = useTranslate();
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
      <Title title="conduit.two_factor.title" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">
            {translate('conduit.two_factor.title')}{' '}
            {status && (
              <Chip
                size="small"
                color={status.enabled ? 'success' : 'default'}
                label={translate(status.enabled ? 'conduit.two_factor.on' : 'conduit.two_factor.off')}
                data-testid="two-factor-state"
              />
            )}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('conduit.two_factor.explain')}
            {status?.required && ` ${translate('conduit.two_factor.required')}`}
          </Typography>
          {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          {renewed && <RecoveryCodes codes={renewed} onDone={() => setRenewed(null)} />}
          {status && !status.enabled && !enrolling && (
            <Box>
              <Button variant="contained" onClick={() => setEnrolling(true)} data-testid="two-factor-start">
                {translate('conduit.two_factor.set_up')}
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
              <Typography variant="body2">
                {translate('conduit.two_factor.codes_left', { count: status.recoveryCodesLeft })}
              </Typography>
              <TextField
                label={translate('conduit.two_factor.current_code')}
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
                  {translate('conduit.two_factor.new_codes')}
                </Button>
                {!status.required && (
                  <Button
                    color="error"
                    variant="outlined"
                    disabled={code.trim().length < 6}
                    onClick={() => withCode(selfApi.disable)}
                  >
                    {translate('conduit.two_factor.turn_off')}
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
