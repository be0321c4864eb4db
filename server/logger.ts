// One line of JSON per event: easy to grep in a workshop's server log, easy to assert in tests.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = {
	debug(event: string, fields?: Record<string, unknown>): void;
	info(event: string, fields?: Record<string, unknown>): void;
	warn(event: string, fields?: Record<string, unknown>): void;
	error(event: string, fields?: Record<string, unknown>): void;
};

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
	const emit = (at: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
		if (ORDER[at] < ORDER[level]) return;
		write(JSON.stringify({ t: new Date().toISOString(), level: at, event, ...fields }));
	};
	return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
