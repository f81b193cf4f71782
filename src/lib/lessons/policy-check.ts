// Admission control as the policy-as-code lesson describes it: a Pod manifest checked against a set
// of Gatekeeper-style constraints, each with its enforcement action (deny or warn), and every
// violation listed with its message, as kubectl shows a refused or warned request. The manifest is
// read by a small parser for the YAML a Pod uses (no YAML library ships to the browser). Pure: the
// same code runs on the server (no JavaScript) and live. Its own texts (parse errors, rules) are
// messages in the page's language; the violations stay as Gatekeeper and kubectl print them, in
// English, the way a learner will meet them on a real cluster.

import { m } from '$lib/paraglide/messages';

export const MAX_LINES = 200;
export const MAX_CHARS = 10000;
const MAX_LINE_LENGTH = 300;
const MAX_DEPTH = 16;
/** The module's K8sAllowedRegistries parameter. */
export const ALLOWED_REGISTRY = 'registry.example.com/';
/** The only capability the restricted profile lets a container add back. */
export const ADDABLE_CAPABILITY = 'NET_BIND_SERVICE';
/** Kinds whose Pods come from `spec.template` (checked as CI would, before the Pods exist). */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];

export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };
type YamlMap = { [key: string]: Yaml };

// The line of each key of a map and of each item of a list, for messages that point at the line.
const keyLines = new WeakMap<object, Record<string, number>>();
const itemLines = new WeakMap<object, number[]>();

interface Line {
	n: number;
	indent: number;
	text: string;
}

class YamlError extends Error {}
const fail = (n: number, what: string): never => {
	throw new YamlError(m.tools_pclib_at_line({ line: n, what }));
};

/** Drops a comment (a `#` at the start or after a space, outside quotes); returns the rest. */
function stripComment(s: string): string {
	let quote: string | null = null;
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (quote) {
			if (c === '\\' && quote === '"') i++;
			else if (c === quote) quote = null;
		} else if (c === '"' || c === "'") {
			if (i === 0 || /[\s:[,-]/.test(s[i - 1]!)) quote = c;
		} else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i);
	}
	return s;
}

function lex(text: string): Line[] {
	const raw = text.split(/\r?\n/);
	if (raw.length > MAX_LINES) fail(MAX_LINES + 1, m.tools_pclib_max_lines({ n: MAX_LINES }));
	const lines: Line[] = [];
	let seenContent = false;
	for (const [i, whole] of raw.entries()) {
		const n = i + 1;
		if (whole.length > MAX_LINE_LENGTH) fail(n, m.tools_pclib_line_length({ n: MAX_LINE_LENGTH }));
		const indent = /^ */.exec(whole)![0].length;
		if (whole[indent] === '\t') fail(n, m.tools_pclib_tabs());
		const body = stripComment(whole.slice(indent)).trimEnd();
		if (!body) continue;
		if (body === '---' || body.startsWith('--- ')) {
			if (seenContent || indent > 0) fail(n, m.tools_pclib_second_doc());
			if (body !== '---') fail(n, m.tools_pclib_after_dashes());
			continue;
		}
		if (body === '...') fail(n, m.tools_pclib_doc_end());
		if (indent === 0 && body.startsWith('%')) fail(n, m.tools_pclib_directives());
		seenContent = true;
		lines.push({ n, indent, text: body });
	}
	return lines;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_./-]*|"[^"\\]*"|'[^']*')\s*:(?:\s+(.*))?$/;
