import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '@/i18n';
import RequestState from './RequestState.vue';

function render(props: {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  empty?: boolean;
  emptyTitle?: string;
}) {
  return mount(RequestState, {
    props,
    slots: { default: '<table data-testid="content" />' },
    global: { plugins: [createAppI18n('zh-CN')] },
  });
}

describe('RequestState', () => {
  it('shows the content once there is some, and keeps it while reloading', () => {
    expect(render({ status: 'ready', empty: false }).find('[data-testid="content"]').exists()).toBe(
      true,
    );
    expect(
      render({ status: 'loading', empty: false }).find('[data-testid="content"]').exists(),
    ).toBe(true);
  });

  it('shows the error, the spinner or the empty state instead of the content', () => {
    const error = render({ status: 'error', error: 'boom', empty: false });
    expect(error.find('[data-testid="content"]').exists()).toBe(false);
    expect(error.text()).toContain('boom');
    expect(
      render({ status: 'loading', empty: true }).find('[data-testid="content"]').exists(),
    ).toBe(false);
    const empty = render({ status: 'ready', empty: true, emptyTitle: '没有记录' });
    expect(empty.text()).toContain('没有记录');
    expect(empty.find('[data-testid="content"]').exists()).toBe(false);
  });
});
