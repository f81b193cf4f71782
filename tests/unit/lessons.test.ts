import { describe, expect, it } from 'vitest';
import { estimateCost, formatUsd } from '../../src/lib/lessons/cost';
import { gradeSpotting, SCENARIOS } from '../../src/lib/lessons/injection';
import {
	bleu,
	compare,
	isNegation,
	overlap,
	overlapTask,
	OVERLAP_TASK,
	rougeL,
	tokenize
} from '../../src/lib/lessons/overlap';
import {
	evaluate,
	EXAMPLE_POLICY,
	parseContext,
	parsePolicy,
	policyTask,
	wildcard,
	type Statement
} from '../../src/lib/lessons/policy';

describe('BLEU and ROUGE', () => {
	const cand = tokenize('The cat sat on the mat.');
	const ref = tokenize('The cat is on the mat.');

	it('tokenises words and punctuation, lowercased', () => {
		expect(cand).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat', '.']);
	});

	it('clips n-gram counts by the reference', () => {
		const o = overlap(tokenize('the the the'), tokenize('the cat'), 1);
		expect(o.grams).toEqual([{ gram: 'the', candidate: 3, clipped: 1 }]);
		expect(o.precision).toBeCloseTo(1 / 3);
		expect(o.recall).toBeCloseTo(1 / 2);
	});

	it('computes modified precisions and the hand-worked BLEU', () => {
		const c = tokenize('the cat sat on the mat');
		const r = tokenize('the cat is on the mat');
		const b = bleu(c, r, 4);
		expect(b.precisions.map((p) => +p.toFixed(4))).toEqual([0.8333, 0.6, 0.25, 0]);
		expect(b.score).toBe(0);
		expect(bleu(c, r, 3).score).toBeCloseTo(0.5, 10);
		expect(bleu(c, r, 3).brevityPenalty).toBe(1);
	});

	it('penalises short candidates', () => {
		const b = bleu(tokenize('the cat'), tokenize('the cat is on the mat'), 1);
		expect(b.brevityPenalty).toBeCloseTo(Math.exp(-2));
		expect(b.score).toBeCloseTo(Math.exp(-2));
		expect(bleu([], tokenize('a b'), 1).score).toBe(0);
	});

	it('ROUGE-N recall and ROUGE-L from the longest common subsequence', () => {
		const r = compare('the cat sat on the mat', 'the cat is on the mat');
		expect(r.rouge1.recall).toBeCloseTo(5 / 6);
		expect(r.rouge2.recall).toBeCloseTo(3 / 5);
		expect(r.rougeL.common).toEqual(['the', 'cat', 'on', 'the', 'mat']);
		expect(rougeL(cand, ref).f1).toBeCloseTo(6 / 7);
	});
});

describe('cost estimator', () => {
	it('multiplies tokens by prices per million and by calls', () => {
		const c = estimateCost({
			inputTokens: 1500,
			outputTokens: 0,
			inputPrice: 3,
			outputPrice: 15,
			callsPerDay: 2000
		});
		expect(c.perDay).toBeCloseTo(9);
		expect(c.per30Days).toBeCloseTo(270);
		const o = estimateCost({
			inputTokens: 0,
			outputTokens: 500,
			inputPrice: 3,
			outputPrice: 15,
			callsPerDay: 1
		});
		expect(o.perCall).toBeCloseTo(0.0075);
	});

	it('discounts cached input tokens', () => {
		const c = estimateCost({
			inputTokens: 1_000_000,
			outputTokens: 0,
			inputPrice: 2,
			outputPrice: 0,
			callsPerDay: 1,
			cachedShare: 0.5,
			cachedPriceFactor: 0.1
		});
		expect(c.perCall).toBeCloseTo(1.1);
		expect(formatUsd(1.1)).toBe('$1.10');
		expect(formatUsd(0.000123)).toBe('$0.00012');
	});
});

