// Input schemas shared by the browser (inline messages) and the server (the real check).
import { z } from 'zod';
import { ROLES } from './roles.ts';
import { REVIEW_KINDS } from './review-kinds.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const trimmed = (label: string, max: number) =>
	z
		.string({ error: `${label} is required.` })
		.trim()
		.min(1, { error: `${label} is required.` })
		.max(max, { error: `${label} must be at most ${max} characters.` });

export const emailField = z
	.string({ error: 'Email is required.' })
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: 'Enter a valid email address.' }).max(254, { error: 'Email is too long.' }));

export const passwordField = z
	.string({ error: 'Password is required.' })
	.min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` })
	.max(PASSWORD_MAX_LENGTH, { error: `Password must be at most ${PASSWORD_MAX_LENGTH} characters.` });

export const personName = trimmed('Name', 120);

export const SetupForm = z.object({ name: personName, email: emailField, password: passwordField });

export const LoginForm = z.object({
	email: emailField,
	password: z.string({ error: 'Password is required.' }).min(1, { error: 'Password is required.' })
});

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a date as YYYY-MM-DD.' })
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
		error: 'That is not a real date.'
	});

export const CreateReviewForm = z.object({
	title: trimmed('Title', 200),
	portName: trimmed('Port authority', 200),
	portCountry: trimmed('Country', 100),
	kind: z.enum(REVIEW_KINDS, { error: 'Choose the kind of review.' }),
	scheduledOn: z.union([z.literal('').transform(() => null), isoDate]).nullable().default(null),
	framework: z.string().trim().min(1, { error: 'Choose a framework version.' })
});

const department = z
	.string()
	.trim()
	.max(120, { error: 'Department must be at most 120 characters.' })
	.transform((s) => (s === '' ? null : s))
	.nullable()
	.default(null);

const withDepartmentRule = <T extends { role: string; department: string | null }>(value: T, ctx: z.RefinementCtx) => {
	if (value.role === 'department_head' && !value.department) {
		ctx.addIssue({ code: 'custom', path: ['department'], message: 'A department head needs a department.' });
	}
};

export const InviteForm = z
	.object({
		name: personName,
		email: emailField,
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		department
	})
	.superRefine(withDepartmentRule);

export const ChangeRoleForm = z
	.object({
		userId: z.string().min(1),
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		department
	})
	.superRefine(withDepartmentRule);

export const AcceptInvitationForm = z.object({ name: personName, password: passwordField });

/** First message per field, for showing next to each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		out[key] ??= issue.message;
	}
	return out;
}
