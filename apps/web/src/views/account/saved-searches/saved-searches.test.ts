import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '@/i18n';
import { ApiError } from '@/api/http';
import * as market from '@/api/market';
import SavedSearchesView from './index.vue';

vi.mock('@/api/market', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/market')>();
  return {
    ...actual,
    listSavedSearches: vi.fn(),
    updateSavedSearch: vi.fn(),
    deleteSavedSearch: vi.fn(),
  };
});

const api = vi.mocked(market);

const food: market.SavedSearch = {
  id: 's-1',
  name: '食品厂房',
  query: 'q=%E9%A3%9F%E5%93%81&minArea=1000&utility=gas',
  alertsEnabled: true,
  lastAlertedAt: null,
  createdAt: '2026-01-02T03:04:05Z',
};

function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { render: () => null } }],
  });
  return mount(SavedSearchesView, {
    global: { plugins: [createPinia(), createAppI18n('zh-CN'), router] },
    attachTo: document.body,
  });
}

beforeEach(() => {
  api.listSavedSearches.mockReset().mockResolvedValue({ items: [food] });
  api.updateSavedSearch.mockReset();
  api.deleteSavedSearch.mockReset().mockResolvedValue(undefined);
});

describe('saved searches page', () => {
  it('lists a search in words with a link that opens it on the search page', async () => {
    const wrapper = render();
    await flushPromises();
    const item = wrapper.get('[data-testid="saved-search"]');
    expect(item.text()).toContain('食品厂房');
    expect(item.text()).toContain('关键词"食品"');
    expect(item.text()).toContain('天然气');
    expect(item.get('[data-testid="open-search"]').attributes('href')).toBe(
      '/search?q=%E9%A3%9F%E5%93%81&minArea=1000&utility=gas',
    );
    wrapper.unmount();
  });

  it('renames, refusing an empty name', async () => {
    api.updateSavedSearch.mockResolvedValue({ ...food, name: '新名字' });
    const wrapper = render();
    await flushPromises();
    await wrapper.get('#rename-s-1').trigger('click');
    const input = wrapper.get<HTMLInputElement>('#name-s-1');
    await input.setValue('  ');
    await wrapper.get('form.rename-form').trigger('submit');
    expect(wrapper.text()).toContain('请输入名称');
    expect(api.updateSavedSearch).not.toHaveBeenCalled();
    await input.setValue('新名字');
    await wrapper.get('form.rename-form').trigger('submit');
    await flushPromises();
    expect(api.updateSavedSearch).toHaveBeenCalledWith('s-1', { name: '新名字' });
    expect(wrapper.get('h2.item-name').text()).toBe('新名字');
    wrapper.unmount();
  });

  it('switches alerts, and switches them back when the server refuses', async () => {
    api.updateSavedSearch.mockResolvedValueOnce({ ...food, alertsEnabled: false });
    const wrapper = render();
    await flushPromises();
    const toggle = () => wrapper.get<HTMLInputElement>('[data-testid="alerts-toggle"]');
    expect(toggle().element.checked).toBe(true);
    await toggle().trigger('change');
    await flushPromises();
    expect(api.updateSavedSearch).toHaveBeenCalledWith('s-1', { alertsEnabled: false });
    expect(toggle().element.checked).toBe(false);
    expect(wrapper.text()).toContain('已关闭"食品厂房"的提醒');

    api.updateSavedSearch.mockRejectedValueOnce(
      new ApiError(500, { code: 'INTERNAL', message: '服务器内部错误' }),
    );
    await toggle().trigger('change');
    await flushPromises();
    expect(toggle().element.checked).toBe(false);
    expect(wrapper.get('[role="alert"]').text()).toContain('服务器内部错误');
    wrapper.unmount();
  });

  it('deletes after asking', async () => {
    const wrapper = render();
    await flushPromises();
    await wrapper.get('[data-testid="confirm-open"]').trigger('click');
    expect(api.deleteSavedSearch).not.toHaveBeenCalled();
    const confirm = wrapper
      .findAll('button')
      .find(
        (button) => button.text() === '删除' && button.attributes('data-testid') !== 'confirm-open',
      );
    await confirm!.trigger('click');
    await flushPromises();
    expect(api.deleteSavedSearch).toHaveBeenCalledWith('s-1');
    expect(wrapper.find('[data-testid="saved-search"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('已删除"食品厂房"');
    wrapper.unmount();
  });
});
