import { FormControlLabel, Switch } from '@mui/material';
import { useNotify, usePermissions, useRecordContext, useUpdate } from 'react-admin';
import type { Organization } from '../api/types';

/** The organization's policy: every console user signs in with two-factor (practice and platform admins change it). */
export const RequireTwoFactorToggle = () => {
  const record = useRecordContext<Organization>();
  const { permissions } = usePermissions<string>();
  const [update, { isPending }] = useUpdate<Organization>();
  const notify = useNotify();
  if (!record) return null;
  const mayChange = permissions === 'PLATFORM_ADMIN' || permissions === 'PRACTICE_ADMIN';
  return (
    <FormControlLabel
      label="Require two-factor sign-in for every user"
      control={
        <Switch
          checked={record.requireTwoFactor}
          disabled={!mayChange || isPending}
          inputProps={{ 'aria-label': 'Require two-factor sign-in' }}
          onChange={(e) =>
            update(
              'organizations',
              { id: record.id, data: { requireTwoFactor: e.target.checked }, previousData: record },
              {
                onError: (err) =>
                  notify(err instanceof Error ? err.message : 'Update failed', { type: 'error' }),
              },
            )
          }
        />
      }
    />
  );
};
