import {
  DataTable,
  DateInput,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import type { AuditLogEntry } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField } from '../common/fields';
import { endOfDay, startOfDay } from '../common/dates';
import { AUDITED_RESOURCES } from './constants';

const auditFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('conduit.audit_log.search')} />,
  <TextInput key="action" source="action" />,
  <SelectInput key="resource" source="resource" choices={AUDITED_RESOURCES} />,
  <DateInput
    key="createdAt_gte"
    source="createdAt_gte"
    label="conduit.transactions.labels.from"
    alwaysOn
    parse={startOfDay}
  />,
  <DateInput
    key="createdAt_lte"
    source="createdAt_lte"
    label="conduit.transactions.labels.to"
    alwaysOn
    parse={endOfDay}
  />,
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

export const AuditLogList = () => {
  const translate = useTranslate();
  return (
    <List<AuditLogEntry>
      filters={auditFilters(translate)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      empty={
        <EmptyState
          icon={<HistoryIcon />}
          title="conduit.audit_log.empty_title"
          description="conduit.audit_log.empty_description"
          create={false}
        />
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="createdAt">
          <DateTimeField source="createdAt" />
        </Column>
        <Column source="actorLabel">
          <Actor />
        </Column>
        <Column source="action" field={MonoField} />
        <Column source="resource" />
        <Column disableSort source="resourceId" field={MonoField} />
        <Column disableSort source="ip" label="conduit.audit_log.ip" field={MonoField} />
      </DataTable>
    </List>
  );
};
