// The only door from the SvelteKit app to server/. Services are built once per process by the
// custom server (or the Vite dev plugin) and read from the process-wide registry here, so the
// app never opens a second database connection.
export { getServices } from '../../../server/registry.ts';
export type { Services } from '../../../server/services.ts';
export type { SessionUser } from '../../../server/auth/sessions.ts';
export { SESSION_COOKIE } from '../../../server/auth/sessions.ts';
export { may, documentAccess, mayCreateReview, type ReviewAction } from '../../../server/auth/policy.ts';
