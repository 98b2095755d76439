import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules, scenarioCatalogue } from '../../src/engine';
import type { CompiledRules } from '../../src/engine';
import { demoScenario } from '../../src/scenarios/demo';
import { gotoOffset } from '../../src/ui/panels/rules/goto';
import { layoutGraph } from '../../src/ui/panels/graph/layout';
import { buildRuleGraph } from '../../src/ui/panels/graph/model';

const catalogue = scenarioCatalogue(demoScenario);
function load(path: string): CompiledRules {
  const r = loadRules(readFileSync(path, 'utf8'), catalogue, path);
  if (!r.ok) throw new Error('does not load');
  return r.rules;
}

describe('layoutGraph', () => {
  it('puts each node one layer right of its furthest predecessor', () => {
    const l = layoutGraph(
      ['a', 'b', 'c', 'd'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'c' },
        { from: 'd', to: 'c' },
      ],
    );
    expect(Object.fromEntries([...l.at].map(([n, p]) => [n, p.layer]))).toEqual({ a: 0, b: 1, c: 2, d: 0 });
    expect(l.layers).toBe(3);
    expect(l.rows).toBe(2);
    expect(l.back.size).toBe(0);
  });

  it('sets aside the edge that closes a cycle, and gives every node its own spot', () => {
    const edges = [
      { from: 'x', to: 'y' },
      { from: 'y', to: 'z' },
      { from: 'z', to: 'y' },
      { from: 'z', to: 'z' },
    ];
    const l = layoutGraph(['x', 'y', 'z'], edges);
    expect([...l.back].sort()).toEqual([2, 3]);
    expect(l.at.get('z')).toEqual({ layer: 2, row: 0 });
    const spots = new Set([...l.at.values()].map((p) => `${p.layer},${p.row}`));
    expect(spots.size).toBe(3);
    expect(layoutGraph(['x', 'y', 'z'], edges)).toEqual(l);
  });
});

describe('the rule graph', () => {
  it('links events → triggers → behaviours → emitted events, with each trigger at its line:col', () => {
    const g = buildRuleGraph(load('test/fixtures/loop-warnings/02-emit-ping-pong.json'));
    expect(g.nodes.find((n) => n.id === 't:ping')).toMatchObject({ kind: 'trigger', line: 11, column: 5 });
    const kinds = g.edges.map((e) => `${e.from} ${e.kind} ${e.to} ${e.cycle ?? '-'}`);
    expect(kinds).toEqual([
      'e:demo.pulse listens t:start -',
      't:start does b:start#0 -',
      'b:start#0 emits e:ping.sent -',
      'e:ping.sent listens t:ping loop',
      't:ping does b:ping#0 loop',
      'b:ping#0 emits e:pong.sent loop',
      'e:pong.sent listens t:pong loop',
      't:pong does b:pong#0 loop',
      'b:pong#0 emits e:ping.sent loop',
    ]);
    expect(g.loops).toBe(1);
  });

  it('draws a cycle through once, cooldown or delay as guarded, not as a loop', () => {
    const g = buildRuleGraph(load('test/fixtures/loop-warnings/04-guarded-is-fine.json'));
    expect(g.loops).toBe(0);
    // ping ⇄ pong, and the two score triggers that each fire both
    expect(g.guardedCycles).toBe(2);
    expect(g.edges.filter((e) => e.cycle === 'loop')).toEqual([]);
    expect(g.edges.find((e) => e.kind === 'listens' && e.to === 't:pong')?.cycle).toBe('guarded');
  });

  it('has enable and disable edges from the behaviour to the trigger it switches', () => {
    const r = loadRules(
      JSON.stringify({
        version: 1,
        scenario: 'demo',
        triggers: [
          { id: 'a', on: 'demo.hit', do: [{ behaviour: 'enableTrigger', trigger: 'b' }] },
          { id: 'b', on: 'demo.pulse', enabled: false, do: [{ behaviour: 'disableTrigger', trigger: 'b' }] },
        ],
      }),
      catalogue,
    );
    if (!r.ok) throw new Error('does not load');
    const g = buildRuleGraph(r.rules);
    expect(
      g.edges.filter((e) => e.kind === 'enables' || e.kind === 'disables').map((e) => [e.from, e.kind, e.to]),
    ).toEqual([
      ['b:a#0', 'enables', 't:b'],
      ['b:b#0', 'disables', 't:b'],
    ]);
    expect(g.nodes.find((n) => n.id === 't:b')?.note).toBe('off at start');
  });
});

describe('jumping to a trigger in the editor', () => {
  const text = readFileSync('test/fixtures/loop-warnings/02-emit-ping-pong.json', 'utf8');
  it('finds the trigger by id in the draft, even when it moved', () => {
    const moved = text.replace('"triggers": [', '"triggers": [\n\n');
    const at = gotoOffset(moved, { trigger: 'pong', line: 16, column: 5 });
    expect(moved.slice(at, at + 20)).toMatch(/^\{\s+"id": "pong"/);
  });
  it('falls back to the line:col when the draft does not parse', () => {
    const broken = text.replace('"version": 1,', '"version": 1');
    const at = gotoOffset(broken, { trigger: 'pong', line: 16, column: 5 });
    expect(broken.split('\n')[15]?.slice(4, 5)).toBe('{');
    expect(broken[at]).toBe('{');
  });
});
