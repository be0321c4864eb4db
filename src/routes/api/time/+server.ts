// The server's clock, for clients that count down the room timer: they time a few round trips
// here and correct their own clock by the offset (see server-clock.svelte.ts). Public and
// harmless: the time of day is no secret, and the page needs it before anything else.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json({ now: Date.now() }, { headers: { 'cache-control': 'no-store' } });
