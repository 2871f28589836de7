import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';

type Messages = { [key: string]: string | Messages };

/** Conduit's messages over react-admin's own (both nested objects, as polyglot reads them). */
export const merge = (base: Messages, over: Messages): Messages =>
  Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(over)])].map((key) => {
      const [a, b] = [base[key], over[key]];
      return [key, typeof a === 'object' && typeof b === 'object' ? merge(a, b) : (b ?? a)];
    }),
  );

/**
 * A translation is one file beside en.ts (Conduit's messages) merged over react-admin's
 * language package for that locale (ra-language-<locale>); this console ships English.
 */
export const messages = merge(englishMessages as unknown as Messages, en) as unknown as TranslationMessages;

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  // A missing key shows the key itself in development builds, so it is noticed; the unit test
  // (scripts/console/i18n-keys.spec.ts) keeps every key the source uses present here.
  allowMissing: false,
});
