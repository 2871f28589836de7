import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/** Friendlier wording than react-admin's generic "Element created". */
const OVERRIDES: Record<string, string> = {
  'ra.notification.created': 'Created',
  'ra.notification.updated': 'Changes saved',
  'ra.notification.deleted': 'Deleted',
  'ra.message.invalid_form': 'Some fields need attention',
  'ra.notification.http_error': 'The Conduit API could not be reached',
  'ra.page.empty': 'Nothing here yet',
  'resources.payment-plans.name': 'Payment plan |||| Payment plans',
};

export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => OVERRIDES[key] ?? defaultI18nProvider.translate(key, options),
};
