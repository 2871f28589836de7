import { useState } from 'react';
import { Button } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { useTranslate } from 'react-admin';

/** Copies a sample to the clipboard; the sample itself is shown once, above it. */
export const CopyButton = ({ value, label }: { value: string; label: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button
      size="small"
      onClick={copy}
      startIcon={copied ? <CheckIcon color="success" /> : <ContentCopyIcon />}
      aria-label={translate('conduit.developers.copy_named', { name: label })}
    >
      {translate(copied ? 'conduit.developers.copied' : 'conduit.developers.copy')}
    </Button>
  );
};
