import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import CheckIcon from '@mui/icons-material/Check';
import { useTranslate } from 'react-admin';

export interface SecretDialogProps {
  open: boolean;
  /** An i18n key (en.ts) or text already translated. */
  title: string;
  identifier: string;
  secret: string;
  onClose: () => void;
}

const CopyRow = ({ label, value }: { label: string; value: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  const copyName = translate('conduit.common.copy_named', { name: label.toLowerCase() });
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="overline" color="text.secondary">
        {label}
      </Typography>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          p: 1.5,
          borderRadius: 2,
          bgcolor: 'grey.100',
          border: '1px solid',
          borderColor: 'divider',
        }}
      >
        <Typography
          component="code"
          sx={{ flex: 1, fontFamily: 'monospace', fontSize: 14, wordBreak: 'break-all', userSelect: 'all' }}
        >
          {value}
        </Typography>
        <Tooltip title={copied ? translate('conduit.common.copied') : copyName}>
          <IconButton onClick={copy} aria-label={copyName} size="small">
            {copied ? <CheckIcon color="success" fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
};

/** Shows a freshly issued secret exactly once. Only the Done button closes it. */
export const SecretDialog = ({ open, title, identifier, secret, onClose }: SecretDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} maxWidth="sm" fullWidth aria-labelledby="secret-dialog-title" disableEscapeKeyDown>
      <DialogTitle id="secret-dialog-title">{translate(title, { _: title })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('conduit.common.secret.warning')}
        </Alert>
        <CopyRow label={translate('conduit.common.secret.identifier')} value={identifier} />
        <CopyRow label={translate('conduit.common.secret.secret')} value={secret} />
        <Typography variant="body2" color="text.secondary">
          {translate('conduit.common.secret.store')}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={onClose}>
          {translate('conduit.common.secret.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
