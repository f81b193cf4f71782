// Lessons rendered to HTML on the server: a module page gets this HTML, never the compiled lesson.
// Interactive components inside it are brought to life in the browser (src/lib/lessons/islands.ts).
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { LESSON_FROM } from '$lib/lessons/from';
import { localHref, type Locale } from '$lib/i18n';
import { withLocale } from '$lib/server/language';

const localeOfFile = (file: string): Locale => (file.endsWith('.fr.md') ? 'fr' : 'en');

/** `href="/modules/x"` and `action="/tools/y"` in `html` → the same paths in `locale`. */
export function localizeLinks(html: string, locale: Locale): string {
	return html.replace(
		/\b(href|action)="(\/(?!\/|_app\/)[^"]*)"/g,
		(_all, attr: string, path: string) => `${attr}="${localHref(path, locale)}"`
	);
}

// The English lessons and their translations (index.fr.md).
const lessons = import.meta.glob<{ default: Component }>('/courses/modules/*/*/index{,.fr}.md', {
	eager: true
});
const cache = new Map<string, string>();

export function lessonHtml(file: string, moduleId: string): string {
	let html = cache.get(file);
	if (html === undefined) {
		const lesson = lessons[`/${file}`];
		if (!lesson) throw new Error(`no compiled lesson for ${file}`);
		const locale = localeOfFile(file);
		// Rendered outside a request: components learn their module page from context.
		// …and their language from the lesson's: a French lesson's exercises speak French.
		html = withLocale(locale, () =>
			render(lesson.default, {
				context: new Map([[LESSON_FROM, localHref(`/modules/${moduleId}`, locale)]])
			})
		).body;
		// A French lesson's links to other pages of the app lead to their French versions.
		if (locale !== 'en') html = localizeLinks(html, locale);
		cache.set(file, html);
	}
	return html;
}
