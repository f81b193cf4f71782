import { error } from '@sveltejs/kit';

// Interactive lessons are hydrated as components; the others arrive as server-rendered HTML.
export async function load({ data }) {
	if (!data.interactive) return { ...data, Lesson: null };
	const { lessonComponent } = await import('$lib/lessons/registry');
	const Lesson = await lessonComponent(data.module.file);
	if (!Lesson) error(404, `There is no lesson for module "${data.module.id}".`);
	return { ...data, Lesson };
}
