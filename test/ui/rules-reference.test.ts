import { describe, expect, it } from 'vitest';
import { rulesReference, scenarioCatalogue } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import {
  filterReference,
  inlineText,
  parseInline,
  parseReference,
  splitRow,
} from '../../src/ui/panels/rules/reference';

describe("the reference tab's Markdown reader", () => {
  it('reads inline code, <br> breaks and escaped pipes, and nothing else (no HTML)', () => {
    expect(parseInline('a `b|c` d<br>e \\| f <b>x</b>')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'b|c' },
      { kind: 'text', text: ' d' },
      { kind: 'br' },
      { kind: 'text', text: 'e | f <b>x</b>' },
    ]);
    expect(splitRow('| `a` | b \\| c | d |')).toEqual(['`a`', 'b \\| c', 'd']);
  });

  it('turns the generated reference into headings, notes, paragraphs and tables', () => {
    const blocks = parseReference(rulesReference([scenarioCatalogue(demoScenario)]));
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: 'Siren rules reference',
      id: 'siren-rules-reference',
    });
    expect(blocks[1]).toMatchObject({ kind: 'para', note: true });
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(
      expect.arrayContaining(['Operators', 'Scenario demo', 'Events', 'World facts', 'Behaviours']),
    );
    const events = blocks[blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Events') + 1];
    expect(events?.kind).toBe('table');
    if (events?.kind !== 'table') return;
    expect(events.head.map(inlineText)).toEqual(['event', 'producer', 'payload', 'meaning']);
    const hit = events.rows.find((r) => inlineText(r[0] ?? []) === 'demo.hit');
    expect(hit && inlineText(hit[2] ?? [])).toBe('target: number, amount: number');
  });

  it('filters to the rows mentioning every word, keeping their headings', () => {
    const blocks = parseReference(rulesReference([scenarioCatalogue(demoScenario)]));
    const shown = filterReference(blocks, 'changeHp target');
    expect(shown.map((b) => (b.kind === 'heading' ? b.text : b.kind))).toEqual([
      'Siren rules reference',
      'Scenario demo',
      'Behaviours',
      'table',
    ]);
    const table = shown[3];
    expect(table?.kind === 'table' && table.rows.map((r) => inlineText(r[0] ?? []))).toEqual(['changeHp']);
    expect(filterReference(blocks, '')).toEqual(blocks);
    expect(filterReference(blocks, 'no-such-thing-anywhere')).toEqual([]);
  });
});
