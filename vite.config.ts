import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { collabDevServer } from './server/vite-plugin.ts';
import { paraglideOptions } from './scripts/paraglide-options.ts';

export default defineConfig({
	plugins: [
		// Not under vitest: its file watcher keeps the test run from exiting; `npm run i18n` compiles first.
		...(process.env.VITEST ? [] : [paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] })]),
		collabDevServer(),
		sveltekit({
			adapter: adapter(),
			compilerOptions: { runes: true },
			csrf: { trustedOrigins: [] },
			// No unsafe-eval anywhere; styles stay inline-capable for tiptap and Svelte transitions.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'connect-src': ['self'],
					'font-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: true,
		pool: 'forks'
	}
});
