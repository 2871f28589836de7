import { DataTable, List, SearchInput, SelectInput, useTranslate, type TranslateFunction } from 'react-admin';
import ApartmentIcon from '@mui/icons-material/ApartmentOutlined';
import type { Organization } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { KIND_CHOICES, KIND_STATES } from './constants';

const organizationFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('conduit.organizations.search')} />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
];

const Column = DataTable.Col<Organization>;

export const OrganizationList = () => {
  const translate = useTranslate();
  return (
    <List<Organization>
      filters={organizationFilters(translate)}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<ApartmentIcon />}
          title="conduit.organizations.empty_title"
          description="conduit.organizations.empty_description"
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
          disableSort
          render={(r) =>
            r.ipAllowlist?.length
              ? translate('conduit.organizations.ranges', { smart_count: r.ipAllowlist.length })
              : translate('conduit.organizations.any')
          }
        />
        <Column source="createdAt">
          <DateTimeField source="createdAt" />
        </Column>
      </DataTable>
    </List>
  );
};
