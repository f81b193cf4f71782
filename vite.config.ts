import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogCheck } from './scripts/vite-catalog-plugin';

export default defineConfig({
	plugins: [catalogCheck(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
		expect: { requireAssertions: true },
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
