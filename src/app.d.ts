import type { SessionUser } from '../server/auth/sessions.ts';
import type { Services } from '../server/services.ts';

declare global {
	namespace App {
		interface Locals {
			/** The process's one set of services, read once per request in hooks.server.ts. */
			services: Services;
			user: SessionUser | null;
			sessionId: string | null;
			/** The interface language of this request (src/lib/server/i18n.ts). */
			locale: import('#lib/i18n/locales.ts').InterfaceLocale;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
