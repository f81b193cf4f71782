// Compiles the interface messages (messages/*.json, project.inlang) with Paraglide JS into
// src/lib/paraglide, and refuses a result that would ship a broken interface. Paraglide's own
// failure mode offline is to print a warning, say it succeeded and generate no messages (its
// message-format plugin could not be loaded): here that is an error, and so is a key that one
// language has and the other lacks.
import { compile } from '@inlang/paraglide-js';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT = './project.inlang';
export const OUTDIR = './src/lib/paraglide';
export const LOCALES = ['en', 'fr'] as const;

/** Every message file, by locale: messages/<locale>.json and messages/<area>/<locale>.json. */
export function messageFiles(root = process.cwd()): Record<string, string[]> {
	const dir = join(root, 'messages');
	const out: Record<string, string[]> = Object.fromEntries(LOCALES.map((l) => [l, []]));
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(d, e.name));
			else {
				const locale = e.name.replace(/\.json$/, '');
				if (locale in out) out[locale]!.push(join(d, e.name));
			}
		}
	};
	walk(dir);
	return out;
}

/** Problems with the message files: a key in one language only, an empty text, a duplicate. */
export function messageProblems(root = process.cwd()): { keys: number; problems: string[] } {
	const files = messageFiles(root);
	const problems: string[] = [];
	const keys: Record<string, Map<string, string>> = {};
	for (const locale of LOCALES) {
		const seen = new Map<string, string>();
		for (const file of files[locale]!) {
			let data: Record<string, unknown>;
			try {
				data = JSON.parse(readFileSync(file, 'utf8'));
			} catch (e) {
				problems.push(`${file}: not valid JSON: ${(e as Error).message}`);
				continue;
			}
			for (const [key, value] of Object.entries(data)) {
				if (key === '$schema') continue;
				if (seen.has(key)) problems.push(`${file}: "${key}" is also in ${seen.get(key)}`);
				if (typeof value !== 'string' || !value.trim())
					problems.push(`${file}: "${key}" has no text`);
				seen.set(key, file);
			}
		}
		keys[locale] = seen;
	}
	// Paraglide reads only the files its settings list: one left out would be silently ignored.
	const settingsFile = join(root, PROJECT, 'settings.json');
	if (existsSync(settingsFile)) {
		const patterns: string[] = [
			JSON.parse(readFileSync(settingsFile, 'utf8'))['plugin.inlang.messageFormat']?.pathPattern ??
				[]
		].flat();
		for (const locale of LOCALES)
			for (const file of files[locale]!) {
				const listed = patterns.some(
					(p) => join(root, p.replace('{locale}', locale)) === join(file)
				);
				if (!listed) problems.push(`${file}: not listed in ${PROJECT}/settings.json (pathPattern)`);
			}
	}
	if (keys.en!.size === 0) problems.push('messages/: no interface message at all');
	for (const locale of LOCALES)
		for (const other of LOCALES)
			if (other !== locale)
				for (const [key, file] of keys[locale]!)
					if (!keys[other]!.has(key))
						problems.push(`${file}: "${key}" has no ${other} text (messages/**/${other}.json)`);
	return { keys: keys.en!.size, problems };
}

/** Compiles, then checks that every key became a message function. Throws with the list. */
export async function compileMessages(root = process.cwd()): Promise<number> {
	const { keys, problems } = messageProblems(root);
	if (problems.length)
		throw new Error(
			`The interface messages have ${problems.length} problem(s):\n${problems.join('\n')}`
		);
	await compile({
		project: join(root, PROJECT),
		outdir: join(root, OUTDIR),
		strategy: ['url', 'baseLocale'],
		emitGitIgnore: false,
		emitReadme: false
	});
	const index = join(root, OUTDIR, 'messages/_index.js');
	const compiled = existsSync(index)
		? (readFileSync(index, 'utf8').match(/^export \* from /gm) ?? []).length
		: 0;
	if (compiled !== keys)
		throw new Error(
			`Paraglide compiled ${compiled} of ${keys} messages. Is @inlang/plugin-message-format installed ` +
				`(project.inlang/settings.json loads it from node_modules, not from a CDN)?`
		);
	return keys;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	compileMessages()
		.then((n) => console.log(`Interface messages: ${n} in ${LOCALES.join(' and ')}.`))
		.catch((e) => {
			console.error(e.message);
			process.exit(1);
		});
}
