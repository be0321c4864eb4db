// `npm run test:faults`: the long fault suite (tests/faults), not part of `npm test`. Files run
// one at a time: each kills, pauses or floods a server and measures times that a neighbour
// suite on the same two cores would distort.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/faults/**/*.test.ts'],
		testTimeout: 600_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
