import { defineStore } from 'pinia';
import { ref } from 'vue';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@factoryspace/domain';

export const LOCALE_STORAGE_KEY = 'factoryspace.locale';

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage may be disabled (privacy mode); fall back to the default.
  }
  return DEFAULT_LOCALE;
}

/** The interface language: Chinese first, the user's choice persisted in localStorage. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(readStoredLocale());

  function setLocale(next: Locale): void {
    locale.value = next;
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  }

  function toggle(): void {
    setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  }

  return { locale, setLocale, toggle };
});
