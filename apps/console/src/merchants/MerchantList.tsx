import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  usePermissions,
} from 'react-admin';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import type { Merchant } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MERCHANT_STATES, MERCHANT_STATUS_CHOICES } from './constants';

const merchantFilters = (isPlatformAdmin: boolean) => [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or MerchantID" />,
  <SelectInput key="status" source="status" label="Status" choices={MERCHANT_STATUS_CHOICES} />,
  ...(isPlatformAdmin
    ? [
        <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
          <AutocompleteInput label="Organization" />
        </ReferenceInput>,
      ]
    : []),
];

const Column = DataTable.Col<Merchant>;

export const MerchantList = () => {
  const { permissions } = usePermissions<string>();
  const isPlatformAdmin = permissions === 'PLATFORM_ADMIN';
  return (
    <List<Merchant>
      title="Merchants"
      filters={merchantFilters(isPlatformAdmin)}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<StorefrontIcon />}
          title="No merchants yet"
          description="A merchant is a MerchantID with its time zone and settlement cutoff. Add one to start taking payments."
        />
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="merchantId" label="MerchantID" field={MonoField} />
        <Column source="name" />
        {isPlatformAdmin && (
          <Column disableSort source="organizationId" label="Organization">
            <ReferenceField source="organizationId" reference="organizations" link="show" />
          </Column>
        )}
        <Column source="timeZone" label="Time zone" />
        <Column disableSort source="settlementCutoff" label="Cutoff" />
        <Column source="status">
          <StatusChipField source="status" states={MERCHANT_STATES} />
        </Column>
        <Column source="createdAt" label="Created">
          <DateTimeField source="createdAt" />
        </Column>
      </DataTable>
    </List>
  );
};
