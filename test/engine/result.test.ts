import { describe, expect, it } from 'vitest';
import { err, errorMessage, fail, ok } from '../../src/engine/result';
import type { Result } from '../../src/engine/result';

describe('Result', () => {
  it('carries a success under its own field names, tagged ok', () => {
    const r: Result<{ text: string }> = ok({ text: 'hi' });
    expect(r).toEqual({ ok: true, text: 'hi' });
  });
  it('carries a failure under its own field names, tagged not ok', () => {
    const parse = (t: string): Result<{ value: number }, { error: string }> =>
      t === '1' ? ok({ value: 1 }) : err({ error: `expected 1, found ${t}` });
    const r = parse('2');
    expect(r.ok ? r.value : r.error).toBe('expected 1, found 2');
    expect(parse('1')).toEqual({ ok: true, value: 1 });
  });
  it('lists every problem of a failed check', () => {
    expect(fail('a', 'b')).toEqual({ ok: false, errors: ['a', 'b'] });
  });
  it("reads an Error's message and stringifies anything else thrown", () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toBe('42');
  });
});
