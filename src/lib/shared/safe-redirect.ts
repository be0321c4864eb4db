// Where a sign-in may send the browser afterwards. Only paths on this site: an attacker-made link
// such as /login?redirectTo=//evil.example must not turn our sign-in page into an open redirect.
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// Browsers treat "\" like "/" and drop tabs and newlines, so "/\t/evil.example" is also off-site.
	if (/[\\\u0000-\u001f]/.test(value)) return fallback;
	const base = 'http://same-site.invalid';
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	return `${url.pathname}${url.search}${url.hash}`;
}
