// The optional second wall around the append-only tables. The triggers of migration 3 refuse
// UPDATE, DELETE and TRUNCATE for everyone, but the tables' owner can drop or disable a trigger
// (and a superuser can skip them with session_replication_role). An operator who runs the
// migrations as the database owner (no superuser needed: migrate.test.ts) and the service as a
// separate, non-owner application role removes that power from the service:
//
//   CREATE ROLE psems_app LOGIN PASSWORD '...';   -- as the owner, after migratePostgres
//   then the SQL of appRoleGrantsSql('psems_app'), or restrictAppRole(ownerClient, 'psems_app')
//
// After that the application role can read and write the mutable tables and only SELECT and
// INSERT the append-only ones; a compromised instance can neither rewrite nor erase the record.
// Re-run it after each new migration that adds a table (grants are per table, not per schema).
import type pg from 'pg';

/** Protected by migration 3's triggers; the same three tables SQLite protects. */
export const APPEND_ONLY_TABLES = ['snapshots', 'signatures', 'audit_log'] as const;

/** Grants for a non-owner application role: everything the service needs, nothing more on the record. */
export function appRoleGrantsSql(role: string, schema = 'public'): string {
	const who = quoteIdentifier(role);
	const where = quoteIdentifier(schema);
	return [
		`GRANT USAGE ON SCHEMA ${where} TO ${who};`,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${where} TO ${who};`,
		// The identity columns (update_log.seq, mail_outbox.id) draw from sequences.
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${where} TO ${who};`,
		`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.map((t) => `${where}.${t}`).join(', ')} FROM ${who};`,
		// Migrations are the owner's: the service only reads which have run (migratePostgres is then a no-op).
		`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${where}.schema_migrations FROM ${who};`
	].join('\n');
}

/** Applies appRoleGrantsSql in the connection's current schema (run it as the tables' owner). */
export async function restrictAppRole(client: pg.ClientBase, role: string): Promise<void> {
	const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
	await client.query(appRoleGrantsSql(role, rows[0].schema));
}

function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}
