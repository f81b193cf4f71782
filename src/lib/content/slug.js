// Shared by the mdsvex heading plugin (build time) and the table of contents (server), so anchors
// and links cannot drift apart. Plain JS because svelte.config.js imports it without a TS loader.

/** @param {string} text */
export function slugify(text) {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9\s-]/g, '')
			.trim()
			.replace(/[\s-]+/g, '-') || 'section'
	);
}

/** A slugger that makes repeated headings unique the way GitHub does: name, name-1, name-2. */
export function createSlugger() {
	/** @type {Map<string, number>} */
	const seen = new Map();
	/** @param {string} text */
	return (text) => {
		const base = slugify(text);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		return n === 0 ? base : `${base}-${n}`;
	};
}
