// Lessons rendered to HTML on the server. A lesson without interactive components needs no
// JavaScript in the browser: its page gets this HTML, not the compiled lesson (see +page.ts).
import type { Component } from 'svelte';
import { render } from 'svelte/server';

const lessons = import.meta.glob<{ default: Component }>('/courses/modules/*/*/index.md', {
	eager: true
});
const cache = new Map<string, string>();

export function lessonHtml(file: string): string {
	let html = cache.get(file);
	if (html === undefined) {
		const lesson = lessons[`/${file}`];
		if (!lesson) throw new Error(`no compiled lesson for ${file}`);
		html = render(lesson.default).body;
		cache.set(file, html);
	}
	return html;
}
