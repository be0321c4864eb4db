import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
	addParticipant,
	createReviewAs,
	createTestClock,
	createTestServices,
	insertUser,
	uniqueEmail,
	type TestServices
} from '../../tests/helpers/services.ts';
import { AcceptInvitationForm, ChangeRoleForm, InviteForm } from '../../src/lib/shared/forms.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { hashSecret } from '../auth/sessions.ts';
import type { ReviewRow } from '../persistence/reviews.ts';
import type { MembershipChange } from './membership-events.ts';
import { INVITATION_LIFETIME_MS } from './participants.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('participant service', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;
	let admin: SessionUser;
	let review: ReviewRow;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
		admin = insertUser(services, { name: 'Fiona Facilitator', isAdmin: true });
		review = createReviewAs(services, admin);
	});

	afterEach(() => services.cleanup());

	async function invite(
		opts: { email?: string; name?: string; role?: Role; department?: string } = {},
		actor: SessionUser = admin,
		reviewId: string = review.id
	) {
		const input = InviteForm.parse({
			name: opts.name ?? 'Dana Department',
			email: opts.email ?? uniqueEmail('invitee'),
			role: opts.role ?? 'department_head',
			department: opts.department ?? (opts.role === undefined || opts.role === 'department_head' ? 'Operations' : '')
		});
		return await services.participants.invite(actor, reviewId, input);
	}

	async function invited(opts: Parameters<typeof invite>[0] = {}) {
		const result = await invite(opts);
		if (!result.ok) throw new Error(result.error.message);
		return result.value;
	}

	const newUser = (name = 'Dana Department') => AcceptInvitationForm.parse({ name, password: 'a long enough password' });

	const changeRole = async (actor: SessionUser, userId: string, role: Role, department = '') =>
		await services.participants.changeRole(actor, review.id, ChangeRoleForm.parse({ userId, role, department }));

	describe('invitation links', () => {
		it('shows the invitation, then creates the account, joins with the invited role and department, and signs in', async () => {
			const email = uniqueEmail('dana');
			const { token } = await invited({ email, role: 'department_head', department: 'Operations' });

			const view = await services.participants.lookupInvitation(token);
			expect(view.ok).toBe(true);
			if (!view.ok) return;
			expect(view.value.reviewTitle).toBe(review.title);
			expect(view.value.portName).toBe('Port of Testhaven');
			expect(view.value.accountExists).toBe(false);
			expect(view.value.invitation).toMatchObject({ email, role: 'department_head', department: 'Operations' });

			const accepted = await services.participants.acceptAsNewUser(token, newUser('Dana D.'));
			expect(accepted.ok).toBe(true);
			if (!accepted.ok) return;
			expect(accepted.value.reviewId).toBe(review.id);

			const session = await services.sessions.validate(accepted.value.sessionToken);
			expect(session?.user).toMatchObject({ email, name: 'Dana D.', isAdmin: false });
			const userId = session?.user.id ?? '';
			expect(await services.repos.reviews.participant(review.id, userId)).toMatchObject({
				role: 'department_head',
				department: 'Operations',
				email
			});
			expect((await services.reviews.open(userId, review.id)).ok).toBe(true);
			// Accepting signed them in, so People does not say "Never".
			expect((await services.repos.users.findById(userId))?.lastSignInAt).toEqual(expect.any(Number));
		});

		it('stores the new account’s password as an argon2id hash', async () => {
			const { token } = await invited();
			const accepted = await services.participants.acceptAsNewUser(token, newUser());
			if (!accepted.ok) throw new Error(accepted.error.message);
			const userId = (await services.sessions.validate(accepted.value.sessionToken))?.user.id ?? '';
			expect((await services.repos.users.findById(userId))?.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
		});

		it('refuses a link that has already been used', async () => {
			const { token } = await invited();
			expect((await services.participants.acceptAsNewUser(token, newUser())).ok).toBe(true);

			const again = await services.participants.lookupInvitation(token);
			expect(again).toEqual({
				ok: false,
				error: { code: 'expired', message: 'This invitation has already been used. Sign in to open the review.' }
			});
			const secondAccept = await services.participants.acceptAsNewUser(token, newUser('Someone Else'));
			expect(secondAccept.ok ? null : secondAccept.error.code).toBe('expired');
			expect(await services.repos.users.count()).toBe(2);
		});

		it('keeps a link usable until just before 7 days have passed', async () => {
			const { token } = await invited();
			expect(INVITATION_LIFETIME_MS).toBe(7 * DAY);
			clock.advance(7 * DAY - 1);
			expect((await services.participants.lookupInvitation(token)).ok).toBe(true);
		});

		it('refuses a link older than 7 days with a clear message', async () => {
			const { token } = await invited();
			clock.advance(7 * DAY + 1);
			const expected = {
				ok: false,
				error: { code: 'expired', message: 'This invitation has expired. Ask the facilitator for a new one.' }
			};
			expect(await services.participants.lookupInvitation(token)).toEqual(expected);
			expect(await services.participants.acceptAsNewUser(token, newUser())).toEqual(expected);
			expect(await services.repos.users.count()).toBe(1);
		});

		it('refuses a link the facilitator revoked and no longer lists it as pending', async () => {
			const { token, invitation } = await invited();
			expect((await services.participants.pending(review.id)).map((i) => i.id)).toEqual([invitation.id]);

			expect(await services.participants.revoke(admin, review.id, invitation.id)).toEqual({ ok: true, value: true });

			expect(await services.participants.lookupInvitation(token)).toEqual({
				ok: false,
				error: { code: 'expired', message: 'This invitation was withdrawn by the facilitator.' }
			});
			expect(await services.participants.pending(review.id)).toEqual([]);
		});

		it('refuses an unknown or absurdly long link as not valid', async () => {
			for (const token of ['nonsense', '', 'x'.repeat(5000)]) {
				const result = await services.participants.lookupInvitation(token);
				expect(result.ok ? null : result.error.code).toBe('not_found');
			}
		});

		it('stores only the SHA-256 of the invitation token', async () => {
			const { token } = await invited();
			const rows = services.db.prepare('SELECT * FROM invitations').all() as Array<Record<string, unknown>>;
			expect(rows).toHaveLength(1);
			const stored = rows[0].token_hash as Buffer;
			expect(stored.byteLength).toBe(32);
			expect(new Uint8Array(stored)).toEqual(hashSecret(token));
			for (const value of Object.values(rows[0])) {
				const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
				expect(text).not.toContain(token);
			}
		});

		it('sends an existing account to sign in instead of creating a second one', async () => {
			const existing = insertUser(services, { name: 'Sam Security' });
			const { token } = await invited({ email: existing.email, role: 'security_manager' });

			const view = await services.participants.lookupInvitation(token);
			expect(view.ok && view.value.accountExists).toBe(true);
			const result = await services.participants.acceptAsNewUser(token, newUser());
			expect(result.ok ? null : result.error.code).toBe('conflict');
			expect((await services.participants.lookupInvitation(token)).ok).toBe(true);
		});

		it('lets the signed-in invitee accept, whatever the case of their email', async () => {
			const existing = insertUser(services, { name: 'Sam Security', email: uniqueEmail('Sam').toUpperCase() });
			const { token } = await invited({ email: existing.email, role: 'security_manager' });

			expect(await services.participants.acceptAsSignedIn(token, existing)).toEqual({ ok: true, value: { reviewId: review.id } });
			expect(await services.reviews.roleOf(review.id, existing.id)).toBe('security_manager');
		});

		it('refuses a signed-in account with a different email and leaves the link usable', async () => {
			const intended = uniqueEmail('intended');
			const { token } = await invited({ email: intended });
			const stranger = insertUser(services, { name: 'Stranger' });

			const result = await services.participants.acceptAsSignedIn(token, stranger);
			expect(result).toEqual({
				ok: false,
				error: { code: 'forbidden', message: `This invitation is for ${intended}. Sign out and sign in with that account.` }
			});
			expect(await services.reviews.roleOf(review.id, stranger.id)).toBeNull();
			expect((await services.participants.lookupInvitation(token)).ok).toBe(true);
		});

		it('refuses to invite someone who is already a participant', async () => {
			const member = insertUser(services, { name: 'Olga Observer' });
			addParticipant(services, review.id, member, 'observer');
			const result = await invite({ email: member.email.toUpperCase(), role: 'security_manager' });
			expect(result).toEqual({
				ok: false,
				error: { code: 'conflict', message: 'Olga Observer is already a participant of this review.', field: 'email' }
			});
			expect(await services.participants.pending(review.id)).toEqual([]);
		});

		it('announces a new participant, so open connections pick up the new rights', async () => {
			const changes: MembershipChange[] = [];
			services.membership.subscribe((c) => changes.push(c));
			const { token } = await invited();
			const accepted = await services.participants.acceptAsNewUser(token, newUser());
			if (!accepted.ok) throw new Error(accepted.error.message);
			const userId = (await services.sessions.validate(accepted.value.sessionToken))?.user.id;
			expect(changes).toEqual([{ type: 'role_changed', reviewId: review.id, userId }]);
		});

		it('accepting a leftover invitation cannot demote the review’s last facilitator', async () => {
			// Two links for the same person, e.g. a facilitator role and an earlier observer invite.
			const bob = insertUser(services, { name: 'Bob' });
			const asFacilitator = await invited({ email: bob.email, role: 'facilitator' });
			const asObserver = await invited({ email: bob.email, role: 'observer' });
			expect((await services.participants.acceptAsSignedIn(asFacilitator.token, bob)).ok).toBe(true);
			expect((await services.participants.remove(bob, review.id, admin.id)).ok).toBe(true);

			await services.participants.acceptAsSignedIn(asObserver.token, bob);

			expect(await services.repos.reviews.countWithRole(review.id, 'facilitator')).toBeGreaterThanOrEqual(1);
		});
	});

	describe('who may manage participants', () => {
		let head: SessionUser;

		beforeEach(() => {
			head = insertUser(services, { name: 'Hugo Head' });
			addParticipant(services, review.id, head, 'department_head', 'Operations');
		});

		it('forbids a department head to invite, change roles, remove or revoke', async () => {
			const { invitation } = await invited();
			const forbidden = { ok: false, error: { code: 'forbidden', message: 'Only a facilitator can manage participants.' } };

			expect(await invite({}, head)).toEqual(forbidden);
			expect(await changeRole(head, head.id, 'facilitator')).toEqual(forbidden);
			expect(await services.participants.remove(head, review.id, admin.id)).toEqual(forbidden);
			expect(await services.participants.revoke(head, review.id, invitation.id)).toEqual(forbidden);

			expect(await services.reviews.roleOf(review.id, head.id)).toBe('department_head');
			expect(await services.reviews.roleOf(review.id, admin.id)).toBe('facilitator');
			expect(await services.participants.pending(review.id)).toHaveLength(1);
		});

		it('answers not found to someone outside the review, so reviews cannot be probed', async () => {
			const outsider = insertUser(services, { name: 'Otto Outsider', isAdmin: true });
			const result = await invite({}, outsider);
			expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'Review not found.' } });
			const unknownReview = await invite({}, admin, 'no-such-review');
			expect(unknownReview.ok ? null : unknownReview.error.code).toBe('not_found');
		});

		it('lets the facilitator change a role and department', async () => {
			expect(await changeRole(admin, head.id, 'security_manager')).toEqual({ ok: true, value: true });
			expect(await services.repos.reviews.participant(review.id, head.id)).toMatchObject({ role: 'security_manager', department: null });
		});

		it('refuses to change the role of someone who is not a participant', async () => {
			const outsider = insertUser(services);
			const result = await changeRole(admin, outsider.id, 'observer');
			expect(result.ok ? null : result.error.code).toBe('not_found');
		});

		it('lets the facilitator remove a participant, who then no longer sees the review', async () => {
			expect(await services.participants.remove(admin, review.id, head.id)).toEqual({ ok: true, value: true });
			expect((await services.reviews.open(head.id, review.id)).ok).toBe(false);
			const again = await services.participants.remove(admin, review.id, head.id);
			expect(again.ok ? null : again.error.code).toBe('not_found');
		});

		it('does not let a facilitator revoke another review’s invitation through their own review', async () => {
			const otherAdmin = insertUser(services, { isAdmin: true });
			const otherReview = createReviewAs(services, otherAdmin, 'Other port');
			const foreign = await invite({}, otherAdmin, otherReview.id);
			if (!foreign.ok) throw new Error(foreign.error.message);

			const result = await services.participants.revoke(admin, review.id, foreign.value.invitation.id);
			expect(result.ok ? null : result.error.code).toBe('not_found');
			expect((await services.participants.lookupInvitation(foreign.value.token)).ok).toBe(true);
		});
	});

	describe('the last facilitator', () => {
		it('cannot be demoted', async () => {
			const result = await changeRole(admin, admin.id, 'observer');
			expect(result).toEqual({
				ok: false,
				error: {
					code: 'conflict',
					message: 'A review needs at least one facilitator. Make someone else facilitator first.',
					field: 'role'
				}
			});
			expect(await services.reviews.roleOf(review.id, admin.id)).toBe('facilitator');
		});

		it('cannot be removed', async () => {
			const result = await services.participants.remove(admin, review.id, admin.id);
			expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'A review needs at least one facilitator.' } });
			expect(await services.reviews.roleOf(review.id, admin.id)).toBe('facilitator');
		});

		it('can step down once someone else is facilitator too', async () => {
			const second = insertUser(services, { name: 'Second Facilitator' });
			addParticipant(services, review.id, second, 'facilitator');
			expect((await changeRole(admin, admin.id, 'observer')).ok).toBe(true);
			expect(await services.reviews.roleOf(review.id, admin.id)).toBe('observer');
			expect((await services.participants.remove(second, review.id, admin.id)).ok).toBe(true);
		});
	});

	describe('membership events', () => {
		it('announces a role change and a removal to subscribers', async () => {
			const member = insertUser(services, { name: 'Mia Member' });
			addParticipant(services, review.id, member, 'observer');
			const changes: MembershipChange[] = [];
			services.membership.subscribe((c) => changes.push(c));

			await changeRole(admin, member.id, 'accountable_manager');
			await services.participants.remove(admin, review.id, member.id);

			expect(changes).toEqual([
				{ type: 'role_changed', reviewId: review.id, userId: member.id },
				{ type: 'removed', reviewId: review.id, userId: member.id }
			]);
		});

		it('announces nothing when a change is refused', async () => {
			const changes: MembershipChange[] = [];
			services.membership.subscribe((c) => changes.push(c));
			await changeRole(admin, admin.id, 'observer');
			await services.participants.remove(admin, review.id, admin.id);
			expect(changes).toEqual([]);
		});

		it('stops notifying a listener after it unsubscribes', async () => {
			const member = insertUser(services);
			addParticipant(services, review.id, member, 'observer');
			const changes: MembershipChange[] = [];
			const unsubscribe = services.membership.subscribe((c) => changes.push(c));
			unsubscribe();
			await services.participants.remove(admin, review.id, member.id);
			expect(changes).toEqual([]);
		});
	});
});
