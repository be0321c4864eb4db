import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import {
	addParticipant,
	createReviewAs,
	createTestClock,
	createTestServices,
	FRAMEWORK_REF,
	insertUser,
	type TestServices
} from '../../tests/helpers/services.ts';
import { CreateReviewForm } from '../../src/lib/shared/forms.ts';
import { DEFAULT_FRAMEWORK } from '../../src/lib/shared/framework/index.ts';
import type { SessionUser } from '../auth/sessions.ts';

describe('review service', () => {
	let clock: ReturnType<typeof createTestClock>;
	let services: TestServices;
	let admin: SessionUser;

	beforeEach(() => {
		clock = createTestClock();
		services = createTestServices({ now: clock.now });
		admin = insertUser(services, { name: 'Ada Admin', isAdmin: true });
	});

	afterEach(() => services.cleanup());

	const form = (overrides: Record<string, unknown> = {}) =>
		CreateReviewForm.parse({
			title: 'Harbour GAP analysis',
			portName: 'Port of Testhaven',
			portCountry: 'Nowhere',
			kind: 'self_assessment',
			scheduledOn: '2026-12-01',
			framework: FRAMEWORK_REF,
			...overrides
		});

	it('lets an administrator create a review, who becomes its facilitator', async () => {
		const result = await services.reviews.create(admin, form());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toMatchObject({
			title: 'Harbour GAP analysis',
			portName: 'Port of Testhaven',
			portCountry: 'Nowhere',
			kind: 'self_assessment',
			scheduledOn: '2026-12-01',
			frameworkId: DEFAULT_FRAMEWORK.id,
			frameworkVersion: DEFAULT_FRAMEWORK.version,
			createdBy: admin.id,
			createdAt: clock.now()
		});
		expect(await services.repos.reviews.findById(result.value.id)).toEqual(result.value);
		expect(await services.reviews.roleOf(result.value.id, admin.id)).toBe('facilitator');
	});

	it('refuses a review from someone who is not an administrator', async () => {
		const user = insertUser(services, { name: 'Nora Normal' });
		const result = await services.reviews.create(user, form());
		expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Creating reviews needs the reviewer right. Ask an administrator to add you to the facilitator pool.' } });
		expect(await services.reviews.listFor(user.id)).toEqual([]);
		expect(services.db.prepare('SELECT COUNT(*) AS n FROM reviews').get()).toEqual({ n: 0 });
	});

	it('refuses an unknown or malformed framework reference on the framework field', async () => {
		for (const framework of ['psems-gap@9.9', 'no-such-framework@1.0', 'psems-gap', '@1.0', 'PSEMS@1.0']) {
			const result = await services.reviews.create(admin, form({ framework }));
			expect(result, framework).toEqual({
				ok: false,
				error: { code: 'invalid_input', message: 'Unknown framework version.', field: 'framework' }
			});
		}
		expect(await services.reviews.listFor(admin.id)).toEqual([]);
	});

	it('keeps a review without a scheduled date', async () => {
		const result = await services.reviews.create(admin, form({ scheduledOn: '' }));
		expect(result.ok && result.value.scheduledOn).toBeNull();
	});

	it('lists only the reviews the user takes part in, with their role in each', async () => {
		const mine = createReviewAs(services, admin, 'Mine');
		const otherAdmin = insertUser(services, { isAdmin: true });
		const joined = createReviewAs(services, otherAdmin, 'Joined');
		createReviewAs(services, otherAdmin, 'Not mine');
		addParticipant(services, joined.id, admin, 'observer');

		const listed = await services.reviews.listFor(admin.id);
		expect(listed.map((r) => [r.title, r.myRole]).sort()).toEqual([
			['Joined', 'observer'],
			['Mine', 'facilitator']
		]);
		expect(listed.map((r) => r.id).sort()).toEqual([mine.id, joined.id].sort());
	});

	it('lists nothing for a user in no review', async () => {
		const user = insertUser(services);
		createReviewAs(services, admin);
		expect(await services.reviews.listFor(user.id)).toEqual([]);
	});

	it('opens a review for a participant with their role and the participant list', async () => {
		const review = createReviewAs(services, admin);
		const head = insertUser(services, { name: 'Hugo Head' });
		addParticipant(services, review.id, head, 'department_head', 'Operations');

		const opened = await services.reviews.open(head.id, review.id);
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		expect(opened.value.review).toEqual(review);
		expect(opened.value.role).toBe('department_head');
		expect(opened.value.participants.map((p) => [p.userId, p.role, p.department]).sort()).toEqual(
			[
				[admin.id, 'facilitator', null],
				[head.id, 'department_head', 'Operations']
			].sort()
		);
	});

	it('answers not found to a non-member, the same as for a review that does not exist', async () => {
		const review = createReviewAs(services, admin);
		const outsider = insertUser(services, { isAdmin: true });
		const notFound = { ok: false, error: { code: 'not_found', message: 'Review not found.' } };
		expect(await services.reviews.open(outsider.id, review.id)).toEqual(notFound);
		expect(await services.reviews.open(outsider.id, 'no-such-review')).toEqual(notFound);
		expect(await services.reviews.roleOf(review.id, outsider.id)).toBeNull();
	});
});
