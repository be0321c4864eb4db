// The interface messages for server/auth code, speaking the request's language: the one shared
// request-language store (src/lib/i18n/shared-locale-storage.ts says why there are two runtimes).
import '../../src/lib/i18n/shared-locale-storage.ts';

export { m } from '../../src/lib/paraglide/messages.js';
