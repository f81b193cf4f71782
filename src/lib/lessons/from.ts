// Which module page a lesson component sits on, for its no-JavaScript form's "back" link. The
// server renders lessons outside a request (src/lib/server/content/lessons.ts) and says so through
// context; in the browser and on /tools pages, the page's URL says it.
import { getContext } from 'svelte';
import { page } from '$app/state';
import { unlocalizedPath } from '$lib/i18n';

export const LESSON_FROM = 'jalons:lesson-from';

/** Call while a component initialises; the function it returns gives the module path, if any. */
export function lessonFrom(): () => string | undefined {
	const given = getContext<string | undefined>(LESSON_FROM);
	return () => {
		if (given) return given;
		const path = unlocalizedPath(page.url.pathname);
		return path.startsWith('/modules/') ? path : undefined;
	};
}

/** Set by a /tools page: its h1 names the tool, so the tool's frame does not repeat the title. */
export const TOOL_PAGE = 'jalons:tool-page';
