import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useCheckAuth, useLogin, useRedirect, useTranslate } from 'react-admin';
import type { LoginResponse, TwoFactorChallenge } from '../api/types';
import { Logo } from '../layout/Logo';
import { brand } from '../theme';
import { challengeApi } from '../two-factor/api';
import { EnrolmentSteps } from '../two-factor/EnrolmentSteps';
import { TwoFactorNeeded } from './authProvider';

const HIGHLIGHTS = [
  'conduit.auth.highlights.merchants',
  'conduit.auth.highlights.credentials',
  'conduit.auth.highlights.partners',
];

const BrandPanel = () => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        flex: 1,
        display: { xs: 'none', md: 'flex' },
        flexDirection: 'column',
        justifyContent: 'space-between',
        p: 6,
        color: '#ffffff',
        background: `radial-gradient(circle at 20% 20%, ${brand.teal} 0%, ${brand.navy} 55%, ${brand.navyDark} 100%)`,
      }}
    >
      <Logo inverse size={40} />
      <Box>
        <Typography variant="h3" sx={{ fontWeight: 800, letterSpacing: '-0.03em', mb: 2 }}>
          {translate('conduit.auth.tagline')}
        </Typography>
        {HIGHLIGHTS.map((line) => (
          <Typography key={line} sx={{ opacity: 0.85, mb: 1 }}>
            • {translate(line)}
          </Typography>
        ))}
      </Box>
      <Typography variant="caption" sx={{ opacity: 0.6 }}>
        {translate('conduit.auth.authorized_only')}
      </Typography>
    </Box>
  );
};

export const LoginPage = () => {
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [step, setStep] = useState<TwoFactorChallenge | null>(null);
  const [code, setCode] = useState('');
  const enrolled = useRef<LoginResponse | null>(null);
  const challenge = step?.challenge ?? '';
  const startEnrolment = useCallback(() => challengeApi.enrol(challenge), [challenge]);
  const confirmEnrolment = useCallback(
    async (first: string) => {
      const { recoveryCodes, ...session } = await challengeApi.confirm(challenge, first);
      enrolled.current = session;
      return recoveryCodes;
    },
    [challenge],
  );

  // A valid session cookie from another tab goes straight to the dashboard.
  useEffect(() => {
    checkAuth({}, false)
      .then(() => redirect('/'))
      .catch(() => undefined);
  }, [checkAuth, redirect]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('conduit.auth.errors.missing');
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      await login({ email: email.trim(), password });
    } catch (e) {
      if (e instanceof TwoFactorNeeded) setStep(e.step);
      else setError(e instanceof Error && e.message ? e.message : 'conduit.auth.errors.try_again');
      setSubmitting(false);
    }
  };

  const submitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      await login({ challenge, code: code.trim() });
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'conduit.auth.errors.try_again');
      setSubmitting(false);
    }
  };

  // Errors are i18n keys, or the API's own message shown as it is.
  const errorText = error && translate(error, { _: error });

  const codeForm = (
    <form onSubmit={submitCode} noValidate data-testid="two-factor-form">
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="login-error">
          {errorText}
        </Alert>
      )}
      <TextField
        id="login-code"
        label={translate('conduit.auth.code')}
        autoComplete="one-time-code"
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        margin="normal"
        disabled={submitting}
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={submitting || code.trim().length < 6}
        sx={{ mt: 3, py: 1.25 }}
        data-testid="two-factor-submit"
      >
        {translate('conduit.auth.verify')}
      </Button>
    </form>
  );

  const enrolForm = (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('conduit.auth.must_enrol')}
      </Alert>
      <EnrolmentSteps
        start={startEnrolment}
        confirm={confirmEnrolment}
        onDone={() => {
          if (enrolled.current) void login({ session: enrolled.current });
        }}
      />
    </>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <BrandPanel />
      <Box sx={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3 }}>
        <Card sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 5 } }} elevation={1}>
          <Box sx={{ display: { xs: 'block', md: 'none' }, mb: 3 }}>
            <Logo />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('conduit.auth.tagline')}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
            <LockOutlinedIcon color="primary" fontSize="small" />
            <Typography variant="h5" component="h1">
              {translate('conduit.auth.title')}
            </Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {translate('conduit.auth.subtitle')}
          </Typography>
          {step?.twoFactor === 'verify' && codeForm}
          {step?.twoFactor === 'enrol' && enrolForm}
          <form onSubmit={submit} noValidate data-testid="login-form" hidden={step !== null}>
            {error && (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="login-error">
                {errorText}
              </Alert>
            )}
            <TextField
              id="login-email"
              label={translate('conduit.auth.email')}
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              margin="normal"
              size="medium"
              disabled={submitting}
            />
            <TextField
              id="login-password"
              label={translate('conduit.auth.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              margin="normal"
              size="medium"
              disabled={submitting}
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              fullWidth
              disabled={submitting}
              sx={{ mt: 3, py: 1.25 }}
              data-testid="login-submit"
            >
              {submitting ? (
                <CircularProgress
                  size={22}
                  color="inherit"
                  aria-label={translate('conduit.auth.signing_in')}
                />
              ) : (
                translate('conduit.auth.sign_in')
              )}
            </Button>
          </form>
        </Card>
      </Box>
    </Box>
  );
};
