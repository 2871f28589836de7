import {
  AutocompleteInput,
  Create,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
  usePermissions,
} from 'react-admin';
import type { Role, User } from '../api/types';
import { assignableRoles, roleChoices } from '../auth/permissions';
import { ROLE_HELP } from './constants';

export const UserCreate = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <Create<User> title="conduit.users.new" redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ role: 'FINANCE' }}>
        <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
        <TextInput source="name" validate={required()} />
        <SelectInput
          source="role"
          choices={roleChoices(assignableRoles(permissions))}
          validate={required()}
          helperText={ROLE_HELP}
        />
        {permissions === 'PLATFORM_ADMIN' && (
          <ReferenceInput source="organizationId" reference="organizations">
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        )}
        <PasswordInput
          source="password"
          label="conduit.users.initial_password"
          validate={[required(), minLength(12, 'conduit.users.validation.password')]}
          autoComplete="new-password"
          helperText="conduit.users.help.initial_password"
        />
      </SimpleForm>
    </Create>
  );
};
