// Offline support for a workshop on unreliable port wifi. Edits themselves are kept by the Yjs
// IndexedDB cache; this worker keeps the pages, so a participant who reloads while offline gets
// the review back (with their unsent edits) instead of a browser error page.
//
// Static build files: cache first (they are content-hashed). Pages and their data: network
// first, falling back to the last copy seen, so nothing stale is shown while the server answers.
// Cached pages are deleted when the user signs out (see +layout.svelte).
import { self } from '$app/service-worker';
import { immutable, assets } from '$app/manifest';
import { version } from '$app/env';
import { PAGE_CACHE } from '#lib/shared/offline.ts';

// Type-checked with the WebWorker library by tsconfig.service-worker.json (npm run check).
const worker = self;
const STATIC_CACHE = `psems-static-${version}`;
const STATIC_PATHS = new Set([...immutable, ...assets].map((entry) => `/${entry.path.replace(/^\//, '')}`));

worker.addEventListener('install', (event) => {
	event.waitUntil(
		worker.caches
			.open(STATIC_CACHE)
			.then((cache) => cache.addAll([...STATIC_PATHS]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		worker.caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k.startsWith('psems-static-') && k !== STATIC_CACHE).map((k) => worker.caches.delete(k))))
			.then(() => worker.clients.claim())
			.then(() => keepOpenPages())
	);
});

/**
 * The page that installed this worker was loaded before the worker existed, so it is not cached
 * yet; fetch the open pages once now, so the very first reload can already happen offline.
 */
async function keepOpenPages(): Promise<void> {
	const cache = await worker.caches.open(PAGE_CACHE);
	const windows = await worker.clients.matchAll({ type: 'window' });
	await Promise.all(
		windows.map(async ({ url }) => {
			const page = new URL(url);
			if (page.origin !== worker.location.origin) return;
			page.hash = '';
			try {
				const response = await fetch(page.href, { credentials: 'same-origin' });
				if (response.ok && !response.redirected) await cache.put(new Request(page.href), response);
			} catch {
				// Offline already: nothing to keep.
			}
		})
	);
}

function isPageOrData(request: Request, url: URL): boolean {
	return request.mode === 'navigate' || url.pathname.endsWith('/__data.json');
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin || url.pathname === '/collab' || url.pathname === '/healthz') return;

	if (STATIC_PATHS.has(url.pathname)) {
		event.respondWith(
			worker.caches.open(STATIC_CACHE).then(async (cache) => (await cache.match(request)) ?? fetch(request))
		);
		return;
	}
	if (!isPageOrData(request, url)) return;
	event.respondWith(
		(async () => {
			const cache = await worker.caches.open(PAGE_CACHE);
			try {
				const response = await fetch(request);
				// Only complete, successful pages are worth showing offline later.
				if (response.ok && !response.redirected && response.type === 'basic') await cache.put(request, response.clone());
				return response;
			} catch (offline) {
				const cached = await cache.match(request);
				if (cached) return cached;
				throw offline;
			}
		})()
	);
});
