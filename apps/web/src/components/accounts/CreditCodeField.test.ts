import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, ref } from 'vue';
import { createAppI18n } from '@/i18n';
import CreditCodeField from './CreditCodeField.vue';

/** The field with a v-model, as a form uses it. */
const Host = defineComponent({
  components: { CreditCodeField },
  props: { value: { type: Object, required: true }, extra: { type: Object, default: () => ({}) } },
  template: `<CreditCodeField v-model="value.value" label="统一社会信用代码" v-bind="extra" />`,
});

function mountField(
  initial = '',
  props: Record<string, unknown> = {},
  locale: 'zh-CN' | 'en' = 'zh-CN',
) {
  const value = ref(initial);
  const wrapper = mount(Host, {
    props: { value, extra: props },
    global: { plugins: [createAppI18n(locale)] },
  });
  return { wrapper, value, input: wrapper.find('input') };
}

describe('CreditCodeField', () => {
  it('counts characters while typing, without complaining', async () => {
    const { wrapper, input } = mountField();
    await input.setValue('91350100');
    expect(wrapper.text()).toContain('已输入 8/18 位');
    expect(wrapper.find('.field-error').exists()).toBe(false);
    expect(input.attributes('aria-invalid')).toBeUndefined();
  });

  it('names the specific problem as soon as it is certain', async () => {
    const { wrapper, input } = mountField();
    await input.setValue('91350100M000100Y44');
    expect(wrapper.find('.field-error').text()).toBe('校验位不符，请检查是否有输入错误');
    expect(input.attributes('aria-invalid')).toBe('true');

    await input.setValue('9O');
    expect(wrapper.find('.field-error').text()).toContain('不含 I、O、Z、S、V');
  });

  it('ticks a valid code', async () => {
    const { wrapper, input } = mountField();
    await input.setValue('91350100M000100Y43');
    expect(wrapper.find('[data-testid="credit-code-ok"]').text()).toContain('校验通过');
    expect(wrapper.find('.field-error').exists()).toBe(false);
  });

  it('normalises the code on leaving the field, and then judges its length', async () => {
    const { wrapper, value, input } = mountField();
    await input.setValue(' 9135 0100m000100y43 ');
    await input.trigger('blur');
    expect(value.value).toBe('91350100M000100Y43');

    await input.setValue('9135');
    await input.trigger('blur');
    expect(wrapper.find('.field-error').text()).toBe('统一社会信用代码应为18位');
  });

  it('shows the problem of an untouched field once the form is submitted', () => {
    const { wrapper } = mountField('', { submitted: true });
    expect(wrapper.find('.field-error').text()).toBe('请填写统一社会信用代码');
  });

  it('shows errors from the API under the field instead of the tick', () => {
    const { wrapper } = mountField('91350100M000100Y43', {
      errors: ['该统一社会信用代码已注册'],
    });
    expect(wrapper.find('.field-error').text()).toBe('该统一社会信用代码已注册');
    expect(wrapper.find('[data-testid="credit-code-ok"]').exists()).toBe(false);
  });

  it('speaks English in English', async () => {
    const { wrapper, input } = mountField('', {}, 'en');
    await input.setValue('B1');
    expect(wrapper.find('.field-error').text()).toBe(
      'The first character (registration authority) is not valid',
    );
  });
});
