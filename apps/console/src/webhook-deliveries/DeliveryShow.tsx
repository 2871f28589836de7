import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import type { WebhookDeliveryRecord } from '../api/webhookTypes';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { WORKFLOW_STATES } from '../transactions/constants';
import { ResendButton } from './ResendButtons';

const Attempts = () => {
  const record = useRecordContext<WebhookDeliveryRecord>();
  if (!record) return null;
  if (record.attempts.length === 0) return <Typography variant="body2">No attempt yet.</Typography>;
  return (
    <Table size="small" aria-label="Attempts">
      <TableHead>
        <TableRow>
          {['#', 'Started', 'Duration', 'HTTP status', 'Posting message', 'Error class'].map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {record.attempts.map((a) => (
          <TableRow key={`${a.startedAt}-${a.number}`}>
            <TableCell>{a.number}</TableCell>
            <TableCell>{new Date(a.startedAt).toLocaleString()}</TableCell>
            <TableCell>{a.durationMs} ms</TableCell>
            <TableCell>{a.httpStatus ?? '—'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{a.postingMessage ?? '—'}</TableCell>
            <TableCell>{a.errorClass ?? 'success'}</TableCell>
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
      <MonoField source="webhookId" label="webhook-id" />
      <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
      <TextField source="eventType" label="Event" />
      <TextField source="endpointUrl" label="Endpoint" />
      <TextField source="merchantId" label="MerchantID" />
      <MonoField source="transactionId" label="Transaction" />
      <TextField source="postingMessage" emptyText="—" />
      <NumberField source="attemptCount" label="Attempts (all series)" />
      <DateTimeField source="nextAttemptAt" label="Next attempt" />
      <DateTimeField source="completedAt" label="Completed" />
      <DateTimeField source="createdAt" label="Created" />
      <Labeled label="Attempts" fullWidth>
        <Attempts />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