/** What to do about a character YAML reads specially at the start of a value. */
const SPECIAL: Record<string, () => string> = {
	'&': m.tools_pclib_anchors,
	'*': m.tools_pclib_aliases,
	'!': m.tools_pclib_yaml_tags,
	'|': m.tools_pclib_block,
	'>': m.tools_pclib_folded,
	'?': m.tools_pclib_complex,
	'@': () => m.tools_pclib_cannot_start({ c: '@' }),
	'`': () => m.tools_pclib_cannot_start({ c: '`' }),
	'%': () => m.tools_pclib_cannot_start({ c: '%' })
};
function scalar(s: string, n: number): Yaml {
	const special = SPECIAL[s[0]!];
	if (special) fail(n, special());
	if (s.startsWith('"')) {
		const hit = /^"((?:[^"\\]|\\.)*)"$/.exec(s);
		if (!hit) fail(n, m.tools_pclib_close_quote({ value: s.slice(0, 30), quote: '"' }));
		return hit![1]!.replace(/\\(.)/g, (_, c: string) => {
			const esc: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };
			if (!(c in esc)) fail(n, m.tools_pclib_escape({ escape: '\\' + c }));
			return esc[c]!;
		});
	}
	if (s.startsWith("'")) {
		const hit = /^'((?:[^']|'')*)'$/.exec(s);
		if (!hit) fail(n, m.tools_pclib_close_quote({ value: s.slice(0, 30), quote: "'" }));
		return hit![1]!.replace(/''/g, "'");
	}
	if (s.startsWith('[')) return flowList(s, n);
	if (s.startsWith('{')) {
		if (/^\{\s*\}$/.test(s)) return remember({}, {});
		fail(n, m.tools_pclib_flow_map({ braces: '{ … }', empty: '{}' }));
	}
	if (/:\s/.test(s) || s.endsWith(':'))
		fail(n, m.tools_pclib_colon_in_value({ value: s.slice(0, 40) }));
	if (/^(true|True|TRUE)$/.test(s)) return true;
	if (/^(false|False|FALSE)$/.test(s)) return false;
	if (/^(null|Null|NULL|~)$/.test(s)) return null;
	if (/^(yes|no|on|off|y|n)$/i.test(s)) fail(n, m.tools_pclib_yes_no({ value: s }));
	if (/^[-+]?\d+(\.\d+)?$/.test(s)) return Number(s);
	return s;
}

function flowList(s: string, n: number): Yaml[] {
	if (!s.endsWith(']')) fail(n, m.tools_pclib_close_list());
	const inner = s.slice(1, -1).trim();
	const items: Yaml[] = [];
	if (inner) {
		const parts: string[] = [];
		let quote: string | null = null;
		let start = 0;
		for (let i = 0; i < inner.length; i++) {
			const c = inner[i]!;
			if (quote) {
				if (c === '\\' && quote === '"') i++;
				else if (c === quote) quote = null;
			} else if (c === '"' || c === "'") quote = c;
			else if (c === '[' || c === ']' || c === '{' || c === '}') fail(n, m.tools_pclib_nest());
			else if (c === ',') {
				parts.push(inner.slice(start, i));
				start = i + 1;
			}
		}
		parts.push(inner.slice(start));
		for (const p of parts) {
			const item = p.trim();
			if (!item) fail(n, m.tools_pclib_empty_item());
			items.push(scalar(item, n));
		}
	}
	return rememberList(
		items,
		items.map(() => n)
	);
}

function remember(map: YamlMap, lines: Record<string, number>): YamlMap {
	keyLines.set(map, lines);
	return map;
}
function rememberList(list: Yaml[], lines: number[]): Yaml[] {
	itemLines.set(list, lines);
	return list;
}

const isItem = (l: Line) => l.text === '-' || l.text.startsWith('- ');

/** A recursive-descent reader over the lines; `lines[at]` is the next line to read. */
class Reader {
	at = 0;
	constructor(private lines: Line[]) {}

	get cur(): Line | undefined {
		return this.lines[this.at];
	}

	block(indent: number, depth: number): Yaml {
		if (depth > MAX_DEPTH) fail(this.cur!.n, m.tools_pclib_depth({ n: MAX_DEPTH }));
		const l = this.cur!;
		return isItem(l) ? this.list(l.indent, depth) : this.map(indent, depth);
	}

	/** The value after “key:” or “-” with nothing on the line: the block below, or null. */
	nested(parent: number, allowSameIndentList: boolean, depth: number): Yaml {
		const next = this.cur;
		if (next && next.indent > parent) return this.block(next.indent, depth + 1);
		if (next && allowSameIndentList && next.indent === parent && isItem(next))
			return this.list(parent, depth + 1);
		return null;
	}

