// A Jalons quiz → GIFT that Moodle imports, and that `giftToQuiz` turns back into the same questions.
// Texts are written as [markdown]; ids and competencies go in the comment Moodle reads for
// `[id:…]` and `[tag:…]`; what GIFT has no syntax for (points, units, patterns, relative tolerances,
// quiz settings) goes in `// jalons {…}` comments, which Moodle ignores — and the report says so.
// Ordering questions have no GIFT form: they are skipped and reported. Pure.
import type { Question, Quiz } from '../../quiz/schema';
import type { GiftNote } from './import';
import { escapeGift } from './parse';

// Moodle's list of answer grades (question/format.php): a weight outside it is rounded on import.
const MOODLE_GRADES = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5
];
const weight = (k: number) => Number((100 / k).toFixed(5));
const text = (s: string) =>
	(/^\[(html|moodle|plain|markdown)\]/.test(s) ? '[markdown]' : '') + escapeGift(s);

export interface ExportResult {
	gift: string;
	notes: GiftNote[];
	exported: number;
}

/** `lineOf(i)` is the quiz.yaml line of question i, for the report. */
export function quizToGift(
	quiz: Quiz,
	module: { id: string; title: string },
	lineOf: (index: number) => number
): ExportResult {
	const notes: GiftNote[] = [];
	const settings: Record<string, unknown> = {
		pass: quiz.pass,
		...(quiz.draw !== undefined ? { draw: quiz.draw } : {}),
		shuffle: quiz.shuffle,
		...(quiz.attempts !== undefined ? { attempts: quiz.attempts } : {}),
		feedback: quiz.feedback
	};
	const blocks = [
		`// Quiz of the Jalons module "${module.id}", exported by npm run courses:export.\n` +
			`// jalons-quiz ${JSON.stringify(settings)}`,
		`$CATEGORY: $course$/top/${module.title.replace(/\//g, '-')}`
	];
	let exported = 0;
	quiz.questions.forEach((q, i) => {
		const line = lineOf(i);
		const note = (kind: GiftNote['kind'], message: string) =>
			notes.push({ line, kind, message: `question "${q.id}": ${message}` });
		if (q.type === 'order') {
			note(
				'skipped',
				'an ordering question has no GIFT form (Moodle has no ordering type in GIFT)'
			);
			return;
		}
		const meta: Record<string, unknown> = {};
		if (q.points !== 1) {
			meta.points = q.points;
			note(
				'approximated',
				`points ${q.points} are kept in a "// jalons" comment, which Moodle ignores (it gives the question its default mark)`
			);
		}
		if (q.type === 'numeric' && q.unit !== undefined) {
			meta.unit = q.unit;
			note(
				'approximated',
				`unit "${q.unit}" is kept in a "// jalons" comment, which Moodle ignores (GIFT numbers have no unit)`
			);
		}
		if (q.type === 'numeric' && q.relative !== undefined) meta.relative = q.relative;
		if (q.type === 'text' && q.pattern !== undefined) {
			meta.pattern = q.pattern;
			note(
				'approximated',
				`pattern ${JSON.stringify(q.pattern)} is kept in a "// jalons" comment, which Moodle ignores (it accepts only the listed answers)`
			);
		}
		const head = [`// [id:${q.id}]${(q.competencies ?? []).map((c) => ` [tag:${c}]`).join('')}`];
		if (Object.keys(meta).length) head.push(`// jalons ${JSON.stringify(meta)}`);
		const answers = answerLines(q, note);
		const feedback = `\t####${text(q.explanation)}`;
		const section = `{${answers.inline ?? ''}\n${answers.lines.map((l) => `\t${l}\n`).join('')}${feedback}\n}`;
		const prompt = q.prompt;
		const blank = [...prompt.matchAll(/(?<!_)_____(?!_)/g)];
		let body: string;
		if (blank.length === 1 && blank[0]!.index + 5 < prompt.length) {
			const at = blank[0]!.index;
			body = `[markdown]${escapeGift(prompt.slice(0, at))}${section}${escapeGift(prompt.slice(at + 5))}`;
		} else body = `[markdown]${escapeGift(prompt)}${section}`;
		blocks.push(`${head.join('\n')}\n::${q.id}::${body}`);
		exported++;
	});
	return { gift: blocks.join('\n\n') + '\n', notes, exported };
}

function answerLines(
	q: Exclude<Question, { type: 'order' }>,
	note: (kind: GiftNote['kind'], message: string) => void
): { inline?: string; lines: string[] } {
	const fb = (f: string | undefined) => (f ? `#${text(f)}` : '');
	switch (q.type) {
		case 'single':
			return {
				lines: q.options.map((o) => `${o.correct ? '=' : '~'}${text(o.text)}${fb(o.feedback)}`)
			};
		case 'multiple': {
			const k = q.options.filter((o) => o.correct).length;
			const w = weight(k);
			if (!MOODLE_GRADES.some((g) => Math.abs(g - w) < 1e-4))
				note(
					'approximated',
					`each of the ${k} right options weighs ${w}%, which is not in Moodle's list of grades: Moodle rounds it on import`
				);
			return {
				lines: q.options.map((o) => `~%${o.correct ? w : -w}%${text(o.text)}${fb(o.feedback)}`)
			};
		}
		case 'true-false':
			return { inline: q.answer ? 'TRUE' : 'FALSE', lines: [] };
		case 'numeric': {
			const tolerance =
				q.relative !== undefined
					? Number((Math.abs(q.answer) * q.relative).toPrecision(12))
					: q.tolerance;
			return {
				inline: '#',
				lines: [`=${q.answer}${tolerance !== undefined ? `:${tolerance}` : ''}`]
			};
		}
		case 'text':
			return { lines: q.accept.map((a) => `=${text(a)}`) };
		case 'match':
			return {
				lines: [
					...q.pairs.map((p) => `=${text(p.left)} -> ${escapeGift(p.right)}`),
					...q.distractors.map((d) => `= -> ${escapeGift(d)}`)
				]
			};
	}
}
