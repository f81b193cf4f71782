// The day the catalog scripts take as today: COURSES_TODAY=YYYY-MM-DD if set (reproducible runs
// and tests), else today in UTC. courses:check warns about reviews older than 12 months before it.
import { todayUtc } from '../src/lib/content/reviewed';

export function todayFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	const value = env.COURSES_TODAY;
	if (value === undefined || value === '') return todayUtc();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
		console.error(`COURSES_TODAY=${value}: expected a date as YYYY-MM-DD`);
		process.exit(2);
	}
	return value;
}