	map(indent: number, depth: number): YamlMap {
		const map: YamlMap = {};
		const lines: Record<string, number> = {};
		while (this.cur && this.cur.indent === indent && !isItem(this.cur)) {
			const l = this.cur;
			const hit = KEY.exec(l.text);
			if (!hit) {
				if (l.text.startsWith('{')) fail(l.n, m.tools_pclib_flow_map_here({ braces: '{ … }' }));
				fail(l.n, m.tools_pclib_key_value({ text: l.text.slice(0, 40) }));
			}
			let key = hit![1]!;
			if (/^["']/.test(key)) key = key.slice(1, -1);
			if (Object.hasOwn(map, key)) fail(l.n, m.tools_pclib_twice({ key, first: lines[key]! }));
			this.at++;
			const rest = hit![2];
			map[key] = rest === undefined ? this.nested(indent, true, depth) : scalar(rest, l.n);
			lines[key] = l.n;
			this.unexpected(indent);
		}
		return remember(map, lines);
	}

	list(indent: number, depth: number): Yaml[] {
		const items: Yaml[] = [];
		const lines: number[] = [];
		while (this.cur && this.cur.indent === indent && isItem(this.cur)) {
			const l = this.cur;
			const rest = l.text.slice(1).trimStart();
			lines.push(l.n);
			if (!rest) {
				this.at++;
				items.push(this.nested(indent, false, depth));
			} else {
				// “- key: value” or “- - x”: read the rest as if it were its own line, further in.
				const inner = indent + l.text.length - rest.length;
				if (isItem({ ...l, text: rest }) || KEY.test(rest)) {
					this.lines[this.at] = { n: l.n, indent: inner, text: rest };
					items.push(this.block(inner, depth + 1));
				} else {
					this.at++;
					items.push(scalar(rest, l.n));
				}
			}
			this.unexpected(indent);
		}
		return rememberList(items, lines);
	}

	/** After a value at `indent`, a line indented further that no key or item owns is an error. */
	unexpected(indent: number) {
		const next = this.cur;
		if (next && next.indent > indent) fail(next.n, m.tools_pclib_indented_further());
	}
}

/** The YAML subset of a Pod manifest: block maps and lists, scalars, quotes, `[a, b]`, comments. */
export function parseYaml(text: string): { value: Yaml } | { error: string } {
	if (text.length > MAX_CHARS)
		return { error: m.tools_pclib_at({ what: m.tools_pclib_max_chars({ n: MAX_CHARS }) }) };
	try {
		const lines = lex(text);
		if (lines.length === 0) return { error: m.tools_pclib_at({ what: m.tools_pclib_empty() }) };
		const r = new Reader(lines);
		const first = lines[0]!;
		if (first.indent > 0) fail(first.n, m.tools_pclib_starts_indented());
		const value = r.block(0, 0);
		if (r.cur) {
			const l = r.cur;
			fail(
				l.n,
				l.indent === 0 && isItem(l) !== Array.isArray(value)
					? m.tools_pclib_share_level()
					: m.tools_pclib_indented_less()
			);
		}
		return { value };
	} catch (e) {
		if (e instanceof YamlError) return { error: e.message };
		throw e;
	}
}

// ---------------------------------------------------------------------------------------------
// The Pod, as the constraints read it.

export interface Container {
	name: string;
	image: string;
	/** `containers` or `initContainers`. */
	field: 'containers' | 'initContainers';
	/** Line of the container's first key. */
	line: number;
	raw: YamlMap;
}

export interface Pod {
	kind: string;
	name: string;
	/** `spec` for a Pod, `spec.template.spec` for a workload. */
	specPath: string;
	spec: YamlMap;
	containers: Container[];
}

const isMap = (v: Yaml | undefined): v is YamlMap =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const lineOf = (map: YamlMap, key: string): number | undefined => keyLines.get(map)?.[key];

function podOf(doc: Yaml): Pod | { error: string } {
	if (!isMap(doc)) return { error: m.tools_pclib_at({ what: m.tools_pclib_not_map() }) };
	const at = (key: string, what: string) => {
		const line = lineOf(doc, key);
		return line ? m.tools_pclib_at_line({ line, what }) : m.tools_pclib_at({ what });
	};
	if (typeof doc.apiVersion !== 'string')
		return { error: at('apiVersion', m.tools_pclib_api_version()) };
	const kind = doc.kind;
	if (typeof kind !== 'string') return { error: at('kind', m.tools_pclib_kind()) };
	if (kind !== 'Pod' && !WORKLOAD_KINDS.includes(kind))
		return {
			error: at(
				'kind',
				m.tools_pclib_no_pod({ kind: kind.slice(0, 40), kinds: WORKLOAD_KINDS.join(', ') })
			)
		};
	const meta = doc.metadata;
	const name = isMap(meta) && typeof meta.name === 'string' ? meta.name : '';
	if (!name) return { error: at('metadata', m.tools_pclib_name()) };
	let spec = doc.spec;
	let specPath = 'spec';
	if (kind !== 'Pod') {
		const template = isMap(spec) ? spec.template : undefined;
		spec = isMap(template) ? template.spec : undefined;
		specPath = 'spec.template.spec';
	}
	if (!isMap(spec)) return { error: at('spec', m.tools_pclib_spec_map({ path: specPath })) };
	const containers: Container[] = [];
	for (const field of ['initContainers', 'containers'] as const) {
		const list = spec[field];
		const fieldLine = lineOf(spec, field);
		if (list === undefined || list === null) continue;
		if (!Array.isArray(list))
			return {
				error: m.tools_pclib_at_line({
					line: fieldLine ?? 1,
					what: m.tools_pclib_containers_list({ path: specPath, field })
				})
			};
		for (const [i, c] of list.entries()) {
			const line = itemLines.get(list)?.[i] ?? fieldLine ?? 1;
			if (!isMap(c))
				return {
					error: m.tools_pclib_at_line({ line, what: m.tools_pclib_container_map({ field }) })
				};
			if (typeof c.name !== 'string' || !c.name)
				return { error: m.tools_pclib_at_line({ line, what: m.tools_pclib_container_name() }) };
			if (typeof c.image !== 'string' || !c.image)
				return {
					error: m.tools_pclib_at_line({
						line,
						what: m.tools_pclib_container_image({ name: c.name })
					})
				};
			if (containers.some((x) => x.name === c.name))
				return {
					error: m.tools_pclib_at_line({
						line,
						what: m.tools_pclib_container_twice({ name: c.name })
					})
				};
			containers.push({ name: c.name, image: c.image, field, line, raw: c });
		}
	}
	if (!containers.some((c) => c.field === 'containers'))
		return { error: m.tools_pclib_at({ what: m.tools_pclib_no_containers({ path: specPath }) }) };
	return { kind, name, specPath, spec, containers };
}

// ---------------------------------------------------------------------------------------------
// The constraints.

export type Action = 'deny' | 'warn';
export type PolicyId =
	| 'registries'
	| 'tags'
	| 'privileged'
	| 'escalation'
	| 'nonRoot'
	| 'capabilities'
	| 'seccomp'
	| 'limits';

export interface Violation {
	/** The constraint's name, as Gatekeeper prefixes its message: `[name] message`. */
	constraint: string;
	action: Action;
	message: string;
	/** The line to look at in the manifest. */
	line: number;
}

export interface Policy {
	id: PolicyId;
	/** The Constraint's metadata.name. */
	constraint: string;
	/** The ConstraintTemplate's kind. */
	kind: string;
	action: Action;
	/** What the policy requires, in a few words. */
	rule: string;
	/** Where the rule comes from. */
	source: string;
}

export const POLICIES: readonly Policy[] = [
	{
		id: 'registries',
		constraint: 'internal-registry-only',
		kind: 'K8sAllowedRegistries',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_registries({ registry: ALLOWED_REGISTRY });
		},
		get source() {
			return m.tools_pclib_source_module();
		}
	},
	{
		id: 'tags',
		constraint: 'no-latest-tag',
		kind: 'K8sDisallowedTags',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_tags();
		},
		get source() {
			return m.tools_pclib_source_library();
		}
	},
	{
		id: 'privileged',
		constraint: 'no-privileged-containers',
		kind: 'K8sPSPPrivilegedContainer',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_privileged();
		},
		get source() {
			return m.tools_pclib_source_baseline();
		}
	},
	{
		id: 'escalation',
		constraint: 'no-privilege-escalation',
		kind: 'K8sPSPAllowPrivilegeEscalationContainer',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_escalation();
		},
		get source() {
			return m.tools_pclib_source_restricted();
		}
	},
	{
		id: 'nonRoot',
		constraint: 'run-as-non-root',
		kind: 'K8sPSPAllowedUsers',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_non_root();
		},
		get source() {
			return m.tools_pclib_source_restricted();
		}
	},
	{
		id: 'capabilities',
		constraint: 'drop-all-capabilities',
		kind: 'K8sPSPCapabilities',
		action: 'deny',
		get rule() {
			return m.tools_pclib_rule_capabilities({ cap: ADDABLE_CAPABILITY });
		},
		get source() {
			return m.tools_pclib_source_restricted();
		}
	},
	{
		id: 'seccomp',
		constraint: 'seccomp-runtime-default',
		kind: 'K8sPSPSeccomp',
		action: 'warn',
		get rule() {
			return m.tools_pclib_rule_seccomp();
		},
		get source() {
			return m.tools_pclib_source_restricted();
		}
	},
	{
		id: 'limits',
		constraint: 'require-limits',
		kind: 'K8sContainerLimits',
		action: 'warn',
		get rule() {
			return m.tools_pclib_rule_limits();
		},
		get source() {
			return m.tools_pclib_source_library();
		}
	}
];

