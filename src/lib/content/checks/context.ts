import type { Catalog, SourceFile } from '../catalog';
import type { Problem } from '../problems';
import type { ModuleFrontmatter } from '../schema';
import type { YamlSource } from '../yaml';

export const COMPETENCIES_FILE = 'courses/competencies.yaml';

/**
 * A lesson as far as it could be read. A lesson whose frontmatter fails validation is still here
 * (by its id, or its folder's name when the id is unreadable), with the fields that did validate,
 * so references to it are not reported as unknown and its other fields are still checked.
 */
export interface Lesson {
	id: string;
	file: string;
	fields: Partial<ModuleFrontmatter>;
	source: YamlSource | null;
}

/** What the checks share: the files, the catalog being built, and the problems found so far. */
export interface CheckContext {
	/** Sorted by path. */
	files: SourceFile[];
	/** The date taken as today (`YYYY-MM-DD`), for the review-age warnings. */
	today: string;
	catalog: Catalog;
	problems: Problem[];
	error(file: string, line: number, message: string): void;
	warn(file: string, line: number, message: string): void;
	/** Every competency id defined, valid or not; null when the file could not be read at all. */
	competencyIds: Set<string> | null;
	competencyLines: Map<string, number>;
	/** Every lesson found, valid or not, by id. */
	lessons: Map<string, Lesson>;
	/** Competencies some lesson teaches, and lessons some roadmap lists (for the warnings). */
	taught: Set<string>;
	placed: Set<string>;
}

/** One check of the catalog: reads the context, adds to its catalog and problems. */
export type Check = (ctx: CheckContext) => void;

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
