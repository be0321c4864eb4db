// Field codecs: how one value of a shared Yjs map is read, checked and written. Every client can
// write anything into a workspace document, so reading never trusts a stored value's type: it
// takes what is well-formed, reports the rest as a problem ("<where>: <key> ..."), and never
// throws. Checking is for our own writes: it normalises the input (trim, shorten) and refuses
// what the domain does not allow, with the sentence the form shows next to the field.
import * as Y from 'yjs';
import type * as z from 'zod';
import { isValidScore } from '../../framework/scoring.ts';
import { fail, ok, type Result } from '../../result.ts';
import { m } from '../../../paraglide/messages.js';

/** Problems are diagnostics for logs and tests, not for people: they stay English. */
export type Problems = string[];

/**
 * A sentence for the person whose input was refused. A function, called when the check runs:
 * shapes are module constants evaluated once, so a plain string would be one language forever,
 * while a call speaks the reader's (the browser's, or the request's on the server).
 */
export type Message = () => string;

/** Where a read happens, for problem messages: "interview 3f2a…", "grid A1". */
export type ReadPlace = { problems: Problems; where: string };

export type Field<T> = {
	/** Tolerant read of a stored value (undefined when the key is absent). */
	read(stored: unknown, key: string, at: ReadPlace): T;
	/** Normalises a value about to be written, or refuses it with a message for the user. */
	check(value: T, key: string): Result<T>;
	/** The value to put into the Y.Map. */
	store(value: T): unknown;
	/** Whether the stored value already says `value`: then nothing is written, so a colleague's concurrent edit of the same key is not overwritten by an unchanged one. */
	same(stored: unknown, value: T): boolean;
	/** What a new entry starts with when the creator gives nothing. */
	initial(): T;
	/** Shared types edited in place (rich text, lists of items): created once, never replaced by an update. */
	readonly inPlace?: true;
};

const plainSame = (stored: unknown, value: unknown) => stored === value;
const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 40);

type TextOptions = {
	/** Longer input is cut to this length when written. */
	max?: number;
	/** Stored text longer than this is shortened on read and reported. */
	readMax?: number;
	trim?: boolean;
	/** Refuses blank input with this message. */
	required?: Message;
	/** Refuses input over `max` with this message (instead of cutting it), for text people type on purpose. */
	tooLong?: (length: number) => string;
};

function readText(stored: unknown, key: string, at: ReadPlace, readMax?: number): string {
	if (stored === undefined || stored === null) return '';
	const text = typeof stored === 'string' ? stored : stored instanceof Y.Text ? stored.toString() : null;
	if (text === null) {
		at.problems.push(`${at.where}: ${key} is not text`);
		return '';
	}
	if (readMax !== undefined && text.length > readMax) {
		at.problems.push(`${at.where}: ${key} longer than ${readMax} characters, shortened`);
		return text.slice(0, readMax);
	}
	return text;
}

function checkText(value: string, key: string, options: TextOptions): Result<string> {
	const text = options.trim ? value.trim() : value;
	if (options.required && text.trim() === '') return fail('invalid_input', options.required(), key);
	if (options.max === undefined || text.length <= options.max) return ok(text);
	return options.tooLong ? fail('invalid_input', options.tooLong(text.length), key) : ok(text.slice(0, options.max));
}

/** Plain text ('' when absent). */
export function text(options: TextOptions = {}): Field<string> {
	return {
		read: (stored, key, at) => readText(stored, key, at, options.readMax),
		check: (value, key) => checkText(value, key, options),
		store: (value) => value,
		same: plainSame,
		initial: () => ''
	};
}

/** Text that may be absent: blank is stored and read as null. */
export function optionalText(options: Omit<TextOptions, 'required'> = {}): Field<string | null> {
	return {
		read: (stored, key, at) => readText(stored, key, at, options.readMax) || null,
		check: (value, key) => {
			if (value === null) return ok(null);
			const checked = checkText(value, key, options);
			return checked.ok && checked.value.trim() === '' ? ok(null) : checked;
		},
		store: (value) => value,
		same: plainSame,
		initial: () => null
	};
}

/** Collaborative rich text (tiptap), edited in place; null when the fragment is missing. */
export function richText(): Field<Y.XmlFragment | null> {
	return {
		read: (stored) => (stored instanceof Y.XmlFragment ? stored : null),
		check: (value) => ok(value),
		store: () => new Y.XmlFragment(),
		same: (stored) => stored instanceof Y.XmlFragment,
		initial: () => null,
		inPlace: true
	};
}

