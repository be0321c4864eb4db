// How the interface's messages (messages/<area>/<locale>.json) compile into src/lib/paraglide.
// One object for the Vite plugin (dev, build, vitest) and for `npm run i18n` (svelte-check and
// the server's own imports run before Vite does).
//
// The locale is decided once per request on the server (src/lib/i18n/request-locale.ts): the
// person's saved choice, else the language cookie a signed-out visitor picked, else the
// browser's Accept-Language, else English. The browser never decides again: its "custom-page"
// strategy reads the locale the server wrote on <html>, so hydration always matches the page.
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['custom-page', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'psems-locale',
	emitGitIgnore: true
} as const;
