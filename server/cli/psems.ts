#!/usr/bin/env node
// `psems` (package bin, `npm run psems -- <command>`, `npm run verify`): see commands.ts.
import { run } from './commands.ts';

process.exitCode = await run(process.argv.slice(2), {
	env: process.env,
	out: (line) => process.stdout.write(line + '\n'),
	err: (line) => process.stderr.write(line + '\n')
});
