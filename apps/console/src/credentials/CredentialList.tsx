import {
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import type { Credential } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { KIND_FILTER_CHOICES, KIND_STATES } from './constants';

const credentialFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('conduit.credentials.search')} />,
  <SelectInput key="kind" source="kind" choices={KIND_FILTER_CHOICES} />,
  <NullableBooleanInput key="enabled" source="enabled" />,
];

const Column = DataTable.Col<Credential>;

const merchantCount = (record: Credential, translate: TranslateFunction) => {
  const n = record.merchantIds?.length ?? 0;
  return n === 1 ? record.merchantIds[0] : translate('conduit.credentials.merchant_count', { count: n });
};

export const CredentialList = () => {
  const translate = useTranslate();
  return (
    <List<Credential>
      filters={credentialFilters(translate)}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<KeyIcon />}
          title="conduit.credentials.empty_title"
          description="conduit.credentials.empty_description"
          createLabel="conduit.credentials.create"
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
        <Column source="merchantIds" disableSort render={(r) => merchantCount(r, translate)} />
        <Column source="enabled" label="conduit.credentials.status">
          <StatusChipField source="enabled" states={ENABLED_STATES} />
        </Column>
        <Column source="lastUsedAt">
          <DateTimeField source="lastUsedAt" emptyText="conduit.users.never" />
        </Column>
        <Column disableSort source="rotatedAt" label="conduit.credentials.rotated">
          <DateTimeField source="rotatedAt" emptyText="conduit.users.never" />
        </Column>
      </DataTable>
    </List>
  );
};
