import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Box } from '@mui/material';
import type { AuditLogEntry } from '../api/types';
import { DateTimeField, MonoField } from '../common/fields';

const AuditTitle = () => {
  const record = useRecordContext<AuditLogEntry>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.audit_log.title_named', { action: record.action })
        : translate('conduit.audit_log.title')}
    </>
  );
};

const Changes = () => {
  const record = useRecordContext<AuditLogEntry>();
  const translate = useTranslate();
  const json = record?.changes
    ? JSON.stringify(record.changes, null, 2)
    : translate('conduit.audit_log.no_changes');
  return (
    <Box
      component="pre"
      // Scrolls when long: focusable so the keyboard can scroll it.
      tabIndex={0}
      aria-label={translate('conduit.audit_log.changes')}
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
      <DateTimeField source="createdAt" options={{ dateStyle: 'full', timeStyle: 'long' }} />
      <TextField source="actorLabel" />
      <TextField source="actorType" />
      <MonoField source="action" />
      <TextField source="resource" />
      <MonoField source="resourceId" />
      <MonoField source="ip" />
      <Labeled label="conduit.audit_log.changes" fullWidth>
        <Changes />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
