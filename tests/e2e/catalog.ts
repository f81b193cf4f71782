// The catalog as the tests read it (answer keys included: the tests run on the server's side).
import { readCourseFiles } from '../../scripts/catalog-files';
import { checkCatalog } from '../../src/lib/content/catalog';
import type { Question } from '../../src/lib/quiz/schema';

export const { catalog } = checkCatalog(readCourseFiles(process.cwd()));

/** The form fields that answer a shown question right, as a browser posts them. */
export function rightFields(q: Question): [string, string][] {
	const name = `q-${q.id}`;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.flatMap((o, i) => (o.correct ? [[name, `o${i}`] as [string, string]] : []));
		case 'true-false':
			return [[name, String(q.answer)]];
		case 'numeric':
			return [[name, String(q.answer)]];
		case 'text':
			return [[name, q.accept[0]!]];
		case 'order':
			return q.items.map((_, i) => [`${name}-i${i}`, String(i + 1)]);
		case 'match':
			return q.pairs.map((_, i) => [`${name}-l${i}`, `r${i}`]);
	}
}

/** The form fields of a wrong, but complete, answer to a question (so it can be checked). */
export function wrongFields(q: Question): [string, string][] {
	const name = `q-${q.id}`;
	const n = (q.type === 'order' ? q.items : q.type === 'match' ? q.pairs : []).length;
	switch (q.type) {
		case 'single':
		case 'multiple':
			return [[name, `o${q.options.findIndex((o) => !o.correct)}`]];
		case 'true-false':
			return [[name, String(!q.answer)]];
		case 'numeric':
			return [[name, String(q.answer + 1000 * (1 + Math.abs(q.answer)))]];
		case 'text':
			return [[name, 'certainly not the answer']];
		case 'order':
			return q.items.map((_, i) => [`${name}-i${i}`, String(n - i)]);
		case 'match':
			return q.pairs.map((_, i) => [`${name}-l${i}`, `r${(i + 1) % n}`]);
	}
}
