// `npm run i18n`: compiles the interface messages without Vite, for svelte-check and for the server
// modules (mail) that import them before any build has run.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.ts';

await compile({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] });
