import { onBeforeUnmount, onMounted, ref } from 'vue';

export const PRINTING_CLASS = 'printing-quote';

/**
 * Prints a quote on its own: before printing (the button, or the browser's own Print command)
 * the body gets `printing-quote` so the print stylesheet shows only the quote's print sheet, and
 * `prepare` runs (e.g. to capture the chart as an image); afterwards the class goes again.
 */
export function usePrintQuote(prepare: () => void = () => undefined) {
  const printing = ref(false);

  function before(): void {
    prepare();
    printing.value = true;
    document.body.classList.add(PRINTING_CLASS);
  }

  function after(): void {
    printing.value = false;
    document.body.classList.remove(PRINTING_CLASS);
  }

  /** Opens the browser's print dialog for the quote. */
  function print(): void {
    before();
    try {
      window.print();
    } finally {
      // Chromium fires afterprint itself; browsers that do not still get the class removed.
      after();
    }
  }

  onMounted(() => {
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    after();
  });

  return { print, printing, before, after };
}
