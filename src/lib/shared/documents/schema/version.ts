// The schema version each document carries in its `meta` map, and the migrations that bring an
// older document up to date. The server runs them when it loads a document, before any client
// syncs it (server/collab), so every client receives the current shape; a freeze that reads a
// stored document runs them on its copy. Every step is deterministic (the same document gives the
// same writes), so two processes that migrate the same document at once write the same values.
import type * as Y from 'yjs';

export const META_KEY = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** What Yjs passes as the transaction origin of a migration (listeners can tell it apart). */
export const MIGRATION_ORIGIN = Symbol('psems-schema-migration');

export type Migration = {
	/** The version the document has after this step. */
	to: number;
	about: string;
	run(doc: Y.Doc): void;
};

export type DocumentSchema = {
	kind: 'workspace' | 'reviewer';
	version: number;
	/** In ascending `to` order, ending at `version`. */
	migrations: readonly Migration[];
};

/** Documents written before versions existed (the `meta` map was never filled) are version 1. */
export function schemaVersionOf(doc: Y.Doc): number {
	const stored = doc.getMap<unknown>(META_KEY).get(SCHEMA_VERSION_KEY);
	return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 ? stored : 1;
}

export type MigrationOutcome = { from: number; to: number; ran: string[] };

/**
 * Runs every step the document has not had, in one transaction, and writes the new version.
 * A document from a newer release (version above ours) is left alone: readers are tolerant, and
 * writing an older version into it would make the newer release migrate it again.
 */
export function migrateDocument(doc: Y.Doc, schema: DocumentSchema): MigrationOutcome {
	const from = schemaVersionOf(doc);
	const pending = schema.migrations.filter((m) => m.to > from && m.to <= schema.version);
	if (from >= schema.version) return { from, to: from, ran: [] };
	doc.transact(() => {
		for (const step of pending) step.run(doc);
		doc.getMap<unknown>(META_KEY).set(SCHEMA_VERSION_KEY, schema.version);
	}, MIGRATION_ORIGIN);
	return { from, to: schema.version, ran: pending.map((m) => m.about) };
}
