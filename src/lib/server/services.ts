// The only door from the SvelteKit app to server/. Services are built once per process by the
// custom server (or the Vite dev plugin) and kept in the process-wide registry; hooks.server.ts
// reads them there once per request and hands them on as event.locals.services, so routes never
// reach for the registry themselves and the app never opens a second database connection.
export { getServices } from '../../../server/registry.ts';
export type { Services } from '../../../server/services.ts';
export type { SessionUser } from '../../../server/auth/sessions.ts';
export { SESSION_COOKIE } from '../../../server/auth/sessions.ts';
export { OIDC_STATE_COOKIE } from '../../../server/auth/oidc.ts';
export { PASSWORD_SIGN_IN_OFF } from '../../../server/auth/accounts.ts';
