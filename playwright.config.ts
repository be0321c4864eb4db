import { defineConfig } from '@playwright/test';
import { E2E_PORT, INBOX_PORT, INBOX_URL, OIDC, OIDC_PERSON, OIDC_PORT, SMTP_PORT } from './tests/e2e/services.ts';

// End-to-end tests run against the production build (`npm run build`) served by the real
// server on its own port with a fresh SQLite file; Debian's chromium, no browser download.
// E2E_PORT lets two checkouts run their suites side by side on one machine. Beside the app run
// a real SMTP sink (the app's SMTP_URL; specs read the mail that arrived) and a real OpenID
// Connect provider (the app's OIDC_*), on the next ports (tests/e2e/services.ts).
const PORT = E2E_PORT;
const DATA_DIR = '.e2e-data';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 5_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu']
		}
	},
	projects: [
		{ name: 'first-run', testMatch: /first-run\.setup\.ts/ },
		{ name: 'workshop', testMatch: /.*\.spec\.ts/, dependencies: ['first-run'] }
	],
	webServer: [
		{
			command: 'node tests/helpers/infra/smtp-sink-server.ts',
			env: { SMTP_SINK_PORT: String(SMTP_PORT), SMTP_INBOX_PORT: String(INBOX_PORT) },
			url: INBOX_URL,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: 'node tests/helpers/infra/oidc-provider-server.ts',
			env: {
				OIDC_PROVIDER_PORT: String(OIDC_PORT),
				OIDC_CLIENT_ID: OIDC.clientId,
				OIDC_CLIENT_SECRET: OIDC.clientSecret,
				OIDC_REDIRECT_URI: OIDC.redirectUri,
				OIDC_TEST_USERS: JSON.stringify([OIDC_PERSON])
			},
			url: `${OIDC.issuer}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: `rm -rf ${DATA_DIR} && node server/index.ts`,
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				DATA_DIR,
				LOG_LEVEL: 'warn',
				SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
				MAIL_FROM: 'PSeMS Review Workshop <psems@example.test>',
				OIDC_ISSUER: OIDC.issuer,
				OIDC_CLIENT_ID: OIDC.clientId,
				OIDC_CLIENT_SECRET: OIDC.clientSecret,
				OIDC_REDIRECT_URI: OIDC.redirectUri,
				OIDC_NAME: OIDC.name
			},
			url: `http://127.0.0.1:${PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 30_000
		}
	]
});
