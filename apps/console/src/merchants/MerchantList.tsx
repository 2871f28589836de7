import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  usePermissions,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import type { Merchant } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MERCHANT_STATES, MERCHANT_STATUS_CHOICES } from './constants';

const merchantFilters = (isPlatformAdmin: boolean, translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('conduit.merchants.search')} />,
  <SelectInput key="status" source="status" choices={MERCHANT_STATUS_CHOICES} />,
  ...(isPlatformAdmin
    ? [
        <ReferenceInput key="organizationId" source="organizationId" reference="organizations">
          <AutocompleteInput />
        </ReferenceInput>,
      ]
    : []),
];

const Column = DataTable.Col<Merchant>;

export const MerchantList = () => {
  const { permissions } = usePermissions<string>();
  const isPlatformAdmin = permissions === 'PLATFORM_ADMIN';
  const translate = useTranslate();
  return (
    <List<Merchant>
      filters={merchantFilters(isPlatformAdmin, translate)}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<StorefrontIcon />}
          title="conduit.merchants.empty_title"
          description="conduit.merchants.empty_description"
        />
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="merchantId" field={MonoField} />
        <Column source="name" />
        {isPlatformAdmin && (
          <Column disableSort source="organizationId">
            <ReferenceField source="organizationId" reference="organizations" link="show" />
          </Column>
        )}
        <Column source="timeZone" />
        <Column disableSort source="settlementCutoff" label="conduit.merchants.cutoff" />
        <Column source="status">
          <StatusChipField source="status" states={MERCHANT_STATES} />
        </Column>
        <Column source="createdAt">
          <DateTimeField source="createdAt" />
        </Column>
      </DataTable>
    </List>
  );
};
