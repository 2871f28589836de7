import { useState } from 'react';
import { Box, Button, Card, CardContent, CardHeader, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useRecordContext, useTranslate } from 'react-admin';
import type { SftpAccount } from './types';

/** Conduit's OpenPGP public key for the account: uploads ending in .pgp are encrypted to it. */
export const PgpKeyPanel = () => {
  const record = useRecordContext<SftpAccount>();
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  if (!record) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(record.conduitPgpPublicKey);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title={translate('conduit.sftp_accounts.pgp.title')}
        subheader={translate('conduit.sftp_accounts.pgp.subheader', {
          fingerprint: record.conduitPgpFingerprint,
        })}
        slotProps={{ title: { variant: 'subtitle1' } }}
        action={
          <Button
            size="small"
            startIcon={<ContentCopyIcon />}
            onClick={copy}
            aria-label={translate('conduit.sftp_accounts.pgp.copy')}
          >
            {translate(copied ? 'conduit.common.copied' : 'conduit.developers.copy')}
          </Button>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Box
          component="pre"
          aria-label={translate('conduit.sftp_accounts.pgp.key')}
          tabIndex={0}
          sx={{ m: 0, p: 1, bgcolor: 'action.hover', fontSize: 11, maxHeight: 200, overflow: 'auto' }}
        >
          {record.conduitPgpPublicKey}
        </Box>
        <Typography variant="caption" color="text.secondary">
          gpg --import conduit.asc &amp;&amp; gpg -r {record.conduitPgpFingerprint} --encrypt payments.txt
        </Typography>
      </CardContent>
    </Card>
  );
};
