import { chromium } from '@playwright/test';
const [url, locale, sel, out, email, pw] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const c = await b.newContext({ locale, viewport: { width: Number(process.env.W ?? 1440), height: 844 }, deviceScaleFactor: 1, extraHTTPHeaders: { 'accept-language': locale } });
const p = await c.newPage();
if (email) { await p.goto('http://127.0.0.1:4360/login'); await p.locator('input[name=email]').fill(email); await p.locator('input[name=password]').fill(pw); await p.locator('form.form button[type=submit]').click(); await p.waitForURL((u) => !u.pathname.startsWith('/login')); }
await p.goto(url);
await p.locator(sel).first().screenshot({ path: out });
console.log(await p.locator(sel).first().innerText());
await b.close();
