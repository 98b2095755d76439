import type { Plugin } from 'vite';

/** The Content-Security-Policy of every page, one directive an entry. */
export const PAGE_CSP: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  // Any WebSocket to start with: a page that joins a classroom narrows this to its one broker at start-up.
  "connect-src 'self' ws: wss:",
  "media-src 'self' blob: data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

const OWN_POLICY = /http-equiv\s*=\s*["']?Content-Security-Policy/i;

/**
 * Writes the one Content-Security-Policy into every HTML page, on the dev server and in the build, as the first tag of
 * its head (so it covers every script after it). A page that writes a policy of its own is an error: the pages could
 * drift apart again.
 */
export function sirenCsp(): Plugin {
  return {
    name: 'siren-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (OWN_POLICY.test(html))
          throw new Error(`${ctx.path}: remove its Content-Security-Policy meta tag; vite.config.ts writes it`);
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_CSP.join('; ') },
              injectTo: 'head-prepend',
            },
          ],
        };
      },
    },
  };
}
