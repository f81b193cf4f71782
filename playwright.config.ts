import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './tests/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// With DATABASE_URL (CI), the flows that write — accounts, quizzes, portfolios — run a second time
// against a server on PostgreSQL, in a database made empty for the run.
const PG_PORT = PORT + 1;
const ADMIN_URL = process.env.DATABASE_URL;
const pgUrl = (() => {
	if (!ADMIN_URL) return null;
	const url = new URL(ADMIN_URL);
	url.pathname = '/jalons_e2e';
	return url.toString();
})();
// Each run starts from an empty embedded database.
const DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'jalons-e2e-'));

// Credentials are signed in the e2e run, so the signing path of the built app is tested; the tests
// read the public key from /issuer.
const ISSUER_KEY = generateKeyPairSync('ed25519')
	.privateKey.export({ format: 'pem', type: 'pkcs8' })
	.toString();

// The e2e tests drive Debian's Chromium (Playwright's own browser download is not available
// here) against the built app, served as users get it: `node build`.
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Two workers on two cores, beside the app servers: every test is small (one page, one flow), and
	// the budgets below are for a busy machine, not a quiet one — a test must never depend on speed.
	workers: 2,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		actionTimeout: 20_000,
		navigationTimeout: 45_000,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: chromiumLaunch
			}
		},
		...(pgUrl
			? [
					{
						name: 'chromium-postgres',
						testMatch: /(accounts|attempts|quiz|portfolio|leak-scan)\.test\.ts/,
						use: {
							...devices['Desktop Chrome'],
							launchOptions: chromiumLaunch,
							baseURL: `http://127.0.0.1:${PG_PORT}`
						}
					}
				]
			: [])
	],
	webServer: [
		{
			command: 'node build',
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				ORIGIN: `http://127.0.0.1:${PORT}`,
				DATA_DIR,
				DATABASE_URL: '',
				JALONS_ISSUER_KEY: ISSUER_KEY
			},
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 120_000
		},
		...(pgUrl
			? [
					{
						command: `node scripts/e2e-database.mjs '${ADMIN_URL}' jalons_e2e && node build`,
						env: {
							PORT: String(PG_PORT),
							HOST: '127.0.0.1',
							ORIGIN: `http://127.0.0.1:${PG_PORT}`,
							DATABASE_URL: pgUrl,
							JALONS_ISSUER_KEY: ISSUER_KEY
						},
						url: `http://127.0.0.1:${PG_PORT}/`,
						reuseExistingServer: false,
						timeout: 120_000
					}
				]
			: [])
	]
});
