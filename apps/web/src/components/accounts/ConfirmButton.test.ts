import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import ConfirmButton from './ConfirmButton.vue';

function mountButton() {
  return mount(ConfirmButton, {
    props: { label: '停用', question: '停用张三?', danger: true },
    global: { plugins: [createAppI18n('zh-CN')] },
    attachTo: document.body,
  });
}

describe('ConfirmButton', () => {
  it('asks before it acts', async () => {
    const wrapper = mountButton();
    await wrapper.find('[data-testid="confirm-open"]').trigger('click');
    expect(wrapper.emitted('confirm')).toBeUndefined();
    expect(wrapper.find('[data-testid="confirm-question"]').text()).toContain('停用张三?');
    expect(document.activeElement).toBe(wrapper.find('[data-testid="confirm-yes"]').element);

    await wrapper.find('[data-testid="confirm-yes"]').trigger('click');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    expect(wrapper.find('[data-testid="confirm-question"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('does nothing when cancelled, by button or Escape', async () => {
    const wrapper = mountButton();
    await wrapper.find('[data-testid="confirm-open"]').trigger('click');
    await wrapper.find('[data-testid="confirm-no"]').trigger('click');
    await wrapper.find('[data-testid="confirm-open"]').trigger('click');
    await wrapper.find('[data-testid="confirm-question"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-testid="confirm-open"]').exists()).toBe(true);
    expect(wrapper.emitted('confirm')).toBeUndefined();
    wrapper.unmount();
  });
});
