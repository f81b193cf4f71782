// A teaching evaluator for IAM-style identity policies: given a policy and a request, is it
// allowed, and which statement decided? It follows AWS's logic for a single identity-based
// policy: an explicit Deny wins, otherwise an Allow is needed, otherwise the request is denied
// implicitly. Not covered (and said so in the lesson): resource policies, permission boundaries,
// SCPs, session policies, policy variables. Its texts (parse errors, statement labels, the reasons
// a statement applies or not, the task's requests) are messages in the page's language, and so are
// zod's for a malformed policy (src/lib/zod-issues.ts). The JSON parser's own words stay as the
// browser or Node print them.
import { browser } from '$app/environment';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { literal, zodIssue } from '$lib/zod-issues';

// Zod probes for `new Function` to speed up parsing; in the browser the Content-Security-Policy has
// no 'unsafe-eval', so the probe is refused and reported as a violation. Without it, zod interprets.
if (browser) z.config({ jitless: true });

const stringOrList = z.union([z.string(), z.array(z.string()).min(1)]);
const conditionValues = z.union([
	z.string(),
	z.number(),
	z.boolean(),
	z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)
]);

export const OPERATORS = [
	'StringEquals',
	'StringNotEquals',
	'StringEqualsIgnoreCase',
	'StringLike',
	'StringNotLike',
	'Bool',
	'NumericEquals',
	'NumericLessThan',
	'NumericLessThanEquals',
	'NumericGreaterThan',
	'NumericGreaterThanEquals'
] as const;
type Operator = (typeof OPERATORS)[number];

const statementSchema = z
	.object({
		Sid: z.string().optional(),
		Effect: z.enum(['Allow', 'Deny']),
		Action: stringOrList.optional(),
		NotAction: stringOrList.optional(),
		Resource: stringOrList.optional(),
		NotResource: stringOrList.optional(),
		Condition: z.record(z.string(), z.record(z.string(), conditionValues)).optional()
	})
	.refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
		error: () => m.tools_policylib_one_action()
	})
	.refine((s) => (s.Resource === undefined) !== (s.NotResource === undefined), {
		error: () => m.tools_policylib_one_resource()
	});

const policySchema = z.object({
	Version: z.string().optional(),
	Statement: z.union([statementSchema, z.array(statementSchema).min(1)])
});

export type Statement = z.infer<typeof statementSchema>;

export interface PolicyRequest {
	action: string;
	resource: string;
	/** Condition keys of the request, e.g. `aws:SecureTransport` → `true`. */
	context: Record<string, string>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface StatementTrace {
	index: number;
	label: string;
	effect: 'Allow' | 'Deny';
	applies: boolean;
	reason: string;
}

export interface Evaluation {
	decision: Decision;
	decidedBy: StatementTrace | null;
	trace: StatementTrace[];
}

export function parsePolicy(text: string): { statements: Statement[] } | { error: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		// The parser's own words, as the browser or Node print them.
		return { error: m.tools_policylib_not_json({ detail: (e as Error).message }) };
	}
	const parsed = policySchema.safeParse(json, { error: zodIssue });
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return {
			error: issue.path.length
				? m.tools_policylib_invalid_at({ path: issue.path.join('.'), what: issue.message })
				: m.tools_policylib_invalid({ what: issue.message })
		};
	}
	const statements = Array.isArray(parsed.data.Statement)
		? parsed.data.Statement
		: [parsed.data.Statement];
	for (const s of statements)
		for (const op of Object.keys(s.Condition ?? {}))
			if (!(OPERATORS as readonly string[]).includes(op.replace(/IfExists$/, '')))
				return {
					error: m.tools_policylib_operator({ op: literal(op), operators: OPERATORS.join(', ') })
				};
	return { statements };
}

