import { inflateSync, strToU8, zlibSync } from 'fflate';
import { err, errorMessage, fail, formatError, loadRulesBytes, ok } from '../../../engine';
import type { Catalogue, CompiledRules, Result } from '../../../engine';
import {
  SHARE_FILE,
  shareBadCharacter,
  shareBadChecksum,
  shareBadLength,
  shareBadSeed,
  shareBadShape,
  shareBadVersion,
  shareError,
  shareNoData,
  shareNotCompressed,
  shareNotInflatable,
  shareRulesTooLarge,
  shareTooLong,
} from './shareErrors';

export { SHARE_FILE } from './shareErrors';

/** The URL hash a share link starts with; the rest is `v1.<seed>.<data>`. */
export const SHARE_PREFIX = '#share=';
/** The longest share hash accepted (and offered): 64 KB. */
export const MAX_SHARE_CHARS = 65_536;
/** The largest rules text a share link may inflate to (what a run file accepts). */
export const MAX_SHARE_RULES_BYTES = 1_000_000;

/** A share link read from the URL: its rules (compiled) and seed, or every reason it was rejected. */
export type ShareLink = Result<{ seed: number; rulesText: string; rules: CompiledRules }>;

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
    return shareBadCharacter([...text][i], i + 1);
  }
  if (text.length % 4 === 1) return shareBadLength(text.length);
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
    return shareNotCompressed();
  let out: Uint8Array;
  try {
    out = inflateSync(data.subarray(2, -4), { out: new Uint8Array(max + 1) });
  } catch (e) {
    return shareNotInflatable(errorMessage(e));
  }
  if (out.length > max) return shareRulesTooLarge(max);
  const tail = data.subarray(-4);
  const sum =
    (((tail[0] as number) << 24) | ((tail[1] as number) << 16) | ((tail[2] as number) << 8) | (tail[3] as number)) >>>
    0;
  if (sum !== adler32(out)) return shareBadChecksum();
  return out;
}

/**
 * Reads a share link from a URL hash: null when the hash is not one; else its rules and seed, or every error (then
 * nothing should change: the game runs on its default rules). Rules are checked by the loader, errors located.
 */
export function readShareLink(hash: string, catalogue: Catalogue): ShareLink | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const reject = (message: string): ShareLink => fail(shareError(message));
  if (hash.length > MAX_SHARE_CHARS) return reject(shareTooLong(hash.length, MAX_SHARE_CHARS));
  const body = hash.slice(SHARE_PREFIX.length);
  const m = /^([^.]*)\.([^.]*)\.(.*)$/s.exec(body);
  if (!m) return reject(shareBadShape(SHARE_PREFIX, hash));
  const [, version, seedText, data] = m as unknown as [string, string, string, string];
  if (version !== 'v1') return reject(shareBadVersion(version));
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) return reject(shareBadSeed(seedText));
  if (data === '') return reject(shareNoData());
  const bytes = fromBase64Url(data);
  if (typeof bytes === 'string') return reject(bytes);
  const raw = inflateChecked(bytes, MAX_SHARE_RULES_BYTES);
  if (typeof raw === 'string') return reject(raw);
  const loaded = loadRulesBytes(raw, catalogue, SHARE_FILE);
  if (!loaded.ok) return err({ errors: loaded.errors.map(formatError) });
  return ok({ seed: Number(seedText), rulesText: loaded.rules.text, rules: loaded.rules });
}

/** The full URL of a share link for this page (keeping only a non-default `scenario` parameter). */
export function shareUrl(pageHref: string, scenario: string, rulesText: string, seed: number): string {
  const url = new URL(pageHref);
  url.search = scenario === 'city' ? '' : `?scenario=${encodeURIComponent(scenario)}`;
  url.hash = '';
  return url.href.replace(/#$/, '') + encodeShareLink(rulesText, seed);
}
