// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AuthService } from '$lib/server/auth';
import type { UserDb } from '$lib/server/db/types';
import type { ServiceRpc } from '$lib/server/rpc';
import type { Mode } from '$lib/server/env';
import type { IncomingMessage } from 'node:http';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		/** What adapter-node passes: the Node request (absent under `vite dev` and in unit tests). */
		interface Platform {
			req?: IncomingMessage;
		}
		interface Locals {
			mode: Mode;
			/** The colour theme chosen on this browser (cookie), `system` when none. */
			theme: import('$lib/theme').Theme;
			/** The page's language, from its URL: French under /fr/, English elsewhere. */
			locale: import('$lib/i18n').Locale;
			/** The app's public origin, for links it hands out (see src/lib/server/origin.ts). */
			origin: string;
			/** The signed-in user, or null for a visitor. */
			user: { id: string; email: string } | null;
			/** The database as the signed-in user sees it (RLS applies); null for a visitor. */
			db: UserDb | null;
			/** The database as anyone sees it: the user's when signed in, else `anon`. Public functions only. */
			publicDb: UserDb;
			auth: AuthService;
			/** Service-only functions (recording graded attempts, scheduling reviews), as service_role. */
			serviceRpc: ServiceRpc;
		}
	}
}

export {};
