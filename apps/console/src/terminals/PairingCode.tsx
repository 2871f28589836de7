import { useEffect, useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { useTranslate } from 'react-admin';
import { clock, displayPairingCode, secondsLeft, spokenPairingCode } from './format';

/** Read by screen readers, not drawn (MUI's visuallyHidden, inlined: @mui/utils is not a direct dependency). */
const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

/** The current time, ticking every second while mounted (for the countdown). */
const useNow = (): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
};

const CopyCodeButton = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button
      variant="outlined"
      onClick={copy}
      startIcon={copied ? <CheckIcon /> : <ContentCopyIcon />}
      aria-label={translate('conduit.common.copy_named', {
        name: translate('conduit.terminals.pairing.code'),
      })}
    >
      {translate(copied ? 'conduit.common.copied' : 'conduit.terminals.pairing.copy')}
    </Button>
  );
};

export interface PairingCodeProps {
  code: string;
  expiresAt: string | null;
}

/**
 * A one-time pairing code, large enough to read across a front desk, with the minutes left
 * before it expires and a copy button. The caller shows it once and then forgets it.
 */
export const PairingCode = ({ code, expiresAt }: PairingCodeProps) => {
  const translate = useTranslate();
  const now = useNow();
  const left = secondsLeft(expiresAt, now);
  const expired = left === 0;
  return (
    <Box sx={{ textAlign: 'center' }}>
      <Typography variant="overline" color="text.secondary" component="p">
        {translate('conduit.terminals.pairing.code')}
      </Typography>
      <Typography
        component="p"
        data-testid="pairing-code"
        sx={{
          fontFamily: 'monospace',
          fontSize: { xs: 40, sm: 64 },
          fontWeight: 600,
          letterSpacing: '0.12em',
          lineHeight: 1.2,
          my: 1,
          userSelect: 'all',
          textDecoration: expired ? 'line-through' : undefined,
          color: expired ? 'text.secondary' : 'text.primary',
        }}
      >
        <span aria-hidden="true">{displayPairingCode(code)}</span>
        <Box component="span" sx={visuallyHidden}>
          {spokenPairingCode(code)}
        </Box>
      </Typography>
      {expired ? (
        <Alert severity="error" sx={{ my: 2, textAlign: 'left' }}>
          {translate('conduit.terminals.pairing.expired')}
        </Alert>
      ) : (
        left !== null && (
          <Typography role="timer" variant="body1" sx={{ mb: 2 }} data-testid="pairing-countdown">
            {translate('conduit.terminals.pairing.expires_in', { time: clock(left) })}
          </Typography>
        )
      )}
      <CopyCodeButton code={displayPairingCode(code)} />
      <Alert severity="warning" sx={{ mt: 3, textAlign: 'left' }}>
        {translate('conduit.terminals.pairing.once')}
      </Alert>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2, textAlign: 'left' }}>
        {translate('conduit.terminals.pairing.instructions')}
      </Typography>
    </Box>
  );
};
