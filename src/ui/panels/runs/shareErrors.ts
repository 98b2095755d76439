/** Where share-link rules say they came from, in errors and in `rulesSource`. */
export const SHARE_FILE = 'share link';

/** One share-link problem: where (the link), then what was expected and what was found. */
export function shareError(what: string): string {
  return `${SHARE_FILE}: ${what}`;
}

/** The link is longer than the page accepts. */
export function shareTooLong(length: number, limit: number): string {
  return `too long (${length.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}): export a run file instead`;
}

/** The link is not `<prefix>v1.<seed>.<data>`. */
export function shareBadShape(prefix: string, hash: string): string {
  return `expected "${prefix}v1.<seed>.<data>", found ${JSON.stringify(hash.length > 60 ? hash.slice(0, 60) + '…' : hash)}`;
}

/** The link is of a version this page does not read. */
export function shareBadVersion(version: string): string {
  return `unsupported version ${JSON.stringify(version)} (this page reads "v1" links)`;
}

/** The seed is not a 32-bit whole number. */
export function shareBadSeed(text: string): string {
  return `seed: expected a whole number from 0 to 4294967295, found ${JSON.stringify(text)}`;
}

/** Nothing follows the seed. */
export function shareNoData(): string {
  return 'no rules data after the seed (the link was cut short)';
}

/** A character outside base64url, at a 1-based position. */
export function shareBadCharacter(char: string | undefined, position: number): string {
  return `the data is not base64url: character ${JSON.stringify(char)} at position ${position} (only A–Z, a–z, 0–9, "-" and "_")`;
}

/** A base64url length that cannot hold whole bytes. */
export function shareBadLength(length: number): string {
  return `the data is not base64url: ${length} characters cannot encode whole bytes (the link may be cut short)`;
}

/** The data has no zlib header. */
export function shareNotCompressed(): string {
  return 'the data is not compressed rules (no zlib header; the link may be damaged)';
}

/** Inflating failed (found: the inflater's message). */
export function shareNotInflatable(message: string): string {
  return `the data could not be decompressed (${message}; the link may be cut short or damaged)`;
}

/** The rules inflate past the limit. */
export function shareRulesTooLarge(max: number): string {
  return `the rules are too large: more than ${max.toLocaleString('en')} bytes once decompressed`;
}

/** The inflated data's checksum is not the one stored. */
export function shareBadChecksum(): string {
  return 'the data is damaged: its checksum does not match (the link may have been cut short or edited)';
}
