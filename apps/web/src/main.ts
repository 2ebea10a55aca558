import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { applyLocale, createAppI18n } from './i18n';
import { useLocaleStore } from './stores/locale';
import { setApiLocale } from './api/http';
// Variables and base rules first: the shared parts of forms, tables and list pages build on them
// (and override `.card` where they must).
import './styles/main.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/pages.css';
// Last: the print rules (a quote prints alone, one section per page).
import './styles/print.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

const localeStore = useLocaleStore(pinia);
const i18n = createAppI18n(localeStore.locale);
app.use(i18n);
applyLocale(i18n, localeStore.locale);
setApiLocale(() => localeStore.locale);
watch(
  () => localeStore.locale,
  (locale) => applyLocale(i18n, locale),
);

app.use(createAppRouter());
app.mount('#app');
