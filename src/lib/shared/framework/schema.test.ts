import { describe, it, expect } from 'vitest';
import data from './psems-gap-1.0.json' with { type: 'json' };
import { FrameworkSchema, parseFramework } from './schema.ts';

const REMOVE = Symbol('remove');
type Node = Record<PropertyKey, unknown>;

/** A copy of the real data file with one value changed, so each test proves one check. */
function changed(path: PropertyKey[], value: unknown): unknown {
	const raw: unknown = structuredClone(data);
	let node = raw as Node;
	for (const key of path.slice(0, -1)) node = node[key] as Node;
	const last = path[path.length - 1];
	if (value === REMOVE) delete node[last];
	else node[last] = value;
	return raw;
}

describe('framework schema', () => {
	it('accepts the bundled psems-gap 1.0 data file', () => {
		const framework = parseFramework(data, 'psems-gap-1.0.json');
		expect(framework.id).toBe('psems-gap');
		expect(framework.version).toBe('1.0');
	});

	it('rejects an unknown key, so a misspelt field cannot pass unnoticed', () => {
		const raw = changed(['elements', 0, 'default_target'], 5);
		expect(FrameworkSchema.safeParse(raw).success).toBe(false);
	});

	it('rejects an element that names a pillar which does not exist', () => {
		const raw = changed(['elements', 0, 'pillar'], 'Z');
		expect(() => parseFramework(raw, 'test.json')).toThrow(/unknown pillar Z/);
	});

	it('rejects two prompts with the same id', () => {
		const raw = changed(['elements', 0, 'prompts', 1, 'id'], 'A1.1');
		expect(() => parseFramework(raw, 'test.json')).toThrow(/duplicate prompt id A1\.1/);
	});

	it('rejects a prompt whose id belongs to another element', () => {
		const raw = changed(['elements', 0, 'prompts', 0, 'id'], 'B9.1');
		expect(() => parseFramework(raw, 'test.json')).toThrow(/does not belong to element A1/);
	});

	it('rejects two elements with the same code', () => {
		const raw = changed(['elements', 1, 'code'], 'A1');
		expect(() => parseFramework(raw, 'test.json')).toThrow(/duplicate element code A1/);
	});

	it('rejects a default target that is not a whole level from 0 to 5', () => {
		for (const bad of [6, -1, 4.5, '4', null]) {
			expect(FrameworkSchema.safeParse(changed(['elements', 0, 'defaultTarget'], bad)).success).toBe(false);
		}
	});

	it('rejects a scale that skips a level', () => {
		const raw = changed(['scale', 'levels'], data.scale.levels.filter((level) => level.value !== 3));
		expect(() => parseFramework(raw, 'test.json')).toThrow(/levels must be 0, 1, 2, 3, 4, 5/);
	});

	it('rejects a plan status list that leaves a status without a label', () => {
		const raw = changed(['improvementPlan', 'statuses'], data.improvementPlan.statuses.slice(0, -1));
		expect(() => parseFramework(raw, 'test.json')).toThrow(/risk_accepted/);
	});

	it('rejects a signature meaning granted to a role that does not exist', () => {
		const raw = changed(['signOff', 'signatureMeanings', 2, 'role'], 'chief_executive');
		expect(FrameworkSchema.safeParse(raw).success).toBe(false);
	});

	it('names the data file in the error so the broken version is easy to find', () => {
		const raw = changed(['scale'], REMOVE);
		expect(() => parseFramework(raw, 'psems-gap-9.9.json')).toThrow(/psems-gap-9\.9\.json/);
	});
});
