import type { Reroute } from '@sveltejs/kit';
import { unlocalizedPath } from '$lib/i18n';

/** `/fr/modules/x` is the page `/modules/x`, in French (src/lib/i18n.ts). */
export const reroute: Reroute = ({ url }) => unlocalizedPath(url.pathname);
