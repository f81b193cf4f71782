// The compiled lessons, for the browser. Imported lazily, and only by pages whose lesson has
// interactive components, so other module pages do not download this map.
import type { Component } from 'svelte';

const lessons = import.meta.glob<{ default: Component }>('/courses/modules/*/*/index.md');

export async function lessonComponent(file: string): Promise<Component | null> {
	const importer = lessons[`/${file}`];
	return importer ? (await importer()).default : null;
}
