import { nextTick } from 'vue';

/**
 * Once the DOM is updated, scrolls the first element matching `selector` into the middle of the
 * window (a form's first invalid field, or its alert); with `focus`, also focuses its first
 * input.
 */
export async function scrollToFirst(selector: string, focus = false): Promise<void> {
  await nextTick();
  const element = document.querySelector<HTMLElement>(selector);
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (focus) {
    element?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }
}
