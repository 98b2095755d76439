import { describe, expect, it } from 'vitest';
import {
  describeFound,
  didYouMean,
  formatError,
  MAX_SHOWN_NAME,
  pathToString,
  quoteName,
  RulesError,
  unknownName,
} from '../../../src/engine';

const at = { file: 'r.json', line: 3, column: 7 };

describe('formatError', () => {
  it('writes file:line:col, the JSON path and the message, two spaces apart', () => {
    expect(formatError({ ...at, path: 'triggers[0].on', message: 'bad' })).toBe('r.json:3:7  triggers[0].on  bad');
  });

  it('names the whole file "(file)" when the path is empty', () => {
    expect(formatError({ ...at, path: '', message: 'empty' })).toBe('r.json:3:7  (file)  empty');
  });

  it('a RulesError carries every error and says them all, one a line', () => {
    const errors = [
      { ...at, path: 'a', message: 'one' },
      { ...at, line: 4, path: '', message: 'two' },
    ];
    const e = new RulesError(errors);
    expect(e.name).toBe('RulesError');
    expect(e.errors).toBe(errors);
    expect(e.message).toBe('r.json:3:7  a  one\nr.json:4:7  (file)  two');
  });
});

describe('pathToString', () => {
  it('joins identifiers with dots and indices with brackets', () => {
    expect(pathToString(['triggers', 3, 'do', 0, 'behaviour'])).toBe('triggers[3].do[0].behaviour');
  });

  it('quotes keys that are not identifiers, and is empty for the root', () => {
    expect(pathToString(['vars', 'my var', 'type'])).toBe('vars["my var"].type');
    expect(pathToString(['9lives'])).toBe('["9lives"]');
    expect(pathToString([0, '__proto__'])).toBe('[0].__proto__');
    expect(pathToString([])).toBe('');
  });
});

describe('did-you-mean', () => {
  it('suggests the closest known name, ignoring case, and nothing when none is close', () => {
    expect(didYouMean('demo.hitt', ['demo.miss', 'demo.hit'])).toBe('demo.hit');
    expect(didYouMean('NOTE', ['note', 'nothing'])).toBe('note');
    expect(didYouMean('zzzzzz', ['note', 'setLevel'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('prefers an exact match over an earlier near one', () => {
    expect(didYouMean('cat', ['cats', 'cat'])).toBe('cat');
  });

  it('still finds a close name among many', () => {
    const known = Array.from({ length: 900 }, (_, i) => `trigger-${i}`);
    expect(didYouMean('triger-899', known)).toBe('trigger-899');
  });

  it('compares at most 1,000 known names and gives names over 64 characters no suggestion', () => {
    const known = Array.from({ length: 5000 }, (_, i) => `name-${i}`);
    expect(didYouMean('name-4999', known)).toBe('name-499'); // the exact name is past the first 1,000
    expect(didYouMean('name-999', known)).toBe('name-999');
    expect(didYouMean('a'.repeat(65), ['a'.repeat(64)])).toBeUndefined();
    expect(didYouMean('a'.repeat(63), ['a'.repeat(64)])).toBe('a'.repeat(64));
  });
});

describe('quoteName and unknownName', () => {
  it('quotes a name as JSON, cutting one longer than the limit and saying its length', () => {
    expect(quoteName('a"b')).toBe('"a\\"b"');
    expect(quoteName('x'.repeat(MAX_SHOWN_NAME))).toBe(JSON.stringify('x'.repeat(MAX_SHOWN_NAME)));
    expect(quoteName('y'.repeat(1234))).toBe(`"${'y'.repeat(80)}"… (1,234 characters)`);
  });

  it('shortens a huge unknown name in the message to 80 characters and says how long it was', () => {
    const msg = unknownName('behaviour', 'x'.repeat(100_000), ['note']);
    expect(msg).toBe(`unknown behaviour "${'x'.repeat(80)}"… (100,000 characters); expected one of "note"`);
  });

  it('suggests a close name, names the owner, or lists what is allowed', () => {
    expect(unknownName('field', 'amout', ['amount', 'target'], '"demo.hit" events')).toBe(
      'unknown field "amout" of "demo.hit" events; did you mean "amount"?',
    );
    expect(unknownName('key', 'when', ['type', 'payload'])).toBe(
      'unknown key "when"; expected one of "type", "payload"',
    );
    expect(unknownName('window', 'w', [])).toBe('unknown window "w"; there are none');
  });

  it('says how many names there are instead of listing more than 16', () => {
    const known = Array.from({ length: 17 }, (_, i) => `zz${i}`);
    expect(unknownName('alarm', 'qqqqqqq', known)).toBe(
      'unknown alarm "qqqqqqq"; expected one of 17 known names (see the reference)',
    );
  });

  it('treats "__proto__" as just another unknown name', () => {
    expect(unknownName('behaviour', '__proto__', ['note'])).toBe(
      'unknown behaviour "__proto__"; expected one of "note"',
    );
  });
});

describe('describeFound', () => {
  it('names each kind of JSON value for an "expected X, found Y" message', () => {
    expect(describeFound(null)).toBe('null');
    expect(describeFound([])).toBe('an empty array');
    expect(describeFound([1])).toBe('an array');
    expect(describeFound({})).toBe('an object');
    expect(describeFound('hi')).toBe('the string "hi"');
    expect(describeFound(3.5)).toBe('3.5');
    expect(describeFound(false)).toBe('false');
    expect(describeFound(undefined)).toBe('undefined');
  });

  it('cuts a string longer than 40 characters', () => {
    expect(describeFound('s'.repeat(41))).toBe(`the string "${'s'.repeat(40)}…"`);
    expect(describeFound('s'.repeat(40))).toBe(`the string "${'s'.repeat(40)}"`);
  });
});
