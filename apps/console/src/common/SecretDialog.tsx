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

export interface SecretDialogProps {
  open: boolean;
  title: string;
  identifier: string;
  secret: string;
  onClose: () => void;
}

const CopyRow = ({ label, value }: { label: string; value: string }) => {
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
        <Tooltip title={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
          <IconButton onClick={copy} aria-label={`Copy ${label.toLowerCase()}`} size="small">
            {copied ? <CheckIcon color="success" fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
};

/** Shows a freshly issued secret exactly once. Only the Done button closes it. */
export const SecretDialog = ({ open, title, identifier, secret, onClose }: SecretDialogProps) => (
  <Dialog open={open} maxWidth="sm" fullWidth aria-labelledby="secret-dialog-title" disableEscapeKeyDown>
    <DialogTitle id="secret-dialog-title">{title}</DialogTitle>
    <DialogContent>
      <Alert severity="warning" sx={{ mb: 2 }}>
        Copy this secret now — it will not be shown again.
      </Alert>
      <CopyRow label="Identifier" value={identifier} />
      <CopyRow label="Secret" value={secret} />
      <Typography variant="body2" color="text.secondary">
        Store it in your password manager or secrets vault. If it is lost, rotate the credential to issue a
        new one.
      </Typography>
    </DialogContent>
    <DialogActions sx={{ px: 3, pb: 2 }}>
      <Button variant="contained" onClick={onClose}>
        I have copied the secret
      </Button>
    </DialogActions>
  </Dialog>
);
