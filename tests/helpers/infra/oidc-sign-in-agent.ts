// A browserless user agent for the test OpenID Connect provider's authorization flow: follows
// redirects with a cookie jar, as a browser would, and fills the provider's login form when it is
// shown. The provider's session cookie is kept between sign-ins, so a second sign-in can ride on
// it (or be asked to log in again with prompt=login / max_age).

export type SignInResult = {
	/** Where the provider sent the browser back: the client's redirect URI with code, state and iss (or error). */
	callbackUrl: URL;
	/** Whether the login form was shown (false when the provider's session cookie sufficed). */
	loginShown: boolean;
};

export type SignInAgent = {
	/**
	 * Follows `authorizationUrl` like a browser would (cookies kept between calls, so a second
	 * sign-in can ride on the provider session) and fills the login form with `credentials` when
	 * it is shown. Throws if the form is shown without credentials or refuses them.
	 */
	signIn(authorizationUrl: URL | string, credentials?: { email: string; password?: string }): Promise<SignInResult>;
	/** Forget the provider session (as a new browser profile would). */
	clearCookies(): void;
};

/** A browserless user agent for the provider's authorization flow (fetch and a cookie jar). */
export function createSignInAgent(): SignInAgent {
	const jar = new Map<string, string>();
	const send = async (url: URL, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
		const response = await fetch(url, { ...init, headers, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			const [pair, ...attributes] = cookie.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
			if (expired) jar.delete(name);
			else jar.set(name, pair.slice(eq + 1).trim());
		}
		return response;
	};
	return {
		async signIn(authorizationUrl, credentials) {
			let url = new URL(authorizationUrl);
			const origin = url.origin;
			let loginShown = false;
			let response = await send(url);
			for (let hop = 0; hop < 20; hop++) {
				if (response.status >= 300 && response.status < 400) {
					const next = new URL(response.headers.get('location')!, url);
					if (next.origin !== origin) return { callbackUrl: next, loginShown };
					url = next;
					response = await send(url);
					continue;
				}
				const html = await response.text();
				const form = html.match(/<form method="post" action="([^"]+)\/login">/);
				if (!form || response.status === 401) {
					const alert = html.match(/<p role="alert">([^<]*)<\/p>/)?.[1];
					throw new Error(`sign-in stopped at ${url.pathname} (${response.status})${alert ? `: ${alert}` : ''}`);
				}
				if (!credentials) throw new Error('the provider asks for a login and no credentials were given');
				loginShown = true;
				url = new URL(`${form[1]}/login`, origin);
				response = await send(url, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ email: credentials.email, password: credentials.password ?? '' }).toString()
				});
			}
			throw new Error('sign-in did not reach the redirect URI within 20 steps');
		},
		clearCookies: () => jar.clear()
	};
}
