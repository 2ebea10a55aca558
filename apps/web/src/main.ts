import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { applyLocale, createAppI18n } from './i18n';
import { useLocaleStore } from './stores/locale';
import { setApiLocale } from './api/http';
import './styles/main.css';

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
