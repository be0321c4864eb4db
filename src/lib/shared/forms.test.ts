import { describe, it, expect } from 'vitest';
import {
	AcceptInvitationForm,
	ChangeRoleForm,
	CreateReviewForm,
	emailField,
	fieldErrors,
	InviteForm,
	LoginForm,
	passwordField,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	SetupForm
} from './forms.ts';
import type { z } from 'zod';

/** The per-field messages a form would show for `input`, or null when it is valid. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string> | null {
	const parsed = schema.safeParse(input);
	return parsed.success ? null : fieldErrors(parsed.error);
}

describe('password rules', () => {
	it('asks for at least 10 and at most 256 characters, with no composition rules', () => {
		expect(PASSWORD_MIN_LENGTH).toBe(10);
		expect(PASSWORD_MAX_LENGTH).toBe(256);
		expect(passwordField.safeParse('aaaaaaaaaa').success).toBe(true);
		expect(passwordField.safeParse('x'.repeat(256)).success).toBe(true);
		expect(passwordField.safeParse('correct horse battery staple').success).toBe(true);
	});

	it('explains a password that is too short', () => {
		expect(errorsOf(SetupForm, { name: 'Ana', email: 'ana@example.test', password: '123456789' })).toEqual({
			password: 'Password must be at least 10 characters.'
		});
	});

	it('explains a password that is too long', () => {
		expect(errorsOf(AcceptInvitationForm, { name: 'Ana', password: 'x'.repeat(257) })).toEqual({
			password: 'Password must be at most 256 characters.'
		});
	});

	it('keeps spaces in passwords as typed', () => {
		expect(AcceptInvitationForm.parse({ name: 'Ana', password: '  spaced out  ' }).password).toBe('  spaced out  ');
	});

	it('only requires some password to sign in, so old short passwords can still be tried', () => {
		expect(LoginForm.parse({ email: 'ana@example.test', password: 'short' }).password).toBe('short');
		expect(errorsOf(LoginForm, { email: 'ana@example.test', password: '' })).toEqual({ password: 'Password is required.' });
	});
});

describe('email field', () => {
	it('trims and lower-cases the address', () => {
		expect(emailField.parse('  Ana.Harbour@Example.TEST ')).toBe('ana.harbour@example.test');
	});

	it('rejects something that is not an email address', () => {
		for (const value of ['not-an-email', 'ana@', '@example.test', 'ana example@test.org']) {
			expect(errorsOf(LoginForm, { email: value, password: 'x' }), value).toEqual({ email: 'Enter a valid email address.' });
		}
	});

	it('asks for an email when it is missing', () => {
		expect(errorsOf(LoginForm, { password: 'x' })).toEqual({ email: 'Email is required.' });
	});

	it('rejects an address longer than 254 characters', () => {
		const long = `${'a'.repeat(60)}@${`${'b'.repeat(60)}.`.repeat(4)}test`;
		expect(long.length).toBeGreaterThan(254);
		expect(errorsOf(LoginForm, { email: long, password: 'x' })).toEqual({ email: 'Email is too long.' });
	});
});

describe('setup form', () => {
	it('trims the name and refuses a blank one', () => {
		expect(SetupForm.parse({ name: '  Ada Admin ', email: 'ada@example.test', password: 'a long password' }).name).toBe('Ada Admin');
		expect(errorsOf(SetupForm, { name: '   ', email: 'ada@example.test', password: 'a long password' })).toEqual({
			name: 'Name is required.'
		});
	});

	it('reports one message per field when several are wrong', () => {
		expect(errorsOf(SetupForm, {})).toEqual({
			name: 'Name is required.',
			email: 'Email is required.',
			password: 'Password is required.'
		});
	});
});

describe('invitation and role forms', () => {
	it('requires a department for a department head', () => {
		expect(errorsOf(InviteForm, { name: 'Dana', email: 'dana@example.test', role: 'department_head', department: '  ' })).toEqual({
			department: 'A department head needs a department.'
		});
		expect(errorsOf(ChangeRoleForm, { userId: 'u1', role: 'department_head' })).toEqual({
			department: 'A department head needs a department.'
		});
	});

	it('keeps a department head’s trimmed department', () => {
		const parsed = InviteForm.parse({ name: 'Dana', email: 'Dana@Example.test', role: 'department_head', department: ' Operations ' });
		expect(parsed).toEqual({ name: 'Dana', email: 'dana@example.test', role: 'department_head', department: 'Operations' });
	});

	it('stores no department when other roles leave it empty', () => {
		expect(InviteForm.parse({ name: 'Olga', email: 'olga@example.test', role: 'observer', department: '' }).department).toBeNull();
		expect(ChangeRoleForm.parse({ userId: 'u1', role: 'security_manager' }).department).toBeNull();
	});

	it('refuses a role that does not exist', () => {
		expect(errorsOf(InviteForm, { name: 'Eve', email: 'eve@example.test', role: 'admin' })).toEqual({ role: 'Choose a role.' });
	});
});

describe('create review form', () => {
	const valid = {
		title: 'Harbour GAP analysis',
		portName: 'Port of Testhaven',
		portCountry: 'Nowhere',
		kind: 'independent_review',
		framework: 'psems-gap@1.0'
	};

	it('accepts a real date and trims it', () => {
		expect(CreateReviewForm.parse({ ...valid, scheduledOn: ' 2026-12-01 ' }).scheduledOn).toBe('2026-12-01');
		expect(CreateReviewForm.parse({ ...valid, scheduledOn: '2028-02-29' }).scheduledOn).toBe('2028-02-29');
	});

	it('turns an empty or missing scheduled date into no date', () => {
		expect(CreateReviewForm.parse({ ...valid, scheduledOn: '' }).scheduledOn).toBeNull();
		expect(CreateReviewForm.parse({ ...valid, scheduledOn: null }).scheduledOn).toBeNull();
		expect(CreateReviewForm.parse(valid).scheduledOn).toBeNull();
	});

	it('rejects a date that does not exist on the calendar', () => {
		for (const date of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) {
			expect(errorsOf(CreateReviewForm, { ...valid, scheduledOn: date }), date).toEqual({ scheduledOn: 'That is not a real date.' });
		}
	});

	it('rejects a date not written as YYYY-MM-DD', () => {
		for (const date of ['tomorrow', '01/12/2026', '2026-1-5', '2026-12-01T10:00']) {
			expect(errorsOf(CreateReviewForm, { ...valid, scheduledOn: date }), date).toEqual({
				scheduledOn: 'Enter a date as YYYY-MM-DD.'
			});
		}
	});

	it('requires a title, port, country, kind and framework', () => {
		expect(errorsOf(CreateReviewForm, { title: ' ', portName: '', portCountry: '', kind: 'audit', framework: ' ' })).toEqual({
			title: 'Title is required.',
			portName: 'Port authority is required.',
			portCountry: 'Country is required.',
			kind: 'Choose the kind of review.',
			framework: 'Choose a framework version.'
		});
	});

	it('limits the title to 200 characters', () => {
		expect(errorsOf(CreateReviewForm, { ...valid, title: 'x'.repeat(201) })).toEqual({ title: 'Title must be at most 200 characters.' });
	});
});
