import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { mount } from '@vue/test-utils';
import { watch } from 'vue';
import { applyLocale, createAppI18n } from '@/i18n';
import LocaleSwitch from '@/components/LocaleSwitch.vue';
import { LOCALE_STORAGE_KEY, useLocaleStore } from './locale';

describe('locale store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('starts in Chinese', () => {
    expect(useLocaleStore().locale).toBe('zh-CN');
  });

  it('persists the choice across reloads', () => {
    useLocaleStore().setLocale('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');

    setActivePinia(createPinia()); // a new page load
    expect(useLocaleStore().locale).toBe('en');
  });

  it('ignores a stored value it does not support', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(useLocaleStore().locale).toBe('zh-CN');
  });

  it('switches the interface language from the header switch', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const store = useLocaleStore();
    const i18n = createAppI18n(store.locale);
    watch(
      () => store.locale,
      (locale) => applyLocale(i18n, locale),
    );
    const wrapper = mount(
      {
        components: { LocaleSwitch },
        template: `<div><LocaleSwitch /><h1>{{ $t('inventory.title') }}</h1></div>`,
      },
      { global: { plugins: [pinia, i18n] } },
    );
    expect(wrapper.find('h1').text()).toBe('厂房台账');
    await wrapper.find('button[data-locale="en"]').trigger('click');
    expect(wrapper.find('h1').text()).toBe('Unit inventory');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });
});