describe('access-policy evaluator', () => {
	const parsed = parsePolicy(EXAMPLE_POLICY);
	if ('error' in parsed) throw new Error(parsed.error);
	const statements = parsed.statements;
	const req = (action: string, resource: string, context: Record<string, string> = {}) => ({
		action,
		resource,
		context
	});

	it('allows what an Allow statement covers', () => {
		const e = evaluate(
			statements,
			req('s3:GetObject', 'arn:aws:s3:::acme-reports/q3.pdf', { 'aws:SecureTransport': 'true' })
		);
		expect(e.decision).toBe('Allow');
		expect(e.decidedBy?.label).toBe('"ReadReports"');
	});

	it('an explicit Deny wins over an Allow', () => {
		const e = evaluate(
			statements,
			req('s3:GetObject', 'arn:aws:s3:::acme-reports/q3.pdf', { 'aws:SecureTransport': 'false' })
		);
		expect(e.decision).toBe('ExplicitDeny');
		expect(e.decidedBy?.label).toBe('"DenyWithoutTLS"');
	});

	it('denies implicitly when nothing allows', () => {
		const e = evaluate(
			statements,
			req('s3:PutObject', 'arn:aws:s3:::acme-reports/q3.pdf', { 'aws:SecureTransport': 'true' })
		);
		expect(e.decision).toBe('ImplicitDeny');
		expect(e.decidedBy).toBeNull();
		expect(e.trace[0]!.reason).toBe('action s3:PutObject is not in Action');
	});

	it('a missing condition key fails Bool but satisfies negated operators', () => {
		expect(evaluate(statements, req('s3:GetObject', 'arn:aws:s3:::acme-reports/a')).decision).toBe(
			'Allow'
		);
		const s: Statement[] = [
			{
				Effect: 'Deny',
				Action: '*',
				Resource: '*',
				Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-3' } }
			}
		];
		expect(evaluate(s, req('ec2:RunInstances', '*')).decision).toBe('ExplicitDeny');
		expect(
			evaluate(s, req('ec2:RunInstances', '*', { 'aws:RequestedRegion': 'eu-west-3' })).decision
		).toBe('ImplicitDeny');
	});

	it('matches wildcards: actions case-insensitively, resources exactly', () => {
		expect(wildcard('s3:Get*', 'S3:GETOBJECT', true)).toBe(true);
		expect(wildcard('arn:aws:s3:::bucket/*', 'arn:aws:s3:::Bucket/x')).toBe(false);
		expect(wildcard('log-?', 'log-1')).toBe(true);
		expect(wildcard('log-?', 'log-12')).toBe(false);
		const s: Statement[] = [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }];
		expect(evaluate(s, req('s3:ListBucket', 'x')).decision).toBe('Allow');
		expect(evaluate(s, req('iam:CreateUser', 'x')).decision).toBe('ImplicitDeny');
	});

	it('reports bad input clearly', () => {
		expect(parsePolicy('{"Statement": [')).toMatchObject({
			error: expect.stringMatching(/^The policy is not valid JSON/)
		});
		expect(parsePolicy('{"Statement": {"Effect": "Allow", "Resource": "*"}}')).toEqual({
			error:
				'The policy is not valid: Statement: a statement has exactly one of Action or NotAction'
		});
		expect(
			parsePolicy(
				'{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateEquals": {"a": "b"}}}}'
			)
		).toMatchObject({
			error: expect.stringContaining('Condition operator "DateEquals" is not supported')
		});
		expect(parseContext('a=1\n\nnot a pair\n b = two ')).toEqual({ a: '1', b: 'two' });
	});
});

