// A conversation flow as the conversation-design lesson describes it — states, and transitions
// between them on what the user says — checked for the failures users complain about: states
// nobody reaches, dead ends, loops without exit, no fallback for a no-match, repair that never
// escalates, and no way to a person. Pure: the same code runs on the server (no JavaScript) and live.

import { m } from '$lib/paraglide/messages';

export const MAX_LINES = 200;
export const MAX_STATES = 60;
/** The intent the bot gets when it could not interpret the message (the lesson's no-match). */
export const NO_MATCH = 'no_match';
/** The global intent "talk to a person". */
export const TALK_TO_HUMAN = 'talk_to_human';
/** The lesson's repair strategy: the third failure in a row offers another route. */
export const MAX_FAILURES = 3;

/** The exercise: fix the bundled flow so that every check passes. */
export const TASK = { allChecks: true } as const;

export interface Transition {
	from: string;
	to: string;
	intent: string;
	/** 1-based line of the flow text; a `*` line gives one transition per state it applies to. */
	line: number;
	global: boolean;
}

export interface Flow {
	start: string;
	ends: string[];
	human: string | null;
	states: string[];
	transitions: Transition[];
}

export type CheckId = 'reachable' | 'deadEnds' | 'exits' | 'fallback' | 'repair' | 'human';

export interface Check {
	id: CheckId;
	label: string;
	/** One sentence per problem, naming the state; empty when the check passes. */
	problems: string[];
}

