import {
  BooleanInput,
  Edit,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Role, User } from '../api/types';
import { assignableRoles, roleChoices } from '../auth/permissions';
import { DateTimeField } from '../common/fields';
import { ROLE_HELP } from './constants';

const UserTitle = () => {
  const record = useRecordContext<User>();
  return <>{record ? `User ${record.email}` : 'User'}</>;
};

const Summary = () => {
  const record = useRecordContext<User>();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      <strong>{record.email}</strong> · last sign-in{' '}
      <DateTimeField source="lastLoginAt" emptyText="never" variant="body2" component="span" />
    </Typography>
  );
};

/** Only writable fields; an empty password means "keep the current one". */
const writable = (data: Partial<User> & { password?: string }) => {
  const out: Record<string, unknown> = { name: data.name, role: data.role, disabled: data.disabled };
  if (data.password) out.password = data.password;
  return out;
};

export const UserEdit = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <Edit<User> title={<UserTitle />} mutationMode="pessimistic" transform={writable} redirect="list">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <Summary />
        <TextInput source="name" validate={required()} />
        <SelectInput
          source="role"
          choices={roleChoices(assignableRoles(permissions))}
          validate={required()}
          helperText={ROLE_HELP}
        />
        <BooleanInput source="disabled" label="Disabled" helperText="Disabled users cannot sign in" />
        <PasswordInput
          source="password"
          label="New password"
          validate={minLength(12, 'At least 12 characters')}
          autoComplete="new-password"
          helperText="Leave empty to keep the current password"
        />
      </SimpleForm>
    </Edit>
  );
};
