import { defineConfig } from '@playwright/test';

// End-to-end tests run against the production build (`npm run build`) served by the real
// server on its own port with a fresh SQLite file; Debian's chromium, no browser download.
// E2E_PORT lets two checkouts run their suites side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
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
	webServer: {
		command: `rm -rf ${DATA_DIR} && node server/index.ts`,
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, LOG_LEVEL: 'warn' },
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
