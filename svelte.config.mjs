// Svelte compiler options for tools that read a Svelte config (svelte-check, editors).
// SvelteKit 3 refuses svelte.config.js/.ts (its options moved to the `sveltekit()` call in
// vite.config.ts, which repeats these compiler options), so this file uses the .mjs name.
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
	compilerOptions: { runes: true }
};