export interface FlowReport {
	flow: Flow;
	checks: Check[];
	passed: number;
	solved: boolean;
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;
const nameError = (line: number, what: 'state' | 'intent', name: string) =>
	(what === 'state' ? m.tools_flowlib_bad_state : m.tools_flowlib_bad_intent)({
		line,
		name: name.slice(0, 40)
	});

/**
 * One line each: `start: state`, `end: state, state`, `human: state` (the hand-off to a person,
 * one of the ends), or `from -> to : intent`, where `*` as `from` means every state that is not
 * an end and has no transition of its own on that intent. `#` starts a comment.
 */
export function parseFlow(text: string): Flow | { error: string } {
	const lines = text.split(/\r?\n/);
	if (lines.length > MAX_LINES) return { error: m.tools_flowlib_max_lines({ n: MAX_LINES }) };
	let start: { name: string; line: number } | null = null;
	let ends: { names: string[]; line: number } | null = null;
	let human: { name: string; line: number } | null = null;
	const explicit: Transition[] = [];
	const globals: { to: string; intent: string; line: number }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const n = i + 1;
		const raw = lines[i]!.replace(/#.*$/, '').trim();
		if (!raw) continue;
		const header = /^(start|end|human)\s*:\s*(.*)$/i.exec(raw);
		if (header) {
			const key = header[1]!.toLowerCase();
			const names = header[2]!
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			if (names.length === 0) return { error: m.tools_flowlib_name_after({ line: n, key }) };
			for (const s of names) if (!NAME.test(s)) return { error: nameError(n, 'state', s) };
			if (key === 'end') {
				if (ends)
					return { error: m.tools_flowlib_twice({ line: n, key: 'end', first: ends.line }) };
				ends = { names: [...new Set(names)], line: n };
				continue;
			}
			if (names.length > 1)
				return { error: m.tools_flowlib_one_state({ line: n, key, count: names.length }) };
			if (key === 'start') {
				if (start)
					return { error: m.tools_flowlib_twice({ line: n, key: 'start', first: start.line }) };
				start = { name: names[0]!, line: n };
			} else {
				if (human)
					return { error: m.tools_flowlib_twice({ line: n, key: 'human', first: human.line }) };
				human = { name: names[0]!, line: n };
			}
			continue;
		}
		const t = /^(\S+)\s*->\s*(\S+)\s*:\s*(\S+)$/.exec(raw);
		if (!t)
			return {
				error: m.tools_flowlib_syntax({ line: n })
			};
		const [, from, to, intent] = t as unknown as [string, string, string, string];
		if (from !== '*' && !NAME.test(from)) return { error: nameError(n, 'state', from) };
		if (!NAME.test(to))
			return {
				error: to === '*' ? m.tools_flowlib_star_to({ line: n }) : nameError(n, 'state', to)
			};
		if (!NAME.test(intent)) return { error: nameError(n, 'intent', intent) };
		if (from === '*') {
			const twin = globals.find((g) => g.intent === intent);
			if (twin)
				return {
					error: m.tools_flowlib_star_twice({ line: n, intent, first: twin.line })
				};
			globals.push({ to, intent, line: n });
			continue;
		}
		const twin = explicit.find((x) => x.from === from && x.intent === intent);
		if (twin)
			return {
				error: m.tools_flowlib_already({ line: n, from, to: twin.to, intent, first: twin.line })
			};
		explicit.push({ from, to, intent, line: n, global: false });
	}
	if (!start) return { error: m.tools_flowlib_no_start() };
	if (!ends) return { error: m.tools_flowlib_no_end() };
	const endSet = new Set(ends.names);
	if (endSet.has(start.name))
		return { error: m.tools_flowlib_start_end({ line: start.line, name: start.name }) };
	if (human && !endSet.has(human.name))
		return {
			error: m.tools_flowlib_human_end({ line: human.line, name: human.name })
		};
	for (const x of explicit)
		if (endSet.has(x.from))
			return {
				error: m.tools_flowlib_from_end({ line: x.line, name: x.from })
			};
	const seen = new Set<string>([start.name]);
	for (const x of explicit) seen.add(x.from).add(x.to);
	for (const g of globals) seen.add(g.to);
	for (const e of ends.names) seen.add(e);
	if (human) seen.add(human.name);
	const states = [...seen];
	if (states.length > MAX_STATES)
		return { error: m.tools_flowlib_max_states({ n: MAX_STATES, count: states.length }) };
	const transitions = [...explicit];
	for (const g of globals)
		for (const s of states)
			if (!endSet.has(s) && !explicit.some((x) => x.from === s && x.intent === g.intent))
				transitions.push({ from: s, to: g.to, intent: g.intent, line: g.line, global: true });
	return { start: start.name, ends: ends.names, human: human?.name ?? null, states, transitions };
}

/** Every state reachable from `from` (itself included) along the transitions. */
function reach(flow: Flow, from: string): Set<string> {
	const seen = new Set([from]);
	const todo = [from];
	while (todo.length) {
		const s = todo.pop()!;
		for (const t of flow.transitions)
			if (t.from === s && !seen.has(t.to)) {
				seen.add(t.to);
				todo.push(t.to);
			}
	}
	return seen;
}

export function checkFlow(flow: Flow): FlowReport {
	const ends = new Set(flow.ends);
	const inner = flow.states.filter((s) => !ends.has(s));
	const out = (s: string) => flow.transitions.filter((t) => t.from === s);
	const on = (s: string, intent: string) => out(s).find((t) => t.intent === intent);

	const reached = reach(flow, flow.start);
	const reachable = flow.states
		.filter((s) => !reached.has(s))
		.map((s) => m.tools_flowlib_unreachable({ name: s, start: flow.start }));

	const dead = inner.filter((s) => out(s).length === 0);
	const deadEnds = dead.map((s) => m.tools_flowlib_dead_end({ name: s }));

	const exits = inner
		.filter((s) => out(s).length > 0 && ![...reach(flow, s)].some((x) => ends.has(x)))
		.map((s) => m.tools_flowlib_no_exit({ name: s }));

	const fallback = inner
		.filter((s) => !on(s, NO_MATCH))
		.map((s) => m.tools_flowlib_no_fallback({ name: s, intent: NO_MATCH }));

	const repair: string[] = [];
	for (const s of inner) {
		if (!on(s, NO_MATCH)) continue;
		let at = s;
		const path = [s];
		let ok = false;
		for (let k = 0; k < MAX_FAILURES; k++) {
			const t = on(at, NO_MATCH);
			if (!t) break;
			const again = path.includes(t.to);
			at = t.to;
			path.push(at);
			if (again) break;
			if (at === flow.human) {
				ok = true;
				break;
			}
			if (ends.has(at)) break;
		}
		if (ok) continue;
		if (flow.human === null) continue; // reported once by the hand-off check
		repair.push(
			ends.has(at)
				? m.tools_flowlib_repair_end({ name: s, end: at })
				: path.slice(0, -1).includes(at)
					? m.tools_flowlib_repair_loop({ name: s, path: path.join(' → ') })
					: m.tools_flowlib_repair_long({ name: s, n: MAX_FAILURES, path: path.join(' → ') })
		);
	}

	const human: string[] = [];
	if (flow.human === null) human.push(m.tools_flowlib_no_human());
	else
		for (const s of inner) {
			const t = on(s, TALK_TO_HUMAN);
			if (!t) human.push(m.tools_flowlib_no_talk({ name: s, intent: TALK_TO_HUMAN }));
			else if (t.to !== flow.human)
				human.push(
					m.tools_flowlib_talk_wrong({
						name: s,
						intent: TALK_TO_HUMAN,
						to: t.to,
						human: flow.human
					})
				);
		}

	const checks: Check[] = [
		{ id: 'reachable', label: m.tools_flowlib_check_reachable(), problems: reachable },
		{
			id: 'deadEnds',
			label: m.tools_flowlib_check_dead_ends(),
			problems: deadEnds
		},
		{
			id: 'exits',
			label: m.tools_flowlib_check_exits(),
			problems: exits
		},
		{
			id: 'fallback',
			label: m.tools_flowlib_check_fallback({ intent: NO_MATCH }),
			problems: fallback
		},
		{
			id: 'repair',
			label: m.tools_flowlib_check_repair({ n: MAX_FAILURES }),
			problems: repair
		},
		{
			id: 'human',
			label: m.tools_flowlib_check_human({ intent: TALK_TO_HUMAN }),
			problems: human
		}
	];
	const passed = checks.filter((c) => c.problems.length === 0).length;
	return { flow, checks, passed, solved: passed === checks.length };
}

/** Parses and checks; the error names the line. */
export function flowReport(text: string): FlowReport | { error: string } {
	const flow = parseFlow(text);
	return 'error' in flow ? flow : checkFlow(flow);
}

export const DEFAULT_FLOW = `# Rescheduling a delivery. One transition a line: state -> state : user intent
# "*" as the first state: every state that is not an end and has no transition on that intent.
start: greeting
end: done, cancelled, agent
human: agent

greeting -> ask_tracking : reschedule_delivery
greeting -> faq : delivery_question
greeting -> agent : talk_to_human
greeting -> greeting : no_match
ask_tracking -> ask_date : tracking_number
ask_tracking -> identify : no_tracking_number
ask_tracking -> agent : no_match
identify -> ask_date : postcode_and_phone
ask_date -> ask_slot : date
ask_date -> ask_date : no_match
ask_slot -> confirm : time_slot
ask_slot -> agent : no_match
confirm -> booked : yes
confirm -> change : no
confirm -> agent : no_match
change -> ask_date : change_day
change -> ask_slot : change_slot
change -> confirm : no_match
faq -> faq_more : tell_me_more
faq -> faq : no_match
faq_more -> faq : back
callback -> done : phone_number
`;