const q = (s: string) => JSON.stringify(s);
/** The security context a container runs with: its own fields first, then the Pod's. */
const sc = (c: Container): YamlMap => (isMap(c.raw.securityContext) ? c.raw.securityContext : {});
const scLine = (c: Container, key?: string) =>
	(key && lineOf(sc(c), key)) || lineOf(c.raw, 'securityContext') || c.line;

type Check = (pod: Pod) => { message: string; line: number }[];

const CHECKS: Record<PolicyId, Check> = {
	registries: (pod) =>
		pod.containers
			.filter((c) => !c.image.startsWith(ALLOWED_REGISTRY))
			.map((c) => ({
				// The module's template: sprintf("container %q uses unapproved image %q", …).
				message: `container ${q(c.name)} uses unapproved image ${q(c.image)}`,
				line: lineOf(c.raw, 'image') ?? c.line
			})),
	tags: (pod) =>
		pod.containers.flatMap((c) => {
			const line = lineOf(c.raw, 'image') ?? c.line;
			if (c.image.includes('@')) return []; // pinned by digest
			// The tag follows the last “/”, so a registry port (host:5000/app) is not a tag. The
			// library's template tests contains(image, ":"), which such a port would satisfy.
			const last = c.image.slice(c.image.lastIndexOf('/') + 1);
			const colon = last.lastIndexOf(':');
			if (colon < 0)
				return [
					{ message: `container <${c.name}> didn't specify an image tag <${c.image}>`, line }
				];
			if (last.slice(colon + 1) === 'latest')
				return [
					{
						message: `container <${c.name}> uses a disallowed tag <${c.image}>; disallowed tags are ["latest"]`,
						line
					}
				];
			return [];
		}),
	privileged: (pod) =>
		pod.containers
			.filter((c) => sc(c).privileged === true)
			.map((c) => ({
				message: `container <${c.name}> is privileged: securityContext.privileged must be false or absent`,
				line: scLine(c, 'privileged')
			})),
	escalation: (pod) =>
		pod.containers
			.filter((c) => sc(c).allowPrivilegeEscalation !== false)
			.map((c) => ({
				message:
					sc(c).allowPrivilegeEscalation === true
						? `container <${c.name}> allows privilege escalation: set allowPrivilegeEscalation: false`
						: `container <${c.name}> must set securityContext.allowPrivilegeEscalation: false`,
				line: scLine(c, 'allowPrivilegeEscalation')
			})),
	nonRoot: (pod) => {
		const podSc: YamlMap = isMap(pod.spec.securityContext) ? pod.spec.securityContext : {};
		return pod.containers.flatMap((c) => {
			const own = sc(c);
			const out: { message: string; line: number }[] = [];
			const nonRoot = own.runAsNonRoot ?? podSc.runAsNonRoot;
			if (nonRoot !== true)
				out.push({
					message:
						own.runAsNonRoot === false
							? `container <${c.name}> sets runAsNonRoot: false, overriding the Pod's setting`
							: `container <${c.name}> may run as root: set runAsNonRoot: true in the Pod's or the container's securityContext`,
					line: own.runAsNonRoot === false ? scLine(c, 'runAsNonRoot') : c.line
				});
			const user = own.runAsUser ?? podSc.runAsUser;
			if (user === 0)
				out.push({
					message: `container <${c.name}> runs as user 0 (root): runAsUser must not be 0`,
					line:
						own.runAsUser === 0 ? scLine(c, 'runAsUser') : (lineOf(podSc, 'runAsUser') ?? c.line)
				});
			return out;
		});
	},
	capabilities: (pod) =>
		pod.containers.flatMap((c) => {
			const caps = isMap(sc(c).capabilities) ? (sc(c).capabilities as YamlMap) : {};
			const list = (v: Yaml | undefined) =>
				Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
			const out: { message: string; line: number }[] = [];
			if (!list(caps.drop).includes('ALL'))
				out.push({
					message: `container <${c.name}> must drop ALL capabilities: capabilities.drop: [ALL]`,
					line: lineOf(caps, 'drop') ?? scLine(c, 'capabilities')
				});
			const extra = list(caps.add).filter((x) => x !== ADDABLE_CAPABILITY);
			if (extra.length)
				out.push({
					message: `container <${c.name}> adds ${extra.join(', ')}; only ${ADDABLE_CAPABILITY} may be added`,
					line: lineOf(caps, 'add') ?? scLine(c, 'capabilities')
				});
			return out;
		}),
	seccomp: (pod) => {
		const podSc: YamlMap = isMap(pod.spec.securityContext) ? pod.spec.securityContext : {};
		const typeOf = (s: YamlMap) => (isMap(s.seccompProfile) ? s.seccompProfile.type : undefined);
		return pod.containers.flatMap((c) => {
			const own = typeOf(sc(c));
			const type = own ?? typeOf(podSc);
			if (type === 'RuntimeDefault' || type === 'Localhost') return [];
			return [
				{
					message:
						type === undefined || type === null
							? `container <${c.name}> has no seccomp profile: set seccompProfile.type: RuntimeDefault on the Pod or the container`
							: `container <${c.name}> uses seccomp profile <${String(type)}>; allowed are RuntimeDefault and Localhost`,
					line: own !== undefined ? scLine(c, 'seccompProfile') : c.line
				}
			];
		});
	},
	limits: (pod) =>
		pod.containers.flatMap((c) => {
			const res = isMap(c.raw.resources) ? c.raw.resources : null;
			const limits = res && isMap(res.limits) ? res.limits : null;
			const line = (res && lineOf(res, 'limits')) || lineOf(c.raw, 'resources') || c.line;
			// The library's messages (K8sContainerLimits), without its maximum values.
			if (!limits) return [{ message: `container <${c.name}> has no resource limits`, line }];
			const missing = (k: string) =>
				limits[k] === undefined || limits[k] === null || limits[k] === '';
			return (['cpu', 'memory'] as const)
				.filter(missing)
				.map((k) => ({ message: `container <${c.name}> has no ${k} limit`, line }));
		})
};

