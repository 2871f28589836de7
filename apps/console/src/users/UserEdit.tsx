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
  useTranslate,
} from 'react-admin';
import { apiRequest } from '../api/httpClient';
import { Typography } from '@mui/material';
import type { Role, User } from '../api/types';
import { assignableRoles, roleChoices } from '../auth/permissions';
import { DateTimeField } from '../common/fields';
import { ROLE_HELP } from './constants';

const UserTitle = () => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.users.title_named', { email: record.email })
        : translate('conduit.users.title')}
    </>
  );
};

const Summary = () => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      <strong>{record.email}</strong> · {translate('conduit.users.last_sign_in')}{' '}
      <DateTimeField
        source="lastLoginAt"
        emptyText="conduit.users.never_lower"
        variant="body2"
        component="span"
      />
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
      notify('conduit.users.two_factor_reset', { type: 'info' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'conduit.users.reset_failed', { type: 'error' });
    }
  };
  return <Button label="conduit.users.reset_two_factor" onClick={reset} color="warning" sx={{ mb: 2 }} />;
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
        <BooleanInput source="disabled" helperText="conduit.users.help.disabled" />
        <PasswordInput
          source="password"
          label="conduit.users.new_password"
          validate={minLength(12, 'conduit.users.validation.password')}
          autoComplete="new-password"
          helperText="conduit.users.help.new_password"
        />
      </SimpleForm>
    </Edit>
  );
};