/** IAM wildcards: `*` any run of characters, `?` one character. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
	const re = new RegExp(
		'^' +
			pattern
				.split('')
				.map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
				.join('') +
			'$',
		ignoreCase ? 'is' : 's'
	);
	return re.test(value);
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

function conditionHolds(
	op: string,
	key: string,
	expected: unknown,
	context: Record<string, string>
): { ok: boolean; why: string } {
	const ifExists = op.endsWith('IfExists');
	const base = op.replace(/IfExists$/, '') as Operator;
	const values = (Array.isArray(expected) ? expected : [expected]).map(String);
	const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
	const negated = base === 'StringNotEquals' || base === 'StringNotLike';
	if (actual === undefined) {
		// AWS: a missing key fails a condition, except for negated operators and IfExists.
		const ok = ifExists || negated;
		return {
			ok,
			why: ok ? m.tools_policylib_absent_accepted({ key }) : m.tools_policylib_absent({ key })
		};
	}
	let ok: boolean;
	switch (base) {
		case 'StringEquals':
			ok = values.includes(actual);
			break;
		case 'StringNotEquals':
			ok = !values.includes(actual);
			break;
		case 'StringEqualsIgnoreCase':
			ok = values.some((v) => v.toLowerCase() === actual.toLowerCase());
			break;
		case 'StringLike':
			ok = values.some((v) => wildcard(v, actual));
			break;
		case 'StringNotLike':
			ok = !values.some((v) => wildcard(v, actual));
			break;
		case 'Bool':
			ok = values.some((v) => v.toLowerCase() === actual.toLowerCase());
			break;
		default: {
			const a = Number(actual);
			const cmp = {
				NumericEquals: (x: number) => a === x,
				NumericLessThan: (x: number) => a < x,
				NumericLessThanEquals: (x: number) => a <= x,
				NumericGreaterThan: (x: number) => a > x,
				NumericGreaterThanEquals: (x: number) => a >= x
			}[base];
			ok = !Number.isNaN(a) && values.some((v) => cmp(Number(v)));
		}
	}
	const against = {
		op,
		key,
		actual: literal(actual),
		values: values.map(literal).reduce((a, b) => m.tools_policylib_or({ a, b }))
	};
	return {
		ok,
		why: ok
			? m.tools_policylib_condition_holds(against)
			: m.tools_policylib_condition_fails(against)
	};
}

function applies(s: Statement, req: PolicyRequest): { applies: boolean; reason: string } {
	const actionMatch = s.Action
		? list(s.Action).some((a) => wildcard(a, req.action, true))
		: !list(s.NotAction!).some((a) => wildcard(a, req.action, true));
	if (!actionMatch)
		return {
			applies: false,
			reason: s.Action
				? m.tools_policylib_not_in_action({ action: req.action })
				: m.tools_policylib_not_action({ action: req.action })
		};
	const resourceMatch = s.Resource
		? list(s.Resource).some((r) => wildcard(r, req.resource))
		: !list(s.NotResource!).some((r) => wildcard(r, req.resource));
	if (!resourceMatch)
		return {
			applies: false,
			reason: s.Resource
				? m.tools_policylib_not_in_resource({ resource: req.resource })
				: m.tools_policylib_not_resource()
		};
	for (const [op, keys] of Object.entries(s.Condition ?? {})) {
		for (const [key, expected] of Object.entries(keys)) {
			const c = conditionHolds(op, key, expected, req.context);
			if (!c.ok) return { applies: false, reason: m.tools_policylib_condition({ why: c.why }) };
		}
	}
	return {
		applies: true,
		reason: s.Condition ? m.tools_policylib_match_conditions() : m.tools_policylib_match()
	};
}

export function evaluate(statements: Statement[], req: PolicyRequest): Evaluation {
	const trace = statements.map((s, index) => ({
		index,
		label: s.Sid ? `"${s.Sid}"` : m.tools_policylib_statement({ n: index + 1 }),
		effect: s.Effect,
		...applies(s, req)
	}));
	const deny = trace.find((t) => t.applies && t.effect === 'Deny');
	if (deny) return { decision: 'ExplicitDeny', decidedBy: deny, trace };
	const allow = trace.find((t) => t.applies && t.effect === 'Allow');
	if (allow) return { decision: 'Allow', decidedBy: allow, trace };
	return { decision: 'ImplicitDeny', decidedBy: null, trace };
}

/** `key=value` lines into a context object; blank lines and lines without `=` are ignored. */
export function parseContext(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const i = line.indexOf('=');
		if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
	}
	return out;
}

export const EXAMPLE_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
    },
    {
      "Sid": "DenyWithoutTLS",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": "*",
      "Condition": { "Bool": { "aws:SecureTransport": "false" } }
    }
  ]
}`;

/** One request of the exercise's task, with the decision least privilege gives it. */
export interface TaskRequest {
	label: string;
	request: PolicyRequest;
	allowed: boolean;
}

/**
 * The exercise: the example policy lets the reports reader fetch every object of the bucket. Least
 * privilege for its job (the lesson's worked example) is the finance reports, over TLS, read only.
 */
export const POLICY_TASK: TaskRequest[] = [
	{
		get label() {
			return m.tools_policylib_task_https({
				action: 'GetObject',
				object: 'acme-reports/finance/q3.csv'
			});
		},
		request: {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::acme-reports/finance/q3.csv',
			context: { 'aws:SecureTransport': 'true' }
		},
		allowed: true
	},
	{
		get label() {
			return m.tools_policylib_task_https({
				action: 'GetObject',
				object: 'acme-reports/hr/salaries.csv'
			});
		},
		request: {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::acme-reports/hr/salaries.csv',
			context: { 'aws:SecureTransport': 'true' }
		},
		allowed: false
	},
	{
		get label() {
			return m.tools_policylib_task_http({
				action: 'GetObject',
				object: 'acme-reports/finance/q3.csv'
			});
		},
		request: {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::acme-reports/finance/q3.csv',
			context: { 'aws:SecureTransport': 'false' }
		},
		allowed: false
	},
	{
		get label() {
			return m.tools_policylib_task_https({
				action: 'DeleteObject',
				object: 'acme-reports/finance/q3.csv'
			});
		},
		request: {
			action: 's3:DeleteObject',
			resource: 'arn:aws:s3:::acme-reports/finance/q3.csv',
			context: { 'aws:SecureTransport': 'true' }
		},
		allowed: false
	}
];

export interface TaskCheck {
	label: string;
	allowed: boolean;
	decision: Decision;
	ok: boolean;
}

/** The task's requests under `statements`: solved when each gets the decision it should. */
export function policyTask(statements: Statement[]): { checks: TaskCheck[]; solved: boolean } {
	const checks = POLICY_TASK.map((t) => {
		const { decision } = evaluate(statements, t.request);
		return {
			label: t.label,
			allowed: t.allowed,
			decision,
			ok: (decision === 'Allow') === t.allowed
		};
	});
	return { checks, solved: checks.every((c) => c.ok) };
}