export interface PolicyResult extends Policy {
	violations: Violation[];
}

export interface AdmissionReport {
	pod: Pod;
	results: PolicyResult[];
	/** Policies with no violation. */
	passed: number;
	denials: Violation[];
	warnings: Violation[];
	/** No deny: the API server stores the Pod (warnings are shown, not enforced). */
	admitted: boolean;
	/** The task: admitted, with no warning either. */
	solved: boolean;
}

export function checkPod(pod: Pod): AdmissionReport {
	const results = POLICIES.map((p) => ({
		...p,
		violations: CHECKS[p.id](pod).map((v) => ({ constraint: p.constraint, action: p.action, ...v }))
	}));
	const all = results.flatMap((r) => r.violations);
	const denials = all.filter((v) => v.action === 'deny');
	const warnings = all.filter((v) => v.action === 'warn');
	return {
		pod,
		results,
		passed: results.filter((r) => r.violations.length === 0).length,
		denials,
		warnings,
		admitted: denials.length === 0,
		solved: all.length === 0
	};
}

/** Parses the manifest and checks it; an error names the line. */
export function admissionReport(text: string): AdmissionReport | { error: string } {
	const doc = parseYaml(text);
	if ('error' in doc) return doc;
	const pod = podOf(doc.value);
	return 'error' in pod ? pod : checkPod(pod);
}

/** The exercise: a Pod the cluster admits with no deny and no warning. */
export const TASK = { denials: 0, warnings: 0 } as const;

export const DEFAULT_MANIFEST = `# The orders service, as first written.
apiVersion: v1
kind: Pod
metadata:
  name: orders-api
  namespace: shop
  labels:
    app: orders-api
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  initContainers:
    - name: migrate
      image: registry.example.com/shop/orders-migrate:latest
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
      resources:
        limits:
          cpu: 200m
          memory: 128Mi
  containers:
    - name: api
      image: docker.io/acme/orders-api:2.4.1
      ports:
        - containerPort: 8080
      securityContext:
        runAsUser: 0
        allowPrivilegeEscalation: true
        capabilities:
          add: ["NET_ADMIN"]
      resources:
        limits:
          memory: 256Mi
    - name: log-shipper
      image: registry.example.com/tools/fluent-bit
      securityContext:
        privileged: true
        seccompProfile:
          type: Unconfined
`;
