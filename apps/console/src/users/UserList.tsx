import {
  BooleanField,
  DataTable,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  usePermissions,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import type { User } from '../api/types';
import { ROLES } from '../api/types';
import { roleChoices } from '../auth/permissions';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField, StatusChipField } from '../common/fields';
import { ROLE_STATES, USER_STATES } from './constants';

const userFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('conduit.users.search')} />,
  <SelectInput key="role" source="role" choices={roleChoices(ROLES)} />,
];

const Column = DataTable.Col<User>;

export const UserList = () => {
  const { permissions } = usePermissions<string>();
  const translate = useTranslate();
  return (
    <List<User>
      filters={userFilters(translate)}
      sort={{ field: 'email', order: 'ASC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<PeopleIcon />}
          title="conduit.users.empty_title"
          description="conduit.users.empty_description"
          createLabel="conduit.users.add"
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
          <Column disableSort source="organizationId">
            <ReferenceField source="organizationId" reference="organizations" link="show" />
          </Column>
        )}
        <Column source="disabled" label="conduit.users.status">
          <StatusChipField source="disabled" states={USER_STATES} />
        </Column>
        <Column disableSort source="twoFactorEnabled">
          <BooleanField source="twoFactorEnabled" />
        </Column>
        <Column source="lastLoginAt">
          <DateTimeField source="lastLoginAt" emptyText="conduit.users.never" />
        </Column>
        <Column source="createdAt">
          <DateTimeField source="createdAt" />
        </Column>
      </DataTable>
    </List>
  );
};
