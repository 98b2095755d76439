import { readFileSync } from 'node:fs';
import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scenarioCatalogue } from '../../src/engine';
import { scenarios } from '../../src/scenarios';
import {
  MAX_SHARE_CHARS,
  encodeShareLink,
  readShareLink,
  shareUrl,
  toBase64Url,
} from '../../src/ui/panels/runs/shareLink';

const catalogue = scenarioCatalogue(scenarios.city as (typeof scenarios)[string]);
const city = readFileSync('public/rules/city.json', 'utf8');

function errorsOf(hash: string): string[] {
  const r = readShareLink(hash, catalogue);
  if (!r || r.ok) throw new Error(`expected errors for ${hash.slice(0, 40)}`);
  return r.errors;
}

describe('share links', () => {
  it('round-trips the rules text and seed, compiled', () => {
    const hash = encodeShareLink(city, 4242);
    expect(hash).toMatch(/^#share=v1\.4242\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(city.length);
    const r = readShareLink(hash, catalogue);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.seed).toBe(4242);
    expect(r.rulesText).toBe(city);
    expect(r.rules.source).toBe('share link');
    expect(r.rules.triggers.map((t) => t.id)).toContain('damage-hurts');
  });

  it('round-trips text outside ASCII and the largest seed', () => {
    const text = city.replace('Whoever is hit', 'Wer getroffen wird — ¡ay! 🚓');
    const r = readShareLink(encodeShareLink(text, 0xffffffff), catalogue);
    expect(r?.ok && r.rulesText === text && r.seed === 0xffffffff).toBe(true);
  });

  it('ignores a hash that is not a share link', () => {
    expect(readShareLink('', catalogue)).toBeNull();
    expect(readShareLink('#section-2', catalogue)).toBeNull();
  });

  it('rejects a truncated link with a clear error', () => {
    const hash = encodeShareLink(city, 1);
    const errs = errorsOf(hash.slice(0, Math.floor(hash.length * 0.6)));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^share link: /);
    expect(errs[0]).toMatch(/cut short|damaged|decompressed/);
  });

  it('rejects a link cut right after the seed', () => {
    expect(errorsOf('#share=v1.7.')[0]).toBe('share link: no rules data after the seed (the link was cut short)');
  });

  it('rejects bad base64 and names the character', () => {
    const hash = encodeShareLink(city, 1);
    const errs = errorsOf(hash.slice(0, 30) + '!' + hash.slice(31));
    expect(errs[0]).toMatch(/not base64url: character "!" at position/);
    expect(errorsOf('#share=v1.1.abcde')[0]).toMatch(/cannot encode whole bytes/);
  });

  it('rejects data that is not deflated rules', () => {
    expect(errorsOf(`#share=v1.1.${toBase64Url(strToU8('{"version": 1}'))}`)[0]).toMatch(/not compressed rules/);
    const z = zlibSync(strToU8(city));
    z[z.length - 1] = (z[z.length - 1] as number) ^ 0xff; // damage the checksum
    expect(errorsOf(`#share=v1.1.${toBase64Url(z)}`)[0]).toMatch(/checksum does not match/);
    const broken = zlibSync(strToU8(city));
    broken.fill(0xff, 10, 40); // damage the compressed body
    expect(errorsOf(`#share=v1.1.${toBase64Url(broken)}`)[0]).toMatch(
      /^share link: the data (could not be decompressed|is damaged)/,
    );
  });

  it('rejects an oversize link, and a small link that inflates too far', () => {
    const big = '#share=v1.1.' + 'A'.repeat(MAX_SHARE_CHARS);
    expect(errorsOf(big)[0]).toMatch(/too long \(65,548 characters; the limit is 65,536\)/);
    const bomb = encodeShareLink(' '.repeat(2_000_000) + city, 1);
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    expect(errorsOf(bomb)[0]).toMatch(/too large: more than 1,000,000 bytes once decompressed/);
  });

  it('rejects a bad version, seed or shape', () => {
    expect(errorsOf('#share=v2.1.abcd')[0]).toBe('share link: unsupported version "v2" (this page reads "v1" links)');
    expect(errorsOf('#share=v1.-3.abcd')[0]).toMatch(/seed: expected a whole number from 0 to 4294967295, found "-3"/);
    expect(errorsOf('#share=v1.99999999999.abcd')[0]).toMatch(/seed: expected a whole number/);
    expect(errorsOf('#share=hello')[0]).toMatch(/expected "#share=v1.<seed>.<data>", found "#share=hello"/);
  });

  it("gives the rules loader's located errors for rules that fail to load", () => {
    const bad = city.replace('"behaviour": "changeHealth"', '"behaviour": "changeHealht"');
    const errs = errorsOf(encodeShareLink(bad, 1));
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]).toMatch(
      /^share link:\d+:\d+ {2}triggers\[0\]\.do\[0\]\.behaviour {2}.*did you mean "changeHealth"/,
    );
    expect(errorsOf(encodeShareLink('not json', 1))[0]).toMatch(/^share link:1:1 /);
    const latin1 = zlibSync(new Uint8Array([0x7b, 0xe9, 0x7d]));
    expect(errorsOf(`#share=v1.1.${toBase64Url(latin1)}`)[0]).toMatch(/not valid UTF-8/);
  });

  it('builds a full URL keeping only a non-default scenario', () => {
    expect(shareUrl('http://x.test/siren/?autopilot=1#old', 'city', city, 9)).toMatch(
      /^http:\/\/x\.test\/siren\/#share=v1\.9\./,
    );
    expect(shareUrl('http://x.test/?seed=3', 'demo', '{}', 9)).toMatch(
      /^http:\/\/x\.test\/\?scenario=demo#share=v1\.9\./,
    );
  });
});
