// Input schemas shared by the browser (inline messages) and the server (the real check).
import { z } from 'zod';
import { ROLES } from './roles.ts';
import { REVIEW_KINDS } from './review-kinds.ts';
import { m } from '../paraglide/messages.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// Messages are functions (zod 4's `error: () => …`), so each parse speaks the reader's language.
type Message = () => string;

const trimmed = (max: number, required: Message, tooLong: Message) =>
	z
		.string({ error: required })
		.trim()
		.min(1, { error: required })
		.max(max, { error: tooLong });

export const emailField = z
	.string({ error: () => m.pages_form_email_required() })
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: () => m.pages_form_email_invalid() }).max(254, { error: () => m.pages_form_email_too_long() }));

export const passwordField = z
	.string({ error: () => m.pages_form_password_required() })
	.min(PASSWORD_MIN_LENGTH, { error: () => m.pages_form_password_too_short({ count: PASSWORD_MIN_LENGTH }) })
	.max(PASSWORD_MAX_LENGTH, { error: () => m.pages_form_password_too_long({ count: PASSWORD_MAX_LENGTH }) });

export const personName = trimmed(120, () => m.pages_form_name_required(), () => m.pages_form_name_too_long({ count: 120 }));

export const SetupForm = z.object({ name: personName, email: emailField, password: passwordField });

export const LoginForm = z.object({
	email: emailField,
	password: z.string({ error: () => m.pages_form_password_required() }).min(1, { error: () => m.pages_form_password_required() })
});

const isoDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.pages_form_date_format() })
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
		error: () => m.pages_form_date_not_real()
	});

export const CreateReviewForm = z.object({
	title: trimmed(200, () => m.pages_form_title_required(), () => m.pages_form_title_too_long({ count: 200 })),
	portName: trimmed(200, () => m.pages_form_port_required(), () => m.pages_form_port_too_long({ count: 200 })),
	portCountry: trimmed(100, () => m.pages_form_country_required(), () => m.pages_form_country_too_long({ count: 100 })),
	kind: z.enum(REVIEW_KINDS, { error: () => m.pages_form_kind_required() }),
	scheduledOn: z.union([z.literal('').transform(() => null), isoDate]).nullable().default(null),
	framework: z.string().trim().min(1, { error: () => m.pages_form_framework_required() })
});

const department = z
	.string()
	.trim()
	.max(120, { error: () => m.pages_form_department_too_long({ count: 120 }) })
	.transform((s) => (s === '' ? null : s))
	.nullable()
	.default(null);

const withDepartmentRule = <T extends { role: string; department: string | null }>(value: T, ctx: z.RefinementCtx) => {
	if (value.role === 'department_head' && !value.department) {
		ctx.addIssue({ code: 'custom', path: ['department'], message: m.pages_form_department_required() });
	}
};

export const InviteForm = z
	.object({
		name: personName,
		email: emailField,
		role: z.enum(ROLES, { error: () => m.pages_form_role_required() }),
		department
	})
	.superRefine(withDepartmentRule);

export const ChangeRoleForm = z
	.object({
		userId: z.string().min(1),
		role: z.enum(ROLES, { error: () => m.pages_form_role_required() }),
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
