import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP, sirenCsp } from '../../src/dev/cspPlugin';

/** Runs the plugin's HTML transform on one page as Vite would. */
function transform(html: string, path: string): { html: string; tags: HtmlTagDescriptor[] } {
  const hook = sirenCsp().transformIndexHtml;
  if (!hook || typeof hook === 'function') throw new Error('expected an ordered transformIndexHtml hook');
  const ctx: IndexHtmlTransformContext = { path, filename: path.slice(1) };
  const out = (hook.handler as (html: string, ctx: IndexHtmlTransformContext) => unknown)(html, ctx);
  return out as { html: string; tags: HtmlTagDescriptor[] };
}

describe('the one Content-Security-Policy of the pages', () => {
  it.each(['/index.html', '/classroom.html', '/bare.html'])(
    '%s gets it as the first tag of its head, and writes none of its own',
    (path) => {
      const { tags } = transform(readFileSync(`.${path}`, 'utf8'), path);
      expect(tags).toEqual([
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content:
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
              "worker-src 'self' blob:; connect-src 'self' ws: wss:; media-src 'self' blob: data:; font-src 'self' data:; " +
              "object-src 'none'; base-uri 'self'; form-action 'none'",
          },
          injectTo: 'head-prepend',
        },
      ]);
    },
  );

  it('allows no eval and no inline script, and any WebSocket only until a classroom page narrows it', () => {
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP.join('; ')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(PAGE_CSP).toContain("connect-src 'self' ws: wss:");
  });

  it('refuses a page that writes a policy of its own, so the pages cannot drift apart', () => {
    const page = '<head><meta http-equiv="Content-Security-Policy" content="default-src *" /></head>';
    expect(() => transform(page, '/extra.html')).toThrow(
      '/extra.html: remove its Content-Security-Policy meta tag; vite.config.ts writes it',
    );
  });
});
