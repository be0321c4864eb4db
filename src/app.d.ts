import type { SessionUser } from '../server/auth/sessions.ts';
import type { Services } from '../server/services.ts';

declare global {
	namespace App {
		interface Locals {
			/** The process's one set of services, read once per request in hooks.server.ts. */
			services: Services;
			user: SessionUser | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
