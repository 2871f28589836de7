import type { StatusChipFieldProps } from '../common/fields';
import { ROLE_KEYS } from '../auth/permissions';

export const USER_STATES: StatusChipFieldProps['states'] = {
  false: ['conduit.states.active', 'success'],
  true: ['conduit.states.disabled', 'default'],
};

export const ROLE_STATES: StatusChipFieldProps['states'] = {
  PLATFORM_ADMIN: [ROLE_KEYS.PLATFORM_ADMIN, 'error'],
  PRACTICE_ADMIN: [ROLE_KEYS.PRACTICE_ADMIN, 'info'],
  FINANCE: [ROLE_KEYS.FINANCE, 'default'],
  PARTNER_DEVELOPER: [ROLE_KEYS.PARTNER_DEVELOPER, 'default'],
};

export const ROLE_HELP = 'conduit.users.help.role';
