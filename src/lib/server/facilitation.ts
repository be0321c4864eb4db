// SvelteKit's door to the room timer operation (src/lib/server is the only src/ code importing server/).
export { runTimerCommand } from '../../../server/facilitation/room-timer.ts';
