import { dashboard, instructorDb } from '$lib/server/teach/cohorts';
import { csvField } from '$lib/teach/cohorts';

/** One line per member and module: what the dashboard shows, for a spreadsheet. */
export async function GET({ params, locals }) {
	const db = await instructorDb(locals);
	const { cohort, members } = await dashboard(db, params.id);
	const lines = [
		'member,email,joined,last_activity,readiness,at_risk,module_id,status,best_score',
		...members.flatMap((m) =>
			cohort.modules.map((id, i) =>
				[
					csvField(m.name),
					csvField(m.email ?? ''),
					m.joinedAt.toISOString().slice(0, 10),
					m.lastActivity ? m.lastActivity.toISOString().slice(0, 10) : '',
					String(Math.round(m.readiness * 100)),
					m.atRisk ? 'yes' : 'no',
					id,
					m.cells[i]!.state,
					m.cells[i]!.best === null ? '' : String(m.cells[i]!.best)
				].join(',')
			)
		)
	];
	return new Response(lines.join('\n') + '\n', {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="cohort-${cohort.id}-progress.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}
