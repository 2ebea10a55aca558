import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, type Locale } from '@factoryspace/domain';
import zhCN, { type MessageSchema } from './zh-CN';
import en from './en';
import { accountsAdminMessages } from './accounts-admin';
import { marketMessages } from './market';
import { searchMessages } from './search';
import { pricingMessages } from './pricing';
import { leasingMessages } from './leasing';

/**
 * The app's messages per locale: zh-CN.ts / en.ts (checked against each other by the type) plus
 * the `accountsAdmin.*` messages of the firm-account and administration pages
 * (./accounts-admin.ts), the `search.*` messages of the search page (./search.ts) and the
 * `market.*` messages of the unit, favourites, compare and saved-search pages (./market.ts), which
 * and the `pricing.*` messages of the quote calculator and rent-policy pages (./pricing.ts) are
 * merged in as they are and not checked against the schema; so are the `leasing.*` messages of
 * the application and lease pages (./leasing.ts).
 */
export type AppMessages = MessageSchema &
  (typeof accountsAdminMessages)['zh-CN'] &
  (typeof searchMessages)['zh-CN'] &
  (typeof marketMessages)['zh-CN'] &
  (typeof pricingMessages)['zh-CN'] &
  (typeof leasingMessages)['zh-CN'];

export const messages = {
  'zh-CN': {
    ...zhCN,
    ...accountsAdminMessages['zh-CN'],
    ...searchMessages['zh-CN'],
    ...marketMessages['zh-CN'],
    ...pricingMessages['zh-CN'],
    ...leasingMessages['zh-CN'],
  },
  en: {
    ...en,
    ...accountsAdminMessages.en,
    ...searchMessages.en,
    ...marketMessages.en,
    ...pricingMessages.en,
    ...leasingMessages.en,
  },
} as Record<Locale, AppMessages>;

export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[AppMessages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/**
 * Keeps vue-i18n, <html lang> and the API's Accept-Language in step with the locale store.
 * Returns the function that applies a locale (called once at start-up and on every change).
 */
export function applyLocale(i18n: AppI18n, locale: Locale): void {
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