describe('BLEU and ROUGE: the task of a wrong answer that wins', () => {
	const ref = OVERLAP_TASK.reference;

	it('the right answer scores as the lesson works out by hand: BLEU-4 0, ROUGE-L F 0.67', () => {
		const t = overlapTask(OVERLAP_TASK.right, ref);
		// LCS "refund was sent on monday": P 5/6, R 5/9, F = 2·(5/6)(5/9)/((5/6)+(5/9)) = 2/3.
		expect(t.right.bleu).toBe(0);
		expect(t.right.rougeL).toBeCloseTo(2 / 3, 10);
		expect(t).toMatchObject({ starting: true, negated: false, solved: false });
	});

	it("the lesson's opposite answer solves it: BLEU-4 0.658, ROUGE-L F 0.947", () => {
		const wrong = 'the refund was not sent to your bank on monday';
		// By hand: p1..p4 = 9/10, 7/9, 5/8, 3/7, BP 1 (10 > 9 tokens): (0.1875)^(1/4) = 0.6580.
		// LCS is the whole reference, 9: P 9/10, R 1, F 18/19 = 0.9474.
		const r = compare(wrong, ref);
		expect(r.bleu.score).toBeCloseTo(0.1875 ** 0.25, 10);
		expect(r.rougeL.f1).toBeCloseTo(18 / 19, 10);
		expect(overlapTask(wrong, ref)).toMatchObject({
			negated: true,
			beatsBleu: true,
			beatsRouge: true,
			solved: true
		});
		expect(overlapTask("the refund wasn't sent to your bank on monday", ref).solved).toBe(true);
	});

	it('is not solved without a negation, with a changed reference, or when a metric does not win', () => {
		// The reference itself beats the right answer but says the same: no negation.
		expect(overlapTask(ref, ref)).toMatchObject({ negated: false, solved: false });
		expect(overlapTask('not ' + ref, ref + ' today')).toMatchObject({
			starting: false,
			solved: false
		});
		// "not" alone negates, but overlaps on nothing: BLEU 0 and ROUGE-L 0 beat nothing.
		expect(overlapTask('not', ref)).toMatchObject({
			negated: true,
			beatsBleu: false,
			beatsRouge: false,
			solved: false
		});
		// Short and negated: ROUGE-L 2·(4/5)(4/9)/(4/5+4/9) = 0.571 < 0.667, BLEU 0 (no 4-gram).
		expect(overlapTask('refund not sent on monday', ref)).toMatchObject({
			negated: true,
			beatsRouge: false,
			solved: false
		});
		expect(['not', 'never', "didn't", 'wasn’t'].every(isNegation)).toBe(true);
		expect(['note', 'know', 'nothing'].map(isNegation)).toEqual([false, false, true]);
	});
});

describe('access-policy evaluator: the least-privilege task', () => {
	const statementsOf = (text: string) => {
		const p = parsePolicy(text);
		if (!('statements' in p)) throw new Error(p.error);
		return p.statements;
	};

	it('the example policy is not least privilege: it lets the reader fetch HR files', () => {
		const t = policyTask(statementsOf(EXAMPLE_POLICY));
		expect(t.solved).toBe(false);
		expect(t.checks.map((c) => [c.ok, c.decision])).toEqual([
			[true, 'Allow'],
			[false, 'Allow'],
			[true, 'ExplicitDeny'],
			[true, 'ImplicitDeny']
		]);
	});

	it('narrowing the object ARNs to finance/ solves it', () => {
		const fixed = EXAMPLE_POLICY.replace(
			'"arn:aws:s3:::acme-reports/*"',
			'"arn:aws:s3:::acme-reports/finance/*"'
		);
		expect(fixed).not.toBe(EXAMPLE_POLICY);
		expect(policyTask(statementsOf(fixed)).solved).toBe(true);
	});

	it('removing the TLS deny, or allowing s3:*, breaks it again', () => {
		const narrowed = EXAMPLE_POLICY.replace(
			'"arn:aws:s3:::acme-reports/*"',
			'"arn:aws:s3:::acme-reports/finance/*"'
		);
		const noTls = JSON.parse(narrowed);
		noTls.Statement = noTls.Statement.slice(0, 1);
		expect(policyTask(statementsOf(JSON.stringify(noTls))).checks[2]).toMatchObject({
			ok: false,
			decision: 'Allow'
		});
		const star = narrowed.replace('["s3:GetObject", "s3:ListBucket"]', '"s3:*"');
		expect(star).not.toBe(narrowed);
		expect(policyTask(statementsOf(star)).checks[3]).toMatchObject({
			ok: false,
			decision: 'Allow'
		});
		// Nothing allowed at all is not the answer either: the reader must still do its job.
		expect(policyTask([]).checks[0]).toMatchObject({ ok: false, decision: 'ImplicitDeny' });
	});
});

