import { inflateSync, strToU8, zlibSync } from 'fflate';
import { formatError, loadRulesBytes } from '../../../engine';
import type { Catalogue, CompiledRules } from '../../../engine';

/** The URL hash a share link starts with; the rest is `v1.<seed>.<data>`. */
export const SHARE_PREFIX = '#share=';
/** The longest share hash accepted (and offered): 64 KB. */
export const MAX_SHARE_CHARS = 65_536;
/** The largest rules text a share link may inflate to (what a run file accepts). */
export const MAX_SHARE_RULES_BYTES = 1_000_000;
/** Where share-link rules say they came from, in errors and in `rulesSource`. */
export const SHARE_FILE = 'share link';

/** A share link read from the URL: its rules (compiled) and seed, or every reason it was rejected. */
export type ShareLink =
  { ok: true; seed: number; rulesText: string; rules: CompiledRules } | { ok: false; errors: string[] };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Unpadded base64url as bytes, or a message saying what is wrong with it. */
export function fromBase64Url(text: string): Uint8Array | string {
  if (!BASE64URL.test(text)) {
    const i = [...text].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
    return `the data is not base64url: character ${JSON.stringify([...text][i])} at position ${i + 1} (only A–Z, a–z, 0–9, "-" and "_")`;
  }
  if (text.length % 4 === 1)
    return `the data is not base64url: ${text.length} characters cannot encode whole bytes (the link may be cut short)`;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Adler-32 of bytes (zlib's checksum; fflate does not verify it, so a damaged link is caught here). */
function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (let i = 0; i < b.length;) {
    const end = Math.min(b.length, i + 3800);
    for (; i < end; i++) {
      a += b[i] as number;
      s += a;
    }
    a %= 65521;
    s %= 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/** The URL hash sharing rules text and a seed: `#share=v1.<seed>.<zlib deflate, base64url>`. */
export function encodeShareLink(rulesText: string, seed: number): string {
  return `${SHARE_PREFIX}v1.${seed >>> 0}.${toBase64Url(zlibSync(strToU8(rulesText), { level: 9 }))}`;
}

/** Inflates zlib data to at most `max` bytes; returns the bytes or a message. */
function inflateChecked(data: Uint8Array, max: number): Uint8Array | string {
  if (
    data.length < 6 ||
    ((data[0] as number) & 0x0f) !== 8 ||
    (((data[0] as number) << 8) | (data[1] as number)) % 31 !== 0
  )
    return 'the data is not compressed rules (no zlib header; the link may be damaged)';
  let out: Uint8Array;
  try {
    out = inflateSync(data.subarray(2, -4), { out: new Uint8Array(max + 1) });
  } catch (e) {
    return `the data could not be decompressed (${(e as Error).message}; the link may be cut short or damaged)`;
  }
  if (out.length > max) return `the rules are too large: more than ${max.toLocaleString('en')} bytes once decompressed`;
  const tail = data.subarray(-4);
  const sum =
    (((tail[0] as number) << 24) | ((tail[1] as number) << 16) | ((tail[2] as number) << 8) | (tail[3] as number)) >>>
    0;
  if (sum !== adler32(out))
    return 'the data is damaged: its checksum does not match (the link may have been cut short or edited)';
  return out;
}

/**
 * Reads a share link from a URL hash: null when the hash is not one; else its rules and seed, or every error (then
 * nothing should change: the game runs on its default rules). Rules are checked by the loader, errors located.
 */
export function readShareLink(hash: string, catalogue: Catalogue): ShareLink | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const fail = (message: string): ShareLink => ({ ok: false, errors: [`${SHARE_FILE}: ${message}`] });
  if (hash.length > MAX_SHARE_CHARS)
    return fail(
      `too long (${hash.length.toLocaleString('en')} characters; the limit is ${MAX_SHARE_CHARS.toLocaleString('en')}): export a run file instead`,
    );
  const body = hash.slice(SHARE_PREFIX.length);
  const m = /^([^.]*)\.([^.]*)\.(.*)$/s.exec(body);
  if (!m)
    return fail(
      `expected "${SHARE_PREFIX}v1.<seed>.<data>", found ${JSON.stringify(hash.length > 60 ? hash.slice(0, 60) + '…' : hash)}`,
    );
  const [, version, seedText, data] = m as unknown as [string, string, string, string];
  if (version !== 'v1') return fail(`unsupported version ${JSON.stringify(version)} (this page reads "v1" links)`);
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff)
    return fail(`seed: expected a whole number from 0 to 4294967295, found ${JSON.stringify(seedText)}`);
  if (data === '') return fail('no rules data after the seed (the link was cut short)');
  const bytes = fromBase64Url(data);
  if (typeof bytes === 'string') return fail(bytes);
  const raw = inflateChecked(bytes, MAX_SHARE_RULES_BYTES);
  if (typeof raw === 'string') return fail(raw);
  const loaded = loadRulesBytes(raw, catalogue, SHARE_FILE);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map(formatError) };
  return { ok: true, seed: Number(seedText), rulesText: loaded.rules.text, rules: loaded.rules };
}

/** The full URL of a share link for this page (keeping only a non-default `scenario` parameter). */
export function shareUrl(pageHref: string, scenario: string, rulesText: string, seed: number): string {
  const url = new URL(pageHref);
  url.search = scenario === 'city' ? '' : `?scenario=${encodeURIComponent(scenario)}`;
  url.hash = '';
  return url.href.replace(/#$/, '') + encodeShareLink(rulesText, seed);
}
