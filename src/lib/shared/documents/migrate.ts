// The migration hook for a review's two documents, by kind: run by the server when it loads a
// document, and on a copy read from storage (schema/version.ts says why).
import type * as Y from 'yjs';
import type { DocumentKind } from '../document-names.ts';
import { REVIEWER_SCHEMA } from './reviewer-document.ts';
import { migrateDocument, type MigrationOutcome } from './schema/version.ts';
import { WORKSPACE_SCHEMA } from './workspace.ts';

export function migrateReviewDocument(doc: Y.Doc, kind: DocumentKind): MigrationOutcome {
	return migrateDocument(doc, kind === 'reviewer' ? REVIEWER_SCHEMA : WORKSPACE_SCHEMA);
}