describe('spot the attack', () => {
	it('scores right answers and counts unanswered scenarios as wrong', () => {
		const all = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.attack ? 'attack' : 'safe']));
		expect(gradeSpotting(all).score).toBe(SCENARIOS.length);
		const flipped = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.attack ? 'safe' : 'attack']));
		expect(gradeSpotting(flipped).score).toBe(0);
		const { results, score, answered, solved } = gradeSpotting({});
		expect([score, answered, solved]).toEqual([0, 0, false]);
		expect(results.every((r) => r.answer === null && !r.correct)).toBe(true);
	});

	it('is solved only when every text is classified right', () => {
		const all = Object.fromEntries(SCENARIOS.map((s) => [s.id, s.attack ? 'attack' : 'safe']));
		expect(gradeSpotting(all)).toMatchObject({ answered: SCENARIOS.length, solved: true });
		const [first, ...rest] = SCENARIOS;
		const oneWrong = { ...all, [first!.id]: first!.attack ? 'safe' : 'attack' };
		expect(gradeSpotting(oneWrong)).toMatchObject({
			score: SCENARIOS.length - 1,
			answered: SCENARIOS.length,
			solved: false
		});
		const oneMissing = Object.fromEntries(rest.map((s) => [s.id, s.attack ? 'attack' : 'safe']));
		expect(gradeSpotting(oneMissing)).toMatchObject({
			answered: SCENARIOS.length - 1,
			solved: false
		});
		// Only the two values the form sends count as an answer.
		expect(gradeSpotting({ [first!.id]: 'maybe' }).answered).toBe(0);
	});

	it('mixes attacks and benign texts', () => {
		expect(SCENARIOS.filter((s) => s.attack).length).toBeGreaterThan(1);
		expect(SCENARIOS.filter((s) => !s.attack).length).toBeGreaterThan(1);
	});
});

describe('lesson components as islands', () => {
	it('every lesson component names itself as an island and is registered to be mounted', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const dir = 'src/lib/components/lesson';
		const registry = readFileSync('src/lib/lessons/islands.ts', 'utf8');
		const components = readdirSync(dir)
			.filter((f) => f.endsWith('.svelte') && f !== 'ToolFrame.svelte')
			.map((f) => f.replace(/\.svelte$/, ''));
		expect(components.length).toBeGreaterThanOrEqual(4);
		for (const name of components) {
			const source = readFileSync(`${dir}/${name}.svelte`, 'utf8');
			expect(source, name).toContain(`island="${name}"`);
			expect(registry, name).toContain(
				`${name}: () => import('$lib/components/lesson/${name}.svelte')`
			);
		}
	});
});

