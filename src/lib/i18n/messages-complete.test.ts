// Paraglide falls back to English in silence when a locale lacks a message, so a missing
// translation would only show as an English phrase on a French screen. This test makes it a
// failure: every locale of every message area has exactly English's keys, and every message
// takes the same inputs ({placeholders}) as its English original.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LOCALES } from './locales.ts';

const MESSAGES_DIR = join(import.meta.dirname, '../../../messages');
const SETTINGS = JSON.parse(readFileSync(join(import.meta.dirname, '../../../project.inlang/settings.json'), 'utf8'));

type MessageFile = Record<string, unknown>;

function read(area: string, locale: string): MessageFile {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(MESSAGES_DIR, area, `${locale}.json`), 'utf8'));
	return messages;
}

/** The inputs a message uses: {name} in a plain message, or the declared inputs of a variant message. */
function inputsOf(message: unknown): string[] {
	if (typeof message === 'string') return [...message.matchAll(/(?<!\\)\{([A-Za-z_][\w]*)\}/g)].map((m) => m[1]).sort();
	if (Array.isArray(message)) {
		const declarations = (message[0] as { declarations?: string[] }).declarations ?? [];
		return declarations.filter((d) => d.startsWith('input ')).map((d) => d.slice('input '.length).trim()).sort();
	}
	return [];
}

const areas = readdirSync(MESSAGES_DIR, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();

describe('interface messages', () => {
	it('compiles every area folder (none forgotten in project.inlang/settings.json)', () => {
		const patterns: string[] = SETTINGS['plugin.inlang.messageFormat'].pathPattern;
		expect(patterns.map((p) => p.split('/')[2]).sort()).toEqual(areas);
		expect(SETTINGS.locales).toEqual([...INTERFACE_LOCALES]);
	});

	it('uses each key in one area only', () => {
		const seen = new Map<string, string>();
		for (const area of areas) {
			for (const key of Object.keys(read(area, 'en'))) {
				expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
				seen.set(key, area);
			}
		}
	});

	for (const area of areas) {
		const english = read(area, 'en');
		for (const locale of INTERFACE_LOCALES.filter((l) => l !== 'en')) {
			it(`${area}: ${locale} has every English message, no others, with the same inputs`, () => {
				const translated = read(area, locale);
				expect(Object.keys(translated).filter((k) => !(k in english)), 'keys English does not have').toEqual([]);
				expect(Object.keys(english).filter((k) => !(k in translated)), 'keys missing').toEqual([]);
				for (const [key, message] of Object.entries(english)) {
					expect(inputsOf(translated[key]), `${locale} ${key}`).toEqual(inputsOf(message));
					if (typeof translated[key] === 'string') expect((translated[key] as string).trim(), `${locale} ${key} is empty`).not.toBe('');
				}
			});
		}
	}
});
