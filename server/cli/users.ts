// `psems users …`: account administration for an operator locked out of the web UI. Runs on the
// database directly through the same people service as the administration area (same rules:
// never the last administrator; every change audited, with no actor). A deactivation here ends
// the account's sessions at once; sockets already open on a running server close when they next
// authenticate (the server process is not told).
import { loadConfig } from '../config.ts';
import { createServices } from '../services.ts';
import { emailField, personName } from '../../src/lib/shared/forms.ts';
import type { Io } from './commands.ts';

export const USERS_HELP = `psems users: accounts, for an operator (no web sign-in needed)

  psems users list                       Every account: email, name, rights, status
  psems users create <email> <name…> [--admin] [--reviewer]
                                         A new account without a password; prints a reset link to set one
  psems users make-admin <email>         Grant administrator rights
  psems users deactivate <email>         Switch the account off and end its sessions
  psems users reset-link <email>         Print a single-use link (30 minutes) to choose a new password`;

const EXIT = { ok: 0, problems: 1, usage: 64, noInput: 66 } as const;

export async function usersCommand(io: Io, args: string[]): Promise<number> {
	const [sub, ...rest] = args;
	if (!sub || sub === 'help') {
		io.out(USERS_HELP);
		return sub ? EXIT.ok : EXIT.usage;
	}
	const config = loadConfig(io.env);
	const services = createServices(config, { logger: { debug() {}, info() {}, warn() {}, error() {} } });
	try {
		const { people, repos } = services;
		const byEmail = async (email: string | undefined) => {
			const user = email ? await repos.users.findByEmail(email) : null;
			if (!user) io.err(`psems users: no account for ${email ?? '(no email given)'}.`);
			return user;
		};
		const report = (result: { ok: true } | { ok: false; error: { message: string } }, done: string) => {
			if (!result.ok) {
				io.err(`psems users: ${result.error.message}`);
				return EXIT.problems;
			}
			io.out(done);
			return EXIT.ok;
		};
		switch (sub) {
			case 'list': {
				const listed = await people.list(null);
				if (!listed.ok) return EXIT.problems;
				for (const p of listed.value) {
					const rights = [p.isAdmin ? 'admin' : null, p.mayCreateReviews ? 'reviewer' : null].filter(Boolean).join(',') || '-';
					io.out(`${p.email}\t${p.name}\t${rights}\t${p.deactivatedAt === null ? 'active' : 'deactivated'}`);
				}
				return EXIT.ok;
			}
			case 'create': {
				const flags = rest.filter((a) => a.startsWith('--'));
				const [email, ...nameParts] = rest.filter((a) => !a.startsWith('--'));
				const parsedEmail = emailField.safeParse(email ?? '');
				const parsedName = personName.safeParse(nameParts.join(' '));
				if (!parsedEmail.success || !parsedName.success) {
					io.err('psems users create: give an email address and a name, e.g. `psems users create ana@port.example Ana Harbour --reviewer`.');
					return EXIT.usage;
				}
				const created = await people.create(null, { email: parsedEmail.data, name: parsedName.data, isAdmin: flags.includes('--admin'), mayCreateReviews: flags.includes('--reviewer') });
				if (!created.ok) return report(created, '');
				io.out(`psems users: created ${parsedEmail.data}. Set a password within 30 minutes: ${created.value.link}`);
				return EXIT.ok;
			}
			case 'make-admin': {
				const user = await byEmail(rest[0]);
				if (!user) return EXIT.noInput;
				return report(await people.setAdmin(null, user.id, true), `psems users: ${user.email} is an administrator.`);
			}
			case 'deactivate': {
				const user = await byEmail(rest[0]);
				if (!user) return EXIT.noInput;
				return report(await people.deactivate(null, user.id), `psems users: ${user.email} is deactivated; its sessions have ended.`);
			}
			case 'reset-link': {
				const user = await byEmail(rest[0]);
				if (!user) return EXIT.noInput;
				const issued = await people.issueResetLink(null, user.id);
				if (!issued.ok) return report(issued, '');
				io.out(`psems users: a single-use link for ${user.email}, valid 30 minutes: ${issued.value.link}`);
				return EXIT.ok;
			}
			default:
				io.err(`psems users: unknown command "${sub}".\n\n${USERS_HELP}`);
				return EXIT.usage;
		}
	} finally {
		services.close();
	}
}