describe('the access-policy evaluator in French', () => {
	it('says what is wrong, why a statement applies and which request is which in the page’s language', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const both = <T>(fn: () => T) => ({ en: withLocale('en', fn), fr: withLocale('fr', fn) });
		// The schema's own rule, and zod's messages (in English as zod writes them).
		const noAction = both(() => parsePolicy('{"Statement": {"Effect": "Allow", "Resource": "*"}}'));
		expect(noAction.en).toEqual({
			error:
				'The policy is not valid: Statement: a statement has exactly one of Action or NotAction'
		});
		expect(noAction.fr).toEqual({
			error:
				'La politique n’est pas valide : Statement : une instruction (statement) a soit Action, soit NotAction : exactement l’un des deux'
		});
		const list = both(() => parsePolicy('[]'));
		expect(list.en).toEqual({
			error: 'The policy is not valid: Invalid input: expected object, received array'
		});
		expect(list.fr).toEqual({
			error: 'La politique n’est pas valide : valeur invalide : il faut un objet, pas une liste'
		});
		const version = both(() =>
			parsePolicy(
				'{"Version": 2012, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}'
			)
		);
		expect(version.en).toEqual({
			error: 'The policy is not valid: Version: Invalid input: expected string, received number'
		});
		expect(version.fr).toEqual({
			error:
				'La politique n’est pas valide : Version : valeur invalide : il faut une chaîne de caractères, pas un nombre'
		});
		expect(both(() => parsePolicy('{"Statement": []}')).fr).toEqual({
			error: 'La politique n’est pas valide : Statement : liste vide : il faut au moins un élément'
		});
		expect(withLocale('fr', () => parsePolicy('{"Statement": ['))).toMatchObject({
			error: expect.stringMatching(/^La politique n’est pas un JSON valide : /)
		});
		const dated = both(() =>
			parsePolicy(
				'{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateEquals": {"a": "b"}}}}'
			)
		);
		expect(dated.en).toEqual({
			error:
				'Condition operator "DateEquals" is not supported here (supported: StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringLike, StringNotLike, Bool, NumericEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals, each optionally with IfExists).'
		});
		expect(dated.fr).toMatchObject({
			error: expect.stringMatching(
				/^L’opérateur de condition "DateEquals" n’est pas pris en charge ici \(pris en charge : StringEquals, .*, chacun éventuellement suivi de IfExists\)\.$/
			)
		});

		// The trace: labels and reasons are texts, the rest is the same decision.
		const parsed = parsePolicy(EXAMPLE_POLICY);
		if ('error' in parsed) throw new Error(parsed.error);
		const statements: Statement[] = [
			...parsed.statements,
			{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }
		];
		const request = {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::acme-reports/q3.pdf',
			context: { 'aws:SecureTransport': 'true' }
		};
		const e = both(() => evaluate(statements, request));
		expect(e.en.trace.map((t) => [t.label, t.reason])).toEqual([
			['"ReadReports"', 'action and resource match'],
			[
				'"DenyWithoutTLS"',
				'condition fails: Bool aws:SecureTransport = "true" against "false": fails'
			],
			['statement 3', 'action s3:GetObject is not in Action']
		]);
		expect(e.fr.trace.map((t) => [t.label, t.reason])).toEqual([
			['"ReadReports"', 'l’action et la ressource correspondent'],
			[
				'"DenyWithoutTLS"',
				'condition non remplie : Bool aws:SecureTransport = "true" comparé à "false" : non vérifiée'
			],
			['instruction 3', 'l’action s3:GetObject n’est pas dans Action']
		]);
		const strip = (x: typeof e.en) => ({
			...x,
			decidedBy: x.decidedBy && { ...x.decidedBy, label: '', reason: '' },
			trace: x.trace.map((t) => ({ ...t, label: '', reason: '' }))
		});
		expect(strip(e.fr)).toEqual(strip(e.en));
		const absent = both(
			() =>
				evaluate(
					[
						{
							Effect: 'Deny',
							Action: '*',
							Resource: '*',
							Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true', 'false'] } }
						}
					],
					{ ...request, context: {} }
				).trace[0]!.reason
		);
		expect(absent).toEqual({
			en: 'condition fails: aws:MultiFactorAuthPresent is absent from the request',
			fr: 'condition non remplie : la clé aws:MultiFactorAuthPresent est absente de la requête'
		});

		// The task's requests, read when the task is checked.
		const task = both(() => policyTask(parsed.statements));
		expect(task.en.checks.map((c) => c.label)).toEqual([
			'GetObject on acme-reports/finance/q3.csv over HTTPS',
			'GetObject on acme-reports/hr/salaries.csv over HTTPS',
			'GetObject on acme-reports/finance/q3.csv over plain HTTP',
			'DeleteObject on acme-reports/finance/q3.csv over HTTPS'
		]);
		expect(task.fr.checks.map((c) => c.label)).toEqual([
			'GetObject sur acme-reports/finance/q3.csv via HTTPS',
			'GetObject sur acme-reports/hr/salaries.csv via HTTPS',
			'GetObject sur acme-reports/finance/q3.csv en HTTP non chiffré',
			'DeleteObject sur acme-reports/finance/q3.csv via HTTPS'
		]);
		const verdicts = (t: typeof task.en) => [
			t.solved,
			t.checks.map((c) => [c.allowed, c.decision, c.ok])
		];
		expect(verdicts(task.fr)).toEqual(verdicts(task.en));
	});
});
