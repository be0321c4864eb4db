// How the interface's messages (messages/<area>/<locale>.json) compile into src/lib/paraglide.
// One object for the Vite plugin (dev, build, vitest) and for `npm run i18n` (svelte-check and
// the server's own imports run before Vite does).
//
// The locale is decided once per request on the server (src/lib/server/i18n.ts): the person's
// saved choice, else the language a signed-out visitor picked (our own cookie), else the
// browser's Accept-Language, else English. The browser never decides again: its "custom-page"
// strategy reads the locale the server wrote on <html>, so hydration always matches the page.
// Paraglide's own "cookie" strategy is left out on purpose: its browser runtime writes the
// locale it resolved into that cookie on the first page, which would turn a browser's language
// into a saved choice that no later Accept-Language could change.
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['custom-page', 'preferredLanguage', 'baseLocale'],
	emitGitIgnore: true
} as const;
