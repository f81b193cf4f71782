import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './tests/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);
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
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// CI runs two workers against one server on two cores: give assertions room under that load.
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: chromiumLaunch
			}
		}
	],
	webServer: {
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
		timeout: 30_000
	}
});
