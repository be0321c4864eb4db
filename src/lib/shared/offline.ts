/** The Cache Storage name of pages kept for offline reloads; cleared whenever nobody is signed in. */
export const PAGE_CACHE = 'psems-pages';
