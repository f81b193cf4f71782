import { analysisCsv } from '$lib/teach/item-analysis';
import { analysisOf, MIN_LEARNERS } from '$lib/server/teach/analysis';

export async function GET({ params, locals, url }) {
	const { module, result } = await analysisOf(
		locals,
		params.id,
		undefined,
		url.searchParams.get('cohort')
	);
	const text = (status: number, message: string) =>
		new Response(message + '\n', {
			status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	if (result.state === 'not-instructor')
		return text(403, 'Sign in with an instructor account to download quiz statistics.');
	if (result.state === 'too-few')
		return text(
			409,
			`Quiz statistics appear once ${MIN_LEARNERS} learners have attempted this quiz (${result.learners} so far).`
		);
	return new Response(analysisCsv(result.analysis.questions), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${module.id}-analysis.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}
