// The flow checker of the conversation-design lesson: each check on small flows whose answer is
// worked out by hand, the bundled flow's exact problems, and a fixed flow that passes them all.
import { describe, expect, it } from 'vitest';
import { checkFlow, DEFAULT_FLOW, flowReport, parseFlow } from '../../src/lib/lessons/flow';

const report = (text: string) => {
	const r = flowReport(text);
	if ('error' in r) throw new Error(r.error);
	return r;
};
const problems = (text: string) =>
	Object.fromEntries(report(text).checks.map((c) => [c.id, c.problems]));

/** The bundled flow, fixed the way the lesson would: global lines, an escalating repair, an end. */
const FIXED_FLOW = DEFAULT_FLOW.replace(
	'greeting -> greeting : no_match',
	'greeting -> agent : no_match\ngreeting -> callback : call_me_back'
)
	.replace(
		'ask_date -> ask_date : no_match',
		'ask_date -> date_buttons : no_match\ndate_buttons -> ask_slot : date'
	)
	.replace('faq -> faq : no_match', 'faq -> greeting : no_match')
	.replace('confirm -> booked : yes', 'confirm -> done : yes')
	.concat('* -> agent : talk_to_human\n* -> agent : no_match\n* -> cancelled : cancel\n');

describe('parsing a flow', () => {
	it('reads headers, transitions and comments, and expands * to every state that is not an end', () => {
		const f = parseFlow(
			'# a comment\nstart: a\nend: z, h\nhuman: h\na -> b : go # trailing\nb -> z : done\n* -> h : talk_to_human\nb -> a : talk_to_human'
		);
		if ('error' in f) throw new Error(f.error);
		expect(f.start).toBe('a');
		expect(f.ends).toEqual(['z', 'h']);
		expect(f.human).toBe('h');
		expect(f.states).toEqual(['a', 'b', 'z', 'h']);
		// b answers talk_to_human itself, so the * line applies to a only.
		expect(f.transitions.map((t) => `${t.from}>${t.to}:${t.intent}@${t.line}`)).toEqual([
			'a>b:go@5',
			'b>z:done@6',
			'b>a:talk_to_human@8',
			'a>h:talk_to_human@7'
		]);
	});

	it('names the line and what is wrong', () => {
		const err = (text: string) => {
			const f = parseFlow(text);
			return 'error' in f ? f.error : null;
		};
		expect(err('start: a\nend: z\na => z : go')).toBe(
			'Flow, line 3: write “state -> state : intent”, or “start:”, “end:” or “human:” followed by a state.'
		);
		expect(err('start: a\nend: z\na -> Z : go')).toMatch(
			/^Flow, line 3: “Z” is not a valid state name/
		);
		expect(err('start: a\nend: z\na -> z : go now')).toMatch(/^Flow, line 3: write/);
		expect(err('start: a\nend: z\na -> * : go')).toBe(
			'Flow, line 3: “*” can only be the state a transition leaves from.'
		);
		expect(err('start: a\nend: z\na -> z : go\na -> b : go')).toBe(
			'Flow, line 4: “a” already goes to “z” on “go” (line 3); one intent leads to one state.'
		);
		expect(err('end: z\na -> z : go')).toBe(
			'Flow: say where the conversation starts, with a line “start: state”.'
		);
		expect(err('start: a\na -> z : go')).toBe(
			'Flow: say where it can end, with a line “end: state, state”.'
		);
		expect(err('start: a\nstart: b\nend: z')).toBe(
			'Flow, line 2: “start:” is given twice (line 1).'
		);
		expect(err('start: a\nend: z\nhuman: h')).toBe(
			'Flow, line 3: the hand-off state “h” must also be listed in “end:” — the bot’s part is over.'
		);
		expect(err('start: a\nend: z\nz -> a : again')).toBe(
			'Flow, line 3: “z” is an end state; the conversation does not go on from an end.'
		);
		expect(err('start: a\nend: a')).toBe('Flow, line 1: the start state “a” cannot be an end.');
		expect(err('start: a, b\nend: z')).toBe('Flow, line 1: “start:” takes one state, not 2.');
		expect(err('start: a\nend: z\n' + 'a -> z : x\n'.repeat(200))).toBe(
			'Flow: use at most 200 lines.'
		);
		const many = Array.from({ length: 61 }, (_, i) => `a -> s${i} : i${i}`).join('\n');
		expect(err(`start: a\nend: z\n${many}`)).toMatch(/^Flow: use at most 60 states/);
	});
});

