import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type Problem } from './problems';

export type Path = readonly PropertyKey[];

/** A parsed YAML document that can say on which line any part of it stands. */
export interface YamlSource {
	file: string;
	data: unknown;
	lineOf(path: Path): number;
}

/**
 * Parses YAML keeping positions. `lineOffset` is the number of lines before the YAML in its file
 * (1 for frontmatter, which follows a `---` line).
 */
export function parseYaml(
	file: string,
	text: string,
	lineOffset = 0
): { source: YamlSource } | { problems: Problem[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const line = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
	if (doc.errors.length > 0) {
		return {
			problems: doc.errors.map((e) => ({
				file,
				line: line(e.pos[0]),
				message: `invalid YAML: ${e.message.split('\n')[0]} (check indentation, and quote values containing ": " or "#")`,
				severity: 'error' as const
			}))
		};
	}
	const lineOf = (path: Path): number => {
		let node: unknown = doc.contents;
		let best: Node | null = (doc.contents as Node | null) ?? null;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
				if (!pair) break;
				if (isScalar(pair.key)) best = pair.key;
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number') {
				const item = node.items[key];
				if (!item) break;
				node = item;
				best = item as Node;
			} else break;
		}
		return best?.range ? line(best.range[0]) : lineOffset + 1;
	};
	return { source: { file, data: doc.toJS(), lineOf } };
}

export function formatPath(path: Path): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += (out ? '.' : '') + String(key);
	}
	return out;
}

function valueAt(data: unknown, path: Path): unknown {
	let v = data;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[key];
	}
	return v;
}

function describe(v: unknown): string {
	if (v === undefined) return 'nothing';
	if (v === null) return 'an empty value';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'object') return 'a mapping';
	return `${typeof v} ${JSON.stringify(v)}`;
}

/** Validates a YAML source with a zod schema, turning each issue into a located, human message. */
export function validate<S extends z.ZodType>(
	source: YamlSource,
	schema: S
): { data: z.output<S> } | { problems: Problem[] } {
	const result = schema.safeParse(source.data);
	if (result.success) return { data: result.data };
	const problems: Problem[] = [];
	for (const issue of result.error.issues) {
		const path = issue.path;
		const where = formatPath(path);
		const prefix = where ? `${where}: ` : '';
		const value = valueAt(source.data, path);
		let message: string;
		if (issue.code === 'invalid_type' && value === undefined) {
			message = `${prefix}missing (expected ${issue.expected})`;
		} else if (issue.code === 'invalid_type') {
			message = `${prefix}expected ${issue.expected}, got ${describe(value)}`;
		} else if (issue.code === 'invalid_value') {
			const allowed = issue.values.map((v) => String(v));
			message = `${prefix}${describe(value)} is not one of ${allowed.join(' | ')}${didYouMean(String(value), allowed)}`;
		} else if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const known = knownKeys(schema, path);
				problems.push({
					file: source.file,
					line: source.lineOf([...path, key]),
					message: `${where ? where + '.' : ''}${key}: unknown field${didYouMean(key, known)}`,
					severity: 'error'
				});
			}
			continue;
		} else {
			message = `${prefix}${issue.message}`;
		}
		problems.push({ file: source.file, line: source.lineOf(path), message, severity: 'error' });
	}
	return { problems };
}

/** The keys a strict object schema allows at `path`, for "did you mean" on unknown fields. */
function knownKeys(schema: z.ZodType, path: Path): string[] {
	let s: unknown = schema;
	for (const key of path) {
		const def = (s as { def?: Record<string, unknown> }).def;
		if (!def) return [];
		if (def.type === 'array') s = def.element;
		else if (def.type === 'object') s = (def.shape as Record<string, unknown>)[String(key)];
		else return [];
		s = unwrap(s);
	}
	const def = (unwrap(s) as { def?: { type?: string; shape?: object } }).def;
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(s: unknown): unknown {
	let cur = s as { def?: { type?: string; innerType?: unknown; in?: unknown } };
	while (
		cur?.def &&
		['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(cur.def.type ?? '')
	) {
		cur = (cur.def.innerType ?? cur.def.in) as typeof cur;
	}
	return cur;
}
