import { useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import SendIcon from '@mui/icons-material/SendOutlined';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import { EVENT_TYPES, type SampleResult, type WebhookEndpoint } from '../api/webhookTypes';

/** `title` is an i18n key. */
const Block = ({ title, text }: { title: string; text: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate(title)}</Typography>
      <Box
        component="pre"
        sx={{
          fontFamily: 'monospace',
          fontSize: 12,
          bgcolor: 'action.hover',
          p: 1,
          overflowX: 'auto',
          whiteSpace: 'pre-wrap',
        }}
      >
        {text}
      </Box>
    </Box>
  );
};

const headerLines = (h: Record<string, string>) =>
  Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');

/** The samples wizard: choose an event and a format, post it now, see the exact exchange. */
export const TestWizard = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const { canAccess } = useCanAccess({ resource: 'webhook-endpoints', action: 'edit', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [eventType, setEventType] = useState('Approved');
  const [format, setFormat] = useState('');
  const send = useMutation<SampleResult, Error>({
    mutationFn: () =>
      dataProvider.testWebhookEndpoint(String(record?.id), { eventType, ...(format ? { format } : {}) }),
  });
  if (!record || !canAccess) return null;
  const r = send.data;
  return (
    <>
      <Button label="conduit.webhook_endpoints.test.button" onClick={() => setOpen(true)}>
        <SendIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('conduit.webhook_endpoints.test.title')}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
            <TextField
              select
              label={translate('conduit.webhook_endpoints.test.event_type')}
              value={eventType}
              onChange={(e) => setEventType(e.target.value)}
              size="small"
            >
              {EVENT_TYPES.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={translate('resources.webhook-endpoints.fields.format')}
              value={format}
              onChange={(e) => setFormat(e.target.value)}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
              size="small"
              sx={{ minWidth: 180 }}
            >
              <MenuItem value="">
                {translate('conduit.webhook_endpoints.test.endpoint_format', { format: record.format })}
              </MenuItem>
              {['JSON', 'XML', 'NVP'].map((f) => (
                <MenuItem key={f} value={f}>
                  {f}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          {send.error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {send.error.message}
            </Alert>
          )}
          {r && (
            <Box role="status">
              <Alert severity={r.success ? 'success' : 'error'} sx={{ mt: 2 }}>
                {r.response
                  ? translate('conduit.webhook_endpoints.test.answered', {
                      status: r.response.status,
                      reason: r.response.reasonPhrase,
                      ms: r.durationMs,
                    })
                  : translate('conduit.webhook_endpoints.test.no_answer', {
                      error: r.error ?? translate('conduit.webhook_endpoints.test.unknown_error'),
                    })}
              </Alert>
              <Block
                title="conduit.webhook_endpoints.test.request"
                text={`${r.request.method} ${r.request.url}\n${headerLines(r.request.headers)}\n\n${r.request.body}`}
              />
              {r.response && (
                <Block
                  title="conduit.webhook_endpoints.test.response"
                  text={`${r.response.status} ${r.response.reasonPhrase}\n${headerLines(r.response.headers)}\n\n${r.response.body}`}
                />
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.close')}</MuiButton>
          <MuiButton variant="contained" onClick={() => send.mutate()} disabled={send.isPending}>
            {translate('conduit.webhook_endpoints.test.send')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
