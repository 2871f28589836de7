import { useState } from 'react';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';

/** Recovery codes are shown this once: copy them before going on. */
export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Stack spacing={2} data-testid="recovery-codes">
      <Alert severity="warning">{translate('conduit.two_factor.recovery.save')}</Alert>
      <Box
        component="ul"
        sx={{
          columns: 2,
          fontFamily: 'monospace',
          fontSize: 15,
          m: 0,
          p: 2,
          bgcolor: 'grey.100',
          borderRadius: 2,
        }}
      >
        {codes.map((c) => (
          <Typography component="li" key={c} sx={{ fontFamily: 'inherit', listStyle: 'none' }}>
            {c}
          </Typography>
        ))}
      </Box>
      <Button startIcon={<ContentCopyIcon />} onClick={copy} variant="outlined">
        {translate(copied ? 'conduit.common.copied' : 'conduit.two_factor.recovery.copy')}
      </Button>
      <Button variant="contained" onClick={onDone} data-testid="recovery-codes-done">
        {translate('conduit.two_factor.recovery.done')}
      </Button>
    </Stack>
  );
};
