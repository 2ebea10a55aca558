import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, type Locale } from '@factoryspace/domain';
import zhCN, { type MessageSchema } from './zh-CN';
import en from './en';

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en };

export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
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
