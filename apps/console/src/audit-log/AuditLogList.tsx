import {
  DataTable,
  DateInput,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import type { AuditLogEntry } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField } from '../common/fields';
import { endOfDay, startOfDay } from '../common/dates';
import { AUDITED_RESOURCES } from './constants';

const auditFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Actor, resource id, IP…" />,
  <TextInput key="action" source="action" label="Action" />,
  <SelectInput key="resource" source="resource" choices={AUDITED_RESOURCES} />,
  <DateInput key="createdAt_gte" source="createdAt_gte" label="From" alwaysOn parse={startOfDay} />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="To" alwaysOn parse={endOfDay} />,
];

const Actor = () => {
  const record = useRecordContext<AuditLogEntry>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2">{record.actorLabel}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.actorType}
      </Typography>
    </Box>
  );
};

const Column = DataTable.Col<AuditLogEntry>;

export const AuditLogList = () => (
  <List<AuditLogEntry>
    title="Audit log"
    filters={auditFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    empty={
      <EmptyState
        icon={<HistoryIcon />}
        title="Nothing recorded yet"
        description="Sign-ins, configuration changes and credential events will appear here."
        create={false}
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="createdAt" label="When">
        <DateTimeField source="createdAt" />
      </Column>
      <Column source="actorLabel" label="Actor">
        <Actor />
      </Column>
      <Column source="action" field={MonoField} />
      <Column source="resource" />
      <Column disableSort source="resourceId" label="Resource id" field={MonoField} />
      <Column disableSort source="ip" label="IP" field={MonoField} />
    </DataTable>
  </List>
);
