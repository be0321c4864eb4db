// The SMTP sink as a process of its own, for Playwright's webServer list: the app under test
// mails to smtp://127.0.0.1:SMTP_SINK_PORT; specs read what arrived with
// openInbox(http://127.0.0.1:SMTP_INBOX_PORT/messages), which also answers the readiness check.
import { startSmtpSink } from './smtp-sink.ts';

const port = Number(process.env.SMTP_SINK_PORT);
const inboxPort = Number(process.env.SMTP_INBOX_PORT);
if (!port || !inboxPort) throw new Error('Set SMTP_SINK_PORT and SMTP_INBOX_PORT.');

const sink = await startSmtpSink({ port, inboxPort });
console.log(`SMTP sink on ${sink.url}, inbox at ${sink.inboxUrl}`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.once(signal, () => void sink.stop().then(() => process.exit(0)));
}
