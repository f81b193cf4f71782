import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { localeOfPath } from '$lib/i18n';

// In the browser the page's language is the address bar's (links never cross languages without
// a full load: see LanguageSwitch.svelte).
overwriteGetLocale(() => localeOfPath(window.location.pathname));
