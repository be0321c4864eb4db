// The test OpenID Connect provider as a process of its own, for Playwright's webServer list:
// issuer http://127.0.0.1:OIDC_PROVIDER_PORT, one client (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET,
// redirect OIDC_REDIRECT_URI) and the users in OIDC_TEST_USERS (JSON). Its login page is the
// one a browser fills by its labels (Email, Password, Sign in).
import { startOidcProvider, type OidcUser } from './oidc-provider.ts';

const env = process.env;
const port = Number(env.OIDC_PROVIDER_PORT);
if (!port || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_REDIRECT_URI) {
	throw new Error('Set OIDC_PROVIDER_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI.');
}
const users = JSON.parse(env.OIDC_TEST_USERS ?? '[]') as OidcUser[];

const provider = await startOidcProvider({
	port,
	client: { clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUris: [env.OIDC_REDIRECT_URI] },
	users
});
console.log(`OpenID Connect provider at ${provider.issuer} with ${users.length} user(s)`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.once(signal, () => void provider.stop().then(() => process.exit(0)));
}
