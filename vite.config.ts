import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogCheck } from './scripts/vite-catalog-plugin';
import { i18nMessages } from './scripts/vite-i18n-plugin';

export default defineConfig({
	plugins: [i18nMessages(), catalogCheck(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
		expect: { requireAssertions: true },
		environment: 'node',
		// Budgets for a busy 2-core machine (bcrypt, three engines, PostgreSQL beside): a test must
		// never depend on speed.
		testTimeout: 120_000,
		hookTimeout: 240_000
	}
});
