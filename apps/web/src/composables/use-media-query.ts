import { onBeforeUnmount, ref } from 'vue';

/** A reactive `matchMedia` (false where matchMedia is missing, e.g. in tests). */
export function useMediaQuery(query: string) {
  const matches = ref(false);
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return matches;
  const list = window.matchMedia(query);
  matches.value = list.matches;
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list.addEventListener('change', update);
  onBeforeUnmount(() => list.removeEventListener('change', update));
  return matches;
}
