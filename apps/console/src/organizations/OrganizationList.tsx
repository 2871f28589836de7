import { DataTable, List, SearchInput, SelectInput } from 'react-admin';
import ApartmentIcon from '@mui/icons-material/ApartmentOutlined';
import type { Organization } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { KIND_CHOICES, KIND_STATES } from './constants';

const organizationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or slug" />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
];

const Column = DataTable.Col<Organization>;

export const OrganizationList = () => (
  <List<Organization>
    title="Organizations"
    filters={organizationFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<ApartmentIcon />}
        title="No organizations"
        description="Organizations are the practices and partners that use Conduit."
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="slug" field={MonoField} />
      <Column source="kind">
        <StatusChipField source="kind" states={KIND_STATES} />
      </Column>
      <Column
        source="ipAllowlist"
        label="IP allowlist"
        disableSort
        render={(r) => (r.ipAllowlist?.length ? `${r.ipAllowlist.length} range(s)` : 'Any')}
      />
      <Column source="createdAt" label="Created">
        <DateTimeField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
