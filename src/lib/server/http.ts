// JSON answers for SvelteKit endpoints, the same as server/ handlers give (one error contract:
// { error: { code, message, field? } } with the status map of #lib/shared/error-contract.ts).
export { errorResponse, jsonResponse, NO_STORE } from '../../../server/http/json.ts';
