import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { Box } from '@mui/material';
import type { AuditLogEntry } from '../api/types';
import { DateTimeField, MonoField } from '../common/fields';

const AuditTitle = () => {
  const record = useRecordContext<AuditLogEntry>();
  return <>{record ? `Audit event ${record.action}` : 'Audit event'}</>;
};

const Changes = () => {
  const record = useRecordContext<AuditLogEntry>();
  const json = record?.changes ? JSON.stringify(record.changes, null, 2) : 'No changes recorded';
  return (
    <Box
      component="pre"
      // Scrolls when long: focusable so the keyboard can scroll it.
      tabIndex={0}
      aria-label="Changes"
      sx={{
        m: 0,
        p: 2,
        maxHeight: 480,
        overflow: 'auto',
        borderRadius: 2,
        bgcolor: '#0b2136',
        color: '#d8f3ef',
        fontFamily: 'monospace',
        fontSize: 13,
        lineHeight: 1.5,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {json}
    </Box>
  );
};

export const AuditLogShow = () => (
  <Show<AuditLogEntry> title={<AuditTitle />}>
    <SimpleShowLayout>
      <DateTimeField source="createdAt" label="When" options={{ dateStyle: 'full', timeStyle: 'long' }} />
      <TextField source="actorLabel" label="Actor" />
      <TextField source="actorType" label="Actor type" />
      <MonoField source="action" label="Action" />
      <TextField source="resource" />
      <MonoField source="resourceId" label="Resource id" />
      <MonoField source="ip" label="IP address" />
      <Labeled label="Changes" fullWidth>
        <Changes />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
