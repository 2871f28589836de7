import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { WebhookDeliveryRecord } from '../api/webhookTypes';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { WORKFLOW_STATES } from '../transactions/constants';
import { ResendButton } from './ResendButtons';

const ATTEMPT_COLUMNS = [
  'conduit.webhook_deliveries.columns.number',
  'conduit.webhook_deliveries.columns.started',
  'conduit.webhook_deliveries.columns.duration',
  'conduit.webhook_deliveries.columns.http_status',
  'resources.webhook-deliveries.fields.postingMessage',
  'conduit.webhook_deliveries.columns.error_class',
];

const Attempts = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.attempts.length === 0)
    return <Typography variant="body2">{translate('conduit.webhook_deliveries.no_attempt')}</Typography>;
  return (
    <Table size="small" aria-label={translate('conduit.webhook_deliveries.attempts')}>
      <TableHead>
        <TableRow>
          {ATTEMPT_COLUMNS.map((h) => (
            <TableCell key={h}>{translate(h)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {record.attempts.map((a) => (
          <TableRow key={`${a.startedAt}-${a.number}`}>
            <TableCell>{a.number}</TableCell>
            <TableCell>{new Date(a.startedAt).toLocaleString()}</TableCell>
            <TableCell>{translate('conduit.webhook_deliveries.duration_ms', { ms: a.durationMs })}</TableCell>
            <TableCell>{a.httpStatus ?? '—'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{a.postingMessage ?? '—'}</TableCell>
            <TableCell>{a.errorClass ?? translate('conduit.webhook_deliveries.success')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const DeliveryShow = () => (
  <Show<WebhookDeliveryRecord>
    actions={
      <TopToolbar>
        <ResendButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <MonoField source="webhookId" />
      <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
      <TextField source="eventType" />
      <TextField source="endpointUrl" />
      <TextField source="merchantId" />
      <MonoField source="transactionId" />
      <TextField source="postingMessage" emptyText="—" />
      <NumberField source="attemptCount" />
      <DateTimeField source="nextAttemptAt" />
      <DateTimeField source="completedAt" />
      <DateTimeField source="createdAt" />
      <Labeled label="conduit.webhook_deliveries.attempts" fullWidth>
        <Attempts />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
