import type { Role } from '../../src/lib/shared/roles.ts';
import type { DocumentKind } from '../../src/lib/shared/document-names.ts';

/** What the auth extension learns about a connection; every later hook reads it from here. */
export type CollabContext = {
	userId: string;
	userName: string;
	role: Role;
	reviewId: string;
	documentKind: DocumentKind;
	sessionId: string;
};
