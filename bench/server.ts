import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Starts the built app (`node build`) on a free port and waits until it answers. */
export async function startServer(
	env: Record<string, string> = {},
	port = 4300 + Math.floor(Math.random() * 500)
) {
	if (!existsSync('build/index.js')) throw new Error('No build found: run `npm run build` first.');
	const started = performance.now();
	const child: ChildProcess = spawn(
		'node',
		[...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'build'],
		{
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: `http://127.0.0.1:${port}`,
				...env
			},
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 400; i++) {
		try {
			const res = await fetch(url + '/');
			if (res.ok) break;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	const readyMs = performance.now() - started;
	return {
		url,
		readyMs,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
