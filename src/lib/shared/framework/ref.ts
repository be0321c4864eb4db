// A framework version as one string ("psems-gap@1.0"), for form values and URLs. Reviews store
// the id and version in separate columns; this is only how they travel through a <select>.
export const FRAMEWORK_ID_PATTERN = /^[a-z0-9-]+$/;
export const FRAMEWORK_VERSION_PATTERN = /^[0-9]+\.[0-9]+$/;

export type FrameworkRef = { id: string; version: string };

export function frameworkRef(id: string, version: string): string {
	return `${id}@${version}`;
}

/** The id and version named by a form value, or null if it is not shaped like one. Does not check the registry. */
export function parseFrameworkRef(value: unknown): FrameworkRef | null {
	if (typeof value !== 'string') return null;
	const at = value.indexOf('@');
	if (at < 0) return null;
	const id = value.slice(0, at);
	const version = value.slice(at + 1);
	if (!FRAMEWORK_ID_PATTERN.test(id) || !FRAMEWORK_VERSION_PATTERN.test(version)) return null;
	return { id, version };
}
