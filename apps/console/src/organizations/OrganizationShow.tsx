import {
  DataTable,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Merchant, Organization } from '../api/types';
import { ChipListField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MERCHANT_STATES } from '../merchants/constants';
import { KIND_STATES } from './constants';
import { RequireTwoFactorToggle } from './RequireTwoFactorToggle';

const OrganizationTitle = () => {
  const record = useRecordContext<Organization>();
  const translate = useTranslate();
  return <>{record?.name ?? translate('conduit.organizations.title')}</>;
};

const OrganizationMerchants = () => {
  const translate = useTranslate();
  return (
    <ReferenceManyField<Organization, Merchant>
      sort={{ field: 'name', order: 'ASC' }}
      reference="merchants"
      target="organizationId"
      perPage={25}
      label="conduit.organizations.merchants"
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('conduit.organizations.no_merchants')}
          </Typography>
        }
      >
        <DataTable.Col source="merchantId" field={MonoField} />
        <DataTable.Col source="name" />
        <DataTable.Col source="status">
          <StatusChipField source="status" states={MERCHANT_STATES} />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

export const OrganizationShow = () => {
  const { permissions } = usePermissions<string>();
  return (
    <Show<Organization> title={<OrganizationTitle />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <MonoField source="slug" />
        <StatusChipField source="kind" states={KIND_STATES} />
        <ChipListField source="ipAllowlist" emptyText="conduit.common.any_address" />
        <RequireTwoFactorToggle />
        <DateTimeField source="createdAt" />
        {permissions === 'PLATFORM_ADMIN' && <OrganizationMerchants />}
      </SimpleShowLayout>
    </Show>
  );
};
