// Blind scoring's HTTP handler, reached from the routes under /reviews/[id]/rounds.
export { handleRoundRequest, type RoundTarget } from '../../../server/rounds/round-requests.ts';
