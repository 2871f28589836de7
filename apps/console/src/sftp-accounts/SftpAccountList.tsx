import {
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import StorageIcon from '@mui/icons-material/StorageOutlined';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import type { SftpAccount } from './types';

const filters = (translate: TranslateFunction) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={translate('resources.sftp-accounts.fields.username')}
  />,
  <MerchantFilterInput key="merchantId" source="merchantId" />,
  <NullableBooleanInput key="enabled" source="enabled" />,
];

const Column = DataTable.Col<SftpAccount>;

const merchants = (a: SftpAccount, translate: TranslateFunction) =>
  a.merchantIds.length === 1
    ? a.merchantIds[0]
    : translate('conduit.credentials.merchant_count', { count: a.merchantIds.length });
const keys = (a: SftpAccount, translate: TranslateFunction) => {
  const weak = a.publicKeys.filter((k) => k.weak).length;
  return weak
    ? translate('conduit.sftp_accounts.keys_with_weak', { count: a.publicKeys.length, weak })
    : String(a.publicKeys.length);
};

export const SftpAccountList = () => {
  const translate = useTranslate();
  return (
    <List<SftpAccount>
      filters={filters(translate)}
      sort={{ field: 'username', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<StorageIcon />}
          title="conduit.sftp_accounts.empty_title"
          description="conduit.sftp_accounts.empty_description"
          createLabel="conduit.sftp_accounts.create"
        />
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="username" field={MonoField} />
        <Column source="merchantIds" disableSort render={(a) => merchants(a, translate)} />
        <Column source="enabled" label="conduit.credentials.status">
          <StatusChipField source="enabled" states={ENABLED_STATES} />
        </Column>
        <Column
          source="publicKeys"
          label="conduit.sftp_accounts.keys_column"
          disableSort
          render={(a) => keys(a, translate)}
        />
        <Column
          source="hasPassword"
          label="conduit.sftp_accounts.form.password"
          disableSort
          render={(a) => (a.hasPassword ? translate('conduit.sftp_accounts.set') : '—')}
        />
        <Column source="lastLoginAt">
          <DateTimeField source="lastLoginAt" emptyText="conduit.users.never" />
        </Column>
      </DataTable>
    </List>
  );
};
