import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createEngine, exportRun, loadRules, parseRun, replayRun, scenarioCatalogue } from '../../../src/engine';
import type { SirenEvent } from '../../../src/engine';
import { cityScenario } from '../../../src/scenarios/city';
import { createPublisher } from '../../../src/net/publisher';
import { createRoomInputs } from '../../../src/net/roomInputs';
import { freshRoom, open } from './client';

let nc: NatsConnection;
let js: JetStreamClient;
beforeAll(async () => {
  ({ nc, js } = await open(inject('brokerUrl')));
});
afterAll(async () => {
  await nc.close();
});

const catalogue = scenarioCatalogue(cityScenario);
const cityText = readFileSync('public/rules/city.json', 'utf8');
function compile(text: string) {
  const r = loadRules(text, catalogue, 'city.json');
  if (!r.ok) throw new Error('rules do not load');
  return r.rules;
}
/** The city's rules plus one that makes the first crime five stars: a classmate who reaches five stars quickly. */
function fiveStarRules() {
  const file = JSON.parse(cityText) as { triggers: unknown[] };
  file.triggers.unshift({ id: 'max-out', on: 'crime.committed', do: [{ behaviour: 'setWanted', level: 5 }] });
  return compile(JSON.stringify(file));
}

describe('rules that hear a classmate through the broker', () => {
  it("puts a classmate's five stars on this page's police radio, and the exported run replays with no broker", async () => {
    const room = freshRoom('mates');
    const ann = createEngine({ scenario: cityScenario, rules: fiveStarRules(), seed: 1 });
    const bob = createEngine({ scenario: cityScenario, rules: compile(cityText), seed: 2 });
    const pub = createPublisher({ js, room, student: 'ann', run: 'a' });
    ann.log.onAppend((ev) => pub.push(ev));
    const inputs = await createRoomInputs({ js, room, self: 'bob', declared: bob.rules.declared });
    const annPilot = cityScenario.createAutopilot(1);
    const bobPilot = cityScenario.createAutopilot(2);
    const heard: SirenEvent[] = [];
    bob.bus.on('radio.said' as never, (ev: SirenEvent) => heard.push(ev));
    const end = Date.now() + 20_000;
    while (!heard.some((e) => (e.payload as { line: string }).line.includes('ann')) && Date.now() < end) {
      for (let i = 0; i < 60; i++) ann.step(annPilot(ann.world, ann.runtime, ann.tick));
      await new Promise((r) => setTimeout(r, 10));
      for (const e of inputs.take()) bob.receive(e.type, e.payload);
      bob.step(bobPilot(bob.world, bob.runtime, bob.tick));
    }
    pub.close();
    await inputs.close();
    expect(heard.map((e) => (e.payload as { line: string }).line)).toContain(
      'All units: ann is at five stars across town',
    );
    const roomEvents = bob.log.slice(bob.log.start).filter((e) => e.type === 'room.wanted.changed');
    expect(roomEvents[0]?.payload).toMatchObject({ student: 'ann', to: 5 });
    expect(bob.records.some((r) => r.external?.some((e) => e.type === 'room.wanted.changed'))).toBe(true);

    const text = JSON.stringify(exportRun(bob));
    const parsed = parseRun(text, { city: cityScenario });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(replayRun(parsed.run, cityScenario).log.hash()).toBe(bob.log.hash());
  });
});
