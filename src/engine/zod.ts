import { z } from 'zod';

// zod 4 probes `new Function` to compile fast parsers; the page's CSP forbids it (and so does the house rule), so
// every schema in Siren is built through this module, which turns that off before any schema exists.
z.config({ jitless: true });

/** zod, configured never to generate code. Import `z` from here, not from 'zod'. */
export { z };
