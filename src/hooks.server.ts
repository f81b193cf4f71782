import type { Handle, RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { compress } from '$lib/server/compress';
import { language } from '$lib/server/language';
import { unlocalizedPath } from '$lib/i18n';
import { env as privateEnv } from '$env/dynamic/private';
import { env as publicEnv } from '$env/dynamic/public';
import { localAuth, supabaseAuth, SESSION_COOKIE, cookieOptions } from '$lib/server/auth';
import { origin } from '$lib/server/origin';
import { sessionUser } from '$lib/server/auth/local';
import { closeDb, localDb } from '$lib/server/db';
import { modeOf, parseEnv } from '$lib/server/env';
import { signedIn } from '$lib/server/redirect';
import { securityHeaders } from '$lib/server/security-headers';
import { createSupabase, safeGetSession, supabaseUserDb } from '$lib/server/supabase';
import { issuerKeyFromEnv } from '$lib/server/portfolio/issuer-key';
import { requestGuard } from '$lib/server/request-guard';
import type { Database } from '$lib/server/db/database.types';
import { parseTheme, THEME_COOKIE } from '$lib/theme';
import type { ServiceRpc } from '$lib/server/rpc';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';

const config = parseEnv({ ...privateEnv, ...publicEnv });
// A malformed issuer key stops the server now, with how to fix it, not at the first credential.
issuerKeyFromEnv(privateEnv);
const mode = modeOf(config);
// Open (and migrate) the database at start, not on the first request.
const ready = localDb(config);
ready?.catch((e) => {
	console.error(e);
	process.exit(1);
});
// Requests still being handled when the server stops: the database closes after the last one.
// adapter-node drops the connections of requests older than SHUTDOWN_TIMEOUT before it emits
// the shutdown event, but their handlers are still running; closing the database under them
// would turn each into a 500 in the log (and, for a write, lose it half-way).
let inFlight = 0;
let drained: (() => void) | null = null;
const counted: Handle = async ({ event, resolve }) => {
	inFlight++;
	try {
		return await resolve(event);
	} finally {
		if (--inFlight === 0) drained?.();
	}
};
process.on('sveltekit:shutdown', async () => {
	if (inFlight > 0)
		await new Promise<void>((done) => {
			drained = done;
			setTimeout(done, 30_000).unref();
		});
	void closeDb();
});

/** Resolves the database and the signed-in user once per request. */
const session: Handle = async ({ event, resolve }) => {
	event.locals.mode = mode;
	if (mode === 'supabase') {
		const client = createSupabase(
			config.PUBLIC_SUPABASE_URL!,
			config.PUBLIC_SUPABASE_ANON_KEY!,
			event.cookies
		);
		const { user } = await safeGetSession(client);
		event.locals.user = user ? { id: user.id, email: user.email ?? '' } : null;
		event.locals.db = user ? supabaseUserDb(client) : null;
		event.locals.publicDb = supabaseUserDb(client);
		event.locals.auth = supabaseAuth(client, () =>
			createClient(config.PUBLIC_SUPABASE_URL!, config.PUBLIC_SUPABASE_ANON_KEY!, {
				auth: { persistSession: false, autoRefreshToken: false },
				realtime: { transport: ws as never }
			})
		);
		event.locals.serviceRpc = serviceRpcWithKey;
		return resolve(event, {
			filterSerializedResponseHeaders: (name) =>
				name === 'content-range' || name === 'x-supabase-api-version'
		});
	}
	const db = await ready!;
	const token = event.cookies.get(SESSION_COOKIE);
	const found = token ? await sessionUser(db, token) : null;
	if (token && !found) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	if (found?.expires)
		event.cookies.set(SESSION_COOKIE, token!, cookieOptions(event.url, found.expires));
	event.locals.user = found?.user ?? null;
	event.locals.db = found ? db.forUser(found.user.id) : null;
	event.locals.publicDb = event.locals.db ?? db.anon();
	event.locals.auth = localAuth(db, event.cookies, event.url, clientAddress(event));
	event.locals.serviceRpc = (name, args) => db.serviceRpc(name, args);
	return resolve(event);
};

/**
 * The client's address, for sign-in throttling. Vite's dev server throws when the browser has
 * already dropped the connection (a page reloaded while it loaded); that request must not become
 * a 500, and no answer reaches anyone, so it is throttled under one shared name.
 */
function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Supabase mode: attempts are recorded with the service-role key, which never leaves the server. */
const serviceClient = config.SUPABASE_SERVICE_ROLE_KEY
	? createClient<Database>(config.PUBLIC_SUPABASE_URL!, config.SUPABASE_SERVICE_ROLE_KEY, {
			auth: { persistSession: false },
			realtime: { transport: ws as never }
		})
	: null;
const serviceRpcWithKey: ServiceRpc = async (name, args) => {
	if (!serviceClient)
		throw new Error('Recording quiz attempts on Supabase needs SUPABASE_SERVICE_ROLE_KEY.');
	return supabaseUserDb(serviceClient).rpc(name, args);
};

const PRIVATE = ['/account', '/review', '/portfolio'];

/** Pages that need an account send visitors to sign in, and back afterwards. */
const guard: Handle = async ({ event, resolve }) => {
	const path = unlocalizedPath(event.url.pathname);
	if (PRIVATE.some((p) => path === p || path.startsWith(p + '/')))
		signedIn(event.locals, event.url.pathname + event.url.search);
	return resolve(event);
};

/** The colour theme chosen on this browser, written on <html> before the page leaves the server. */
const theme: Handle = async ({ event, resolve }) => {
	const chosen = parseTheme(event.cookies.get(THEME_COOKIE));
	event.locals.theme = chosen;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('data-theme="system"', `data-theme="${chosen}"`)
	});
};

export const handle = sequence(
	counted,
	compress,
	securityHeaders,
	origin(privateEnv.ORIGIN || undefined),
	requestGuard,
	language,
	theme,
	session,
	guard
);
