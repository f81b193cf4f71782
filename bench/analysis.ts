// npm run bench:analysis — item analysis (src/lib/teach/item-analysis.ts) of a 9-question quiz
// over 10,000 first attempts, generated from a seeded model of learners (ability against each
// question's difficulty; scored right or wrong, as the statistics only see marks). Figures, not a test: the median of several runs, and the rate.
import { questionSchema } from '../src/lib/quiz/schema';
import { seededRandom } from '../src/lib/quiz/engine';
import { itemAnalysis, type AttemptResults } from '../src/lib/teach/item-analysis';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 10_000);
const RUNS = 9;
const rand = seededRandom('bench-analysis');
const questions = Array.from({ length: 9 }, (_, i) =>
	questionSchema.parse({
		id: `q${i + 1}`,
		type: 'true-false',
		answer: true,
		points: i === 8 ? 2 : 1,
		prompt: `Question ${i + 1}`,
		explanation: 'Because.'
	})
);
const difficulty = questions.map((_, i) => -1.5 + (3 * i) / 8);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const attempts: AttemptResults[] = Array.from({ length: ATTEMPTS }, () => {
	const ability = normal();
	return Object.fromEntries(
		questions.map((q, i) => {
			const p = 1 / (1 + Math.exp(difficulty[i]! - ability));
			return [q.id, { score: rand() < p ? q.points : 0, max: q.points }];
		})
	);
});

const times: number[] = [];
let result = itemAnalysis(questions, attempts);
for (let i = 0; i < RUNS; i++) {
	const t = performance.now();
	result = itemAnalysis(questions, attempts);
	times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(RUNS / 2)]!;
console.log(
	`item analysis: ${ATTEMPTS.toLocaleString('en')} attempts × ${questions.length} questions in ${ms.toFixed(1)} ms ` +
		`(median of ${RUNS}; fastest ${times[0]!.toFixed(1)} ms) — ${Math.round((ATTEMPTS / ms) * 1000).toLocaleString('en')} attempts/s`
);
console.log(
	`  quiz: mean ${result.quiz.mean?.toFixed(1)} %, SD ${result.quiz.sd?.toFixed(1)}, α ${result.quiz.cic?.toFixed(1)} %; ` +
		`facility ${result.questions.map((q) => q.facility?.toFixed(0)).join(' ')}`
);
