import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { defineConfig } from 'vitest/config';
import { collabDevServer } from './server/vite-plugin.ts';

export default defineConfig({
	plugins: [
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
