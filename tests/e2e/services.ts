// The loopback services the Playwright run starts beside the app (playwright.config.ts lists
// them as webServers): a real SMTP sink the app mails to, and a real OpenID Connect provider it
// signs people in with. Ports follow E2E_PORT, so two checkouts can run side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const APP_URL = `http://127.0.0.1:${E2E_PORT}`;

/** smtp-server sink (tests/helpers/infra/smtp-sink-server.ts): SMTP here, what arrived over HTTP below. */
export const SMTP_PORT = E2E_PORT + 1;
export const INBOX_PORT = E2E_PORT + 2;
export const INBOX_URL = `http://127.0.0.1:${INBOX_PORT}/messages`;

/** oidc-provider (tests/helpers/infra/oidc-provider-server.ts) with one client: this app. */
export const OIDC_PORT = E2E_PORT + 3;
export const OIDC = {
	name: 'Port Authority ID',
	issuer: `http://127.0.0.1:${OIDC_PORT}`,
	clientId: 'psems-e2e',
	clientSecret: 'e2e client secret',
	redirectUri: `${APP_URL}/auth/oidc/callback`
};

/** Known to the provider only: an invitation creates her account here on her first sign-in. */
export const OIDC_PERSON = { sub: 'e2e-olga', email: 'olga.quay@example.test', name: 'Olga Quay', password: 'provider passphrase' };
