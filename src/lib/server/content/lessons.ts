// Lessons rendered to HTML on the server: a module page gets this HTML, never the compiled lesson.
// Interactive components inside it are brought to life in the browser (src/lib/lessons/islands.ts).
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { LESSON_FROM } from '$lib/lessons/from';

const lessons = import.meta.glob<{ default: Component }>('/courses/modules/*/*/index.md', {
	eager: true
});
const cache = new Map<string, string>();

export function lessonHtml(file: string, moduleId: string): string {
	let html = cache.get(file);
	if (html === undefined) {
		const lesson = lessons[`/${file}`];
		if (!lesson) throw new Error(`no compiled lesson for ${file}`);
		// Rendered outside a request: components learn their module page from context.
		html = render(lesson.default, {
			context: new Map([[LESSON_FROM, `/modules/${moduleId}`]])
		}).body;
		cache.set(file, html);
	}
	return html;
}
