import {
  AutocompleteInput,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
} from 'react-admin';
import PointOfSaleIcon from '@mui/icons-material/PointOfSaleOutlined';
import type { Outlet } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { ACTIVE_STATES, DateTimeField, MonoField, StatusChipField } from '../common/fields';

const outletFilters = [
  <ReferenceInput
    key="merchantId"
    source="merchantId"
    reference="merchants"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput label="Merchant" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="Active" />,
];

const Column = DataTable.Col<Outlet>;

export const OutletList = () => (
  <List<Outlet>
    title="Outlets"
    filters={outletFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<PointOfSaleIcon />}
        title="No outlets yet"
        description="An outlet is a store and terminal pair under a merchant, such as a front desk or a billing office."
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column disableSort source="merchantId" label="Merchant">
        <ReferenceField source="merchantId" reference="merchants" link="show" />
      </Column>
      <Column source="storeId" label="Store" field={MonoField} />
      <Column source="terminalId" label="Terminal" field={MonoField} />
      <Column source="name" />
      <Column source="active">
        <StatusChipField source="active" states={ACTIVE_STATES} />
      </Column>
      <Column source="createdAt" label="Created">
        <DateTimeField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
