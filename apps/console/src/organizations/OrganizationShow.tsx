import {
  DataTable,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Merchant, Organization } from '../api/types';
import { ChipListField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MERCHANT_STATES } from '../merchants/constants';
import { KIND_STATES } from './constants';
import { RequireTwoFactorToggle } from './RequireTwoFactorToggle';

const OrganizationTitle = () => {
  const record = useRecordContext<Organization>();
  return <>{record?.name ?? 'Organization'}</>;
};

const OrganizationMerchants = () => (
  <ReferenceManyField<Organization, Merchant>
    sort={{ field: 'name', order: 'ASC' }}
    reference="merchants"
    target="organizationId"
    perPage={25}
    label="Merchants"
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <Typography variant="body2" color="text.secondary">
          No merchants.
        </Typography>
      }
    >
      <DataTable.Col source="merchantId" label="MerchantID" field={MonoField} />
      <DataTable.Col source="name" />
      <DataTable.Col source="status">
        <StatusChipField source="status" states={MERCHANT_STATES} />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export const OrganizationShow = () => {
  const { permissions } = usePermissions<string>();
  return (
    <Show<Organization> title={<OrganizationTitle />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <MonoField source="slug" label="Slug" />
        <StatusChipField source="kind" label="Kind" states={KIND_STATES} />
        <ChipListField source="ipAllowlist" label="IP allowlist" emptyText="Any address" />
        <RequireTwoFactorToggle />
        <DateTimeField source="createdAt" label="Created" />
        {permissions === 'PLATFORM_ADMIN' && <OrganizationMerchants />}
      </SimpleShowLayout>
    </Show>
  );
};
