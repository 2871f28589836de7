import {
  BooleanField,
  DataTable,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  usePermissions,
} from 'react-admin';
import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import type { User } from '../api/types';
import { ROLES } from '../api/types';
import { roleChoices } from '../auth/permissions';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, StatusChipField } from '../common/fields';
import { ROLE_STATES, USER_STATES } from './constants';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name or email" />,
  <SelectInput key="role" source="role" choices={roleChoices(ROLES)} />,
];

const Column = DataTable.Col<User>;

export const UserList = () => {
  const { permissions } = usePermissions<string>();
  return (
    <List<User>
      title="Users"
      filters={userFilters}
      sort={{ field: 'email', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<PeopleIcon />}
          title="No users yet"
          description="Invite the people who manage merchants, credentials and reconciliation."
          createLabel="Add user"
        />
      }
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <Column source="email" />
        <Column source="name" />
        <Column source="role">
          <StatusChipField source="role" states={ROLE_STATES} />
        </Column>
        {permissions === 'PLATFORM_ADMIN' && (
          <Column disableSort source="organizationId" label="Organization">
            <ReferenceField source="organizationId" reference="organizations" link="show" />
          </Column>
        )}
        <Column source="disabled" label="Status">
          <StatusChipField source="disabled" states={USER_STATES} />
        </Column>
        <Column disableSort source="twoFactorEnabled" label="Two-factor">
          <BooleanField source="twoFactorEnabled" />
        </Column>
        <Column source="lastLoginAt" label="Last sign-in">
          <DateTimeField source="lastLoginAt" emptyText="Never" />
        </Column>
        <Column source="createdAt" label="Created">
          <DateTimeField source="createdAt" />
        </Column>
      </DataTable>
    </List>
  );
};