describe('the checks', () => {
	const head = 'start: a\nend: z, h\nhuman: h\n* -> h : talk_to_human\n* -> h : no_match\n';

	it('a clean three-state flow passes all six', () => {
		const r = report(head + 'a -> b : go\nb -> z : done');
		expect(r.checks.map((c) => c.problems.length)).toEqual([0, 0, 0, 0, 0, 0]);
		expect(r.passed).toBe(6);
		expect(r.solved).toBe(true);
	});

	it('finds an unreachable state, a dead end and a loop without exit', () => {
		const p = problems(
			'start: a\nend: z\na -> b : go\na -> c : loop\nc -> d : on\nd -> c : back\ne -> z : done'
		);
		expect(p.reachable).toEqual([
			'“e” cannot be reached from “a”.',
			'“z” cannot be reached from “a”.'
		]);
		expect(p.deadEnds).toEqual(['“b” is not an end, and the user has no way out of it.']);
		// a reaches only b, c and d: no end either, as the loop does.
		expect(p.exits).toEqual([
			'From “a”, no end can be reached: the user goes round in circles.',
			'From “c”, no end can be reached: the user goes round in circles.',
			'From “d”, no end can be reached: the user goes round in circles.'
		]);
		expect(p.human).toEqual([
			'No hand-off state: add a line “human: state” naming the end where a person takes over.'
		]);
		expect(p.fallback).toHaveLength(5);
	});

	it('repair: a person within three no-matches, no loop, no end that drops the user', () => {
		const three =
			'start: a\nend: z, h\nhuman: h\n* -> h : talk_to_human\na -> z : done\n' +
			'a -> r1 : no_match\nr1 -> r2 : no_match\nr2 -> h : no_match\nr1 -> z : done\nr2 -> z : done\n';
		expect(problems(three).repair).toEqual([]);
		const four = three
			.replace('r2 -> h : no_match', 'r2 -> r3 : no_match\nr3 -> h : no_match')
			.concat('r3 -> z : done\n');
		expect(problems(four).repair).toEqual([
			'From “a”, 3 no-matches in a row (a → r1 → r2 → r3) still do not offer a person.'
		]);
		const loop = three.replace('r2 -> h : no_match', 'r2 -> r1 : no_match');
		expect(problems(loop).repair).toEqual([
			'From “a”, no-matches go round in a loop (a → r1 → r2 → r1) and never offer a person: the bot repeats itself.',
			'From “r1”, no-matches go round in a loop (r1 → r2 → r1) and never offer a person: the bot repeats itself.',
			'From “r2”, no-matches go round in a loop (r2 → r1 → r2) and never offer a person: the bot repeats itself.'
		]);
		const drop = three.replace('r2 -> h : no_match', 'r2 -> z : no_match');
		expect(problems(drop).repair).toContain(
			'From “a”, no-matches end the conversation at “z” instead of offering a person.'
		);
	});

	it('talk_to_human must reach the hand-off state from every state', () => {
		const p = problems(
			'start: a\nend: z, h\nhuman: h\n* -> h : no_match\na -> b : go\nb -> z : done\na -> h : talk_to_human\nb -> z : talk_to_human'
		);
		expect(p.human).toEqual(['In “b”, “talk_to_human” goes to “z”, not to “h”.']);
	});
});

describe('the bundled flow and the task', () => {
	it('starts unsolved, with the problems the lesson warns about', () => {
		const r = report(DEFAULT_FLOW);
		expect(r.solved).toBe(false);
		expect(r.passed).toBe(0);
		const p = problems(DEFAULT_FLOW);
		expect(p.reachable).toEqual([
			'“callback” cannot be reached from “greeting”.',
			'“done” cannot be reached from “greeting”.',
			'“cancelled” cannot be reached from “greeting”.'
		]);
		expect(p.deadEnds).toEqual(['“booked” is not an end, and the user has no way out of it.']);
		expect(p.exits).toHaveLength(2);
		expect(p.fallback).toHaveLength(4);
		expect(p.repair).toHaveLength(3);
		expect(p.human).toHaveLength(10);
	});

	it('one global talk_to_human line gives every state a way out, passing three checks', () => {
		const r = report(DEFAULT_FLOW + '* -> agent : talk_to_human\n');
		expect(r.checks.filter((c) => !c.problems.length).map((c) => c.id)).toEqual([
			'deadEnds',
			'exits',
			'human'
		]);
	});

	it('the fixed flow passes every check', () => {
		const r = report(FIXED_FLOW);
		expect(r.checks.filter((c) => c.problems.length)).toEqual([]);
		expect(r.solved).toBe(true);
		expect(checkFlow(r.flow).passed).toBe(6);
	});
});

describe('the flow checker in French', () => {
	it('names the line and the problem in the page’s language; English is unchanged', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const bad = 'start: greet\nend: done\ngreet -> done';
		expect(withLocale('en', () => parseFlow(bad))).toEqual({
			error:
				'Flow, line 3: write “state -> state : intent”, or “start:”, “end:” or “human:” followed by a state.'
		});
		expect(withLocale('fr', () => parseFlow(bad))).toEqual({
			error:
				'Flux, ligne 3 : écrivez « état -> état : intention », ou « start: », « end: » ou « human: » suivi d’un état.'
		});
		expect(withLocale('fr', () => parseFlow('start: Greet\nend: done'))).toEqual({
			error: expect.stringMatching(/^Flux, ligne 1 : « Greet » n’est pas un nom d’état valide/)
		});
		const fr = withLocale('fr', () => report(DEFAULT_FLOW));
		const en = withLocale('en', () => report(DEFAULT_FLOW));
		expect(fr.checks.map((c) => c.id)).toEqual(en.checks.map((c) => c.id));
		expect(fr.checks[0]!.label).toBe('Chaque état est atteignable depuis le départ');
		expect(en.checks[0]!.label).toBe('Every state can be reached from the start');
		// Same problems found, each worded in French.
		fr.checks.forEach((c, i) => expect(c.problems).toHaveLength(en.checks[i]!.problems.length));
		expect(fr.checks.flatMap((c) => c.problems).join(' ')).not.toMatch(
			/\b(cannot|the user|From)\b/
		);
	});
});
