import { z } from 'zod';

/** The server's configuration, parsed once from the environment (see the README's table). */
const schema = z.object({
	DATA_DIR: z.string().min(1).default('.data'),
	PGLITE_FSYNC: z
		.enum(['on', 'off'], { error: 'PGLITE_FSYNC must be "on" or "off"' })
		.default('on')
		.transform((v) => v === 'on'),
	DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
	PUBLIC_SUPABASE_URL: z.string().url('PUBLIC_SUPABASE_URL must be a URL').optional(),
	PUBLIC_SUPABASE_ANON_KEY: z.string().min(1).optional(),
	SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional()
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(
		Object.entries(source).filter(([, v]) => v !== undefined && v !== '')
	);
	const parsed = schema.safeParse(cleaned);
	if (!parsed.success) {
		throw new Error(
			'Invalid configuration:\n' +
				parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
		);
	}
	const env = parsed.data;
	if (Boolean(env.PUBLIC_SUPABASE_URL) !== Boolean(env.PUBLIC_SUPABASE_ANON_KEY))
		throw new Error(
			'Invalid configuration: set both PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY, or neither.'
		);
	if (env.PUBLIC_SUPABASE_URL && env.DATABASE_URL)
		throw new Error('Invalid configuration: set DATABASE_URL or the Supabase variables, not both.');
	return env;
}

export type Mode = 'pglite' | 'postgres' | 'supabase';

export function modeOf(env: Env): Mode {
	return env.PUBLIC_SUPABASE_URL ? 'supabase' : env.DATABASE_URL ? 'postgres' : 'pglite';
}
