import { FormControlLabel, Switch } from '@mui/material';
import { useNotify, usePermissions, useRecordContext, useTranslate, useUpdate } from 'react-admin';
import type { Organization } from '../api/types';

/** The organization's policy: every console user signs in with two-factor (practice and platform admins change it). */
export const RequireTwoFactorToggle = () => {
  const record = useRecordContext<Organization>();
  const { permissions } = usePermissions<string>();
  const [update, { isPending }] = useUpdate<Organization>();
  const notify = useNotify();
  const translate = useTranslate();
  if (!record) return null;
  const mayChange = permissions === 'PLATFORM_ADMIN' || permissions === 'PRACTICE_ADMIN';
  return (
    <FormControlLabel
      label={translate('conduit.organizations.require_two_factor')}
      control={
        <Switch
          checked={record.requireTwoFactor}
          disabled={!mayChange || isPending}
          inputProps={{ 'aria-label': translate('conduit.organizations.require_two_factor_short') }}
          onChange={(e) =>
            update(
              'organizations',
              { id: record.id, data: { requireTwoFactor: e.target.checked }, previousData: record },
              {
                onError: (err) =>
                  notify(err instanceof Error ? err.message : 'conduit.organizations.update_failed', {
                    type: 'error',
                  }),
              },
            )
          }
        />
      }
    />
  );
};