/** One of a fixed set of codes; anything else reads as the fallback. */
export function oneOf<T extends string>(allowed: readonly T[], options: { fallback: T; invalid: Message; malformed?: string }): Field<T> {
	const isAllowed = (value: unknown): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);
	return {
		read(stored, key, at) {
			if (stored === undefined || stored === null) return options.fallback;
			if (isAllowed(stored)) return stored;
			at.problems.push(`${at.where}: ${options.malformed ?? `${key} is not one of ${allowed.join(', ')}`}`);
			return options.fallback;
		},
		check: (value, key) => (isAllowed(value) ? ok(value) : fail('invalid_input', options.invalid(), key)),
		store: (value) => value,
		same: plainSame,
		initial: () => options.fallback
	};
}

/** One of a fixed set of codes, or not set (null). */
export function optionalOneOf<T extends string>(allowed: readonly T[], options: { invalid: Message }): Field<T | null> {
	const isAllowed = (value: unknown): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);
	return {
		read(stored, key, at) {
			if (stored === undefined || stored === null) return null;
			if (isAllowed(stored)) return stored;
			at.problems.push(`${at.where}: ${key} is not one of ${allowed.join(', ')}`);
			return null;
		},
		check: (value, key) => (value === null || isAllowed(value) ? ok(value) : fail('invalid_input', options.invalid(), key)),
		store: (value) => value,
		same: plainSame,
		initial: () => null
	};
}

/** A maturity level 0..5, or not scored (null). */
export function score(options: { invalid?: Message } = {}): Field<number | null> {
	const invalid = options.invalid ?? (() => m.documents_score_whole());
	return {
		read(stored, key, at) {
			if (stored === undefined || stored === null) return null;
			if (isValidScore(stored)) return stored;
			at.problems.push(`${at.where}: ${key} has an invalid value ${describe(stored)}`);
			return null;
		},
		check: (value, key) => (value === null || isValidScore(value) ? ok(value) : fail('invalid_input', invalid(), key)),
		store: (value) => value,
		same: plainSame,
		initial: () => null
	};
}

/** A calendar day as YYYY-MM-DD, or none (null; '' is written as null). */
export function date(options: { invalid: Message }): Field<string | null> {
	return {
		read(stored, key, at) {
			if (stored === undefined || stored === null || stored === '') return null;
			if (typeof stored === 'string' && isIsoDate(stored)) return stored;
			at.problems.push(`${at.where}: ${key} is not a date`);
			return null;
		},
		check(value, key) {
			if (value === null || value === '') return ok(null);
			return isIsoDate(value) ? ok(value) : fail('invalid_input', options.invalid(), key);
		},
		store: (value) => value,
		same: plainSame,
		initial: () => null
	};
}

/** An instant in ms since the epoch (creation times); 0 when missing or malformed. */
export function instant(): Field<number> {
	return {
		read: (stored) => (typeof stored === 'number' && Number.isFinite(stored) ? stored : 0),
		check: (value, key) => (Number.isFinite(value) ? ok(value) : fail('invalid_input', m.documents_not_a_time(), key)),
		store: (value) => value,
		same: plainSame,
		initial: () => 0
	};
}

/** Yes or no; anything but `true` reads as no. */
export function flag(): Field<boolean> {
	return {
		read: (stored) => stored === true,
		check: (value) => ok(value === true),
		store: (value) => value,
		same: plainSame,
		initial: () => false
	};
}

/** A set of codes (linked elements) stored as a Y.Array of strings, replaced as a whole when it changes. */
export function codes(): Field<string[]> {
	return {
		read: (stored) => (stored instanceof Y.Array ? [...new Set(stored.toArray().filter((c): c is string => typeof c === 'string'))] : []),
		check: (value) => ok([...new Set(value)]),
		store(value) {
			const list = new Y.Array<string>();
			list.push(value);
			return list;
		},
		same: (stored, value) => stored instanceof Y.Array && JSON.stringify(stored.toArray()) === JSON.stringify(value),
		initial: () => []
	};
}

/**
 * A plain JSON value checked by a zod schema and replaced as a whole (a timer, a focus, a journey).
 * `malformed` names the problem for readers' reports; our own writes are checked before they get
 * here, so a refused write is a slip of ours, answered with a general sentence.
 */
export function plain<T>(schema: z.ZodType<T>, options: { fallback: () => T; malformed: string; read?: (stored: unknown, at: ReadPlace) => T }): Field<T> {
	return {
		read(stored, _key, at) {
			if (stored === undefined || stored === null) return options.fallback();
			if (options.read) return options.read(stored, at);
			const parsed = schema.safeParse(stored);
			if (parsed.success) return parsed.data;
			at.problems.push(`${at.where}: ${options.malformed}`);
			return options.fallback();
		},
		check(value, key) {
			const parsed = schema.safeParse(value);
			return parsed.success ? ok(parsed.data) : fail('invalid_input', m.documents_value_malformed(), key);
		},
		store: (value) => value,
		same: (stored, value) => JSON.stringify(stored) === JSON.stringify(value),
		initial: options.fallback
	};
}

export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
