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
    <AutocompleteInput sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" />,
];

const Column = DataTable.Col<Outlet>;

export const OutletList = () => (
  <List<Outlet>
    filters={outletFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<PointOfSaleIcon />}
        title="conduit.outlets.empty_title"
        description="conduit.outlets.empty_description"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column disableSort source="merchantId">
        <ReferenceField source="merchantId" reference="merchants" link="show" />
      </Column>
      <Column source="storeId" label="conduit.outlets.store" field={MonoField} />
      <Column source="terminalId" label="conduit.outlets.terminal" field={MonoField} />
      <Column source="name" />
      <Column source="active">
        <StatusChipField source="active" states={ACTIVE_STATES} />
      </Column>
      <Column source="createdAt">
        <DateTimeField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
