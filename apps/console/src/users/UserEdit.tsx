import {
  BooleanInput,
  Button,
  Edit,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { apiRequest } from '../api/httpClient';
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

/** Platform admins clear a user's two-factor (a lost phone); the user enrols again at next sign-in. */
const ResetTwoFactor = () => {
  const record = useRecordContext<User>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record?.twoFactorEnabled) return null;
  const reset = async () => {
    try {
      await apiRequest(`/users/${record.id}/two-factor`, { method: 'DELETE' });
      notify('Two-factor sign-in reset', { type: 'info' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'Reset failed', { type: 'error' });
    }
  };
  return <Button label="Reset two-factor sign-in" onClick={reset} color="warning" sx={{ mb: 2 }} />;
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
        {permissions === 'PLATFORM_ADMIN' && <ResetTwoFactor />}
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
