// The catalog as a reader of one language sees it: every text translated where a translation
// exists (catalog.translations), the English where none does — and a note of which items fell
// back, so a page can say so. Ids, answer keys, points and order are the English catalog's in
// every language: a quiz is graded the same way in both, only its texts (accepted answers
// included) change.
import type { Catalog } from './catalog';
import type { Locale } from './translation';

export interface LocalizedCatalog extends Catalog {
	locale: Locale | 'en';
	/** Items shown in English for want of a translation: `module:<id>`, `quiz:<id>`, … */
	fallbacks: Set<string>;
}

function overlay<V, T>(
	english: Map<string, V>,
	translated: Map<string, T> | undefined,
	kind: string,
	fallbacks: Set<string>,
	merge: (en: V, tr: T) => V
): Map<string, V> {
	const out = new Map<string, V>();
	for (const [id, en] of english) {
		const tr = translated?.get(id);
		if (tr === undefined) fallbacks.add(`${kind}:${id}`);
		out.set(id, tr === undefined ? en : merge(en, tr));
	}
	return out;
}
const texts = <V>(_en: V, tr: V) => tr;

export function localizeCatalog(base: Catalog, locale: Locale | 'en'): LocalizedCatalog {
	const fallbacks = new Set<string>();
	if (locale === 'en') return { ...base, locale, fallbacks };
	const t = base.translations[locale];
	return {
		...base,
		locale,
		fallbacks,
		// A lesson: the translation's file, title, summary and text; every other field is the English.
		modules: overlay(base.modules, t?.modules, 'module', fallbacks, (en, tr) => {
			const { file, title, summary, body, bodyLine } = tr;
			return { ...en, file, title, summary, body, bodyLine };
		}),
		quizzes: overlay(base.quizzes, t?.quizzes, 'quiz', fallbacks, texts),
		roadmaps: overlay(base.roadmaps, t?.roadmaps, 'roadmap', fallbacks, (en, tr) => ({
			...tr,
			file: en.file
		})),
		competencies: overlay(base.competencies, t?.competencies, 'competency', fallbacks, texts),
		briefs: overlay(base.briefs, t?.briefs, 'brief', fallbacks, texts)
	};
}
