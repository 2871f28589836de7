import { DataTable, List, NullableBooleanInput, SearchInput } from 'react-admin';
import StorageIcon from '@mui/icons-material/StorageOutlined';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import type { SftpAccount } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Username" />,
  <MerchantFilterInput key="merchantId" source="merchantId" />,
  <NullableBooleanInput key="enabled" source="enabled" label="Enabled" />,
];

const Column = DataTable.Col<SftpAccount>;

const merchants = (a: SftpAccount) =>
  a.merchantIds.length === 1 ? a.merchantIds[0] : `${a.merchantIds.length} merchants`;
const keys = (a: SftpAccount) => {
  const weak = a.publicKeys.filter((k) => k.weak).length;
  return `${a.publicKeys.length}${weak ? ` (${weak} weak)` : ''}`;
};

export const SftpAccountList = () => (
  <List<SftpAccount>
    title="SFTP accounts"
    filters={filters}
    sort={{ field: 'username', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<StorageIcon />}
        title="No SFTP accounts yet"
        description="An SFTP or FTPS account lets your billing system upload payment files and pick up acknowledgements and posting files."
        createLabel="Create SFTP account"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="username" field={MonoField} />
      <Column source="merchantIds" label="Merchants" disableSort render={merchants} />
      <Column source="enabled" label="Status">
        <StatusChipField source="enabled" states={ENABLED_STATES} />
      </Column>
      <Column source="publicKeys" label="Keys" disableSort render={keys} />
      <Column
        source="hasPassword"
        label="Password"
        disableSort
        render={(a) => (a.hasPassword ? 'Set' : '—')}
      />
      <Column source="lastLoginAt" label="Last login">
        <DateTimeField source="lastLoginAt" emptyText="Never" />
      </Column>
    </DataTable>
  </List>
);
