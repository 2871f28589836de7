import type { StatusChipFieldProps } from '../common/fields';
import { ROLE_LABELS } from '../auth/permissions';

export const USER_STATES: StatusChipFieldProps['states'] = {
  false: ['Active', 'success'],
  true: ['Disabled', 'default'],
};

export const ROLE_STATES: StatusChipFieldProps['states'] = {
  PLATFORM_ADMIN: [ROLE_LABELS.PLATFORM_ADMIN, 'error'],
  PRACTICE_ADMIN: [ROLE_LABELS.PRACTICE_ADMIN, 'info'],
  FINANCE: [ROLE_LABELS.FINANCE, 'default'],
  PARTNER_DEVELOPER: [ROLE_LABELS.PARTNER_DEVELOPER, 'default'],
};

export const ROLE_HELP =
  'Practice admins manage everything in their organization; Finance has read-only access to configuration; Partner developers manage API credentials.';
