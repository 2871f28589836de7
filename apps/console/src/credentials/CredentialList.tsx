import { DataTable, List, NullableBooleanInput, SearchInput, SelectInput, TextField } from 'react-admin';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import type { Credential } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { KIND_FILTER_CHOICES, KIND_STATES } from './constants';

const credentialFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Identifier or description" />,
  <SelectInput key="kind" source="kind" choices={KIND_FILTER_CHOICES} />,
  <NullableBooleanInput key="enabled" source="enabled" label="Enabled" />,
];

const Column = DataTable.Col<Credential>;

const merchantCount = (record: Credential) => {
  const n = record.merchantIds?.length ?? 0;
  return n === 1 ? record.merchantIds[0] : `${n} merchants`;
};

export const CredentialList = () => (
  <List<Credential>
    title="Credentials"
    filters={credentialFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<KeyIcon />}
        title="No credentials yet"
        description="Credentials let your practice management system or a partner call the Conduit APIs. Each secret is shown only once."
        createLabel="Create credential"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="identifier" field={MonoField} />
      <Column source="kind">
        <StatusChipField source="kind" states={KIND_STATES} />
      </Column>
      <Column disableSort source="description">
        <TextField source="description" emptyText="—" />
      </Column>
      <Column source="merchantIds" label="Merchants" disableSort render={merchantCount} />
      <Column source="enabled" label="Status">
        <StatusChipField source="enabled" states={ENABLED_STATES} />
      </Column>
      <Column source="lastUsedAt" label="Last used">
        <DateTimeField source="lastUsedAt" emptyText="Never" />
      </Column>
      <Column disableSort source="rotatedAt" label="Rotated">
        <DateTimeField source="rotatedAt" emptyText="Never" />
      </Column>
    </DataTable>
  </List>
);
