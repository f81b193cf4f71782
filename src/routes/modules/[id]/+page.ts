import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';

// One lazily loaded chunk per lesson: a module page downloads only its own lesson.
const lessons = import.meta.glob<{ default: Component }>('/courses/modules/*/*/index.md');

export async function load({ data }) {
	const importer = lessons[`/${data.module.file}`];
	if (!importer) error(404, `There is no lesson for module "${data.module.id}".`);
	const Lesson = (await importer()).default;
	return { ...data, Lesson };
}
