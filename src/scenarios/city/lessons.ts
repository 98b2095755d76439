/** Guided lessons for the city, in the format of src/scenarios/lesson.ts: plain data, checked by watching the event log. */
import type { Lesson } from '../lesson';
import { classroomLesson } from './classroomLesson';

/** The city's lessons, in order. */
export const cityLessons: readonly Lesson[] = [
  {
    id: 'events-are-facts',
    title: 'Events are facts',
    summary: 'Something happens; a system states it as an immutable event; consumers react with new facts.',
    steps: [
      {
        id: 'get-shot',
        text:
          'Systems in the game do not change your health. They only state what happened, as **events**.\n\n' +
          'Get shot: goons shoot at anyone in their turf, and the police shoot once you have two stars.',
        hint: 'Walk into a goon turf and wait a moment, or open the page with ?autopilot=1 and let the built-in player get hit. This step watches the log for a `damage` event with `target` 0 (you).',
        check: { kind: 'event', type: 'damage', where: { target: 0 } },
      },
      {
        id: 'read-damage',
        text:
          'That hit is now a `damage` event in the log: a fact with an **offset** (its place in the log), a tick, and a payload saying who was hit (`target`, 0 is you), by whom (`source`) and how much (`amount`).\n\n' +
          'Nothing can change it or take it back: later events can only add to the story. Select it to read it.',
        hint: 'Click the event chip below, or find the damage event in the Event log and click its row.',
        check: { kind: 'selected', type: 'damage', where: { target: 0 } },
        action: { open: 'log', label: 'Open the Event log' },
      },
      {
        id: 'see-health',
        text:
          'The trigger `damage-hurts` consumed that event, and its behaviour `changeHealth` stated a new fact: `health.changed`, with the old and the new value (`from` → `to`).\n\n' +
          'Because each change records both values, the log alone can say what your health was at any tick. Select the `health.changed` it caused.',
        hint: 'Click the health.changed chip below (or the row in the Event log; the Trace panel shows the chain damage → damage-hurts → health.changed).',
        check: { kind: 'selected', type: 'health.changed', where: { entity: 0 } },
        action: { open: 'trace', label: 'Open the Trace' },
      },
    ],
  },
  {
    id: 'triggers-and-behaviours',
    title: 'Triggers and behaviours',
    summary: 'Rules decide what facts mean: on an event, when a condition holds, do behaviours. Change one live.',
    steps: [
      {
        id: 'edit-rule',
        text:
          'A trigger says: **on** this event, **when** this holds, **do** these behaviours. `damage-hurts` is on `damage` and does `changeHealth` with `amount` = `event.amount` × -1.\n\n' +
          'Make police bullets hurt twice as much: paste this trigger into `triggers` in the Rules panel and Apply. `damage-hurts` still takes the usual amount off; yours takes it off once more, for police bullets only (or change `times` in `damage-hurts` itself).',
        snippet:
          '{\n' +
          '  "id": "police-bullets-hurt",\n' +
          '  "on": "damage",\n' +
          '  "when": {\n' +
          '    "fact": "event.source", "op": "eq", "value": "police"\n' +
          '  },\n' +
          '  "do": [{\n' +
          '    "behaviour": "changeHealth",\n' +
          '    "entity": { "fact": "event.target" },\n' +
          '    "amount": { "fact": "event.amount", "times": -1 }\n' +
          '  }]\n' +
          '}',
        hint: 'This step passes as soon as the triggers listening to `damage` differ from what they were when the step began and one of them still does `changeHealth` (applied without errors).',
        check: { kind: 'rules', changed: 'damage', has: { on: 'damage', behaviour: 'changeHealth' } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'see-new-amount',
        text: 'Now get shot by the police. The `damage` event is the same fact as before, but your rule changes what it becomes: the `health.changed` events it causes now take a different total off than the bullet’s `amount` — live, without a restart or a rebuild.',
        hint: 'The police open fire at two stars: shoot (Space) near people or steal a car (E) a few times to raise your wanted level.',
        check: {
          kind: 'event',
          type: 'health.changed',
          where: { entity: 0 },
          causedBy: { type: 'damage', where: { source: 'police' } },
          test: 'total-drop-differs-from-cause-amount',
        },
      },
      {
        id: 'ask-why',
        text: 'Open the Triggers panel and open `damage-hurts` or your new trigger: it says when it last fired and, for the newest `damage` event, which part of its condition passed or failed and with what values.',
        check: { kind: 'read' },
        action: { open: 'triggers', label: 'Open the Triggers panel' },
      },
    ],
  },
  {
    id: 'pub-sub',
    title: 'Pub/sub and loose coupling',
    summary: 'Add a consumer of an event without touching the system that produces it.',
    steps: [
      {
        id: 'add-consumer',
        text:
          'The vehicles system publishes `vehicle.entered` whenever someone gets into a car. It does not know who listens: today the trigger `car-heals` does.\n\n' +
          'Add a second consumer, a trigger that plays the police radio, without touching any producer: paste this into `triggers` in the Rules panel and Apply.',
        snippet:
          '{\n' +
          '  "id": "car-radio",\n' +
          '  "on": "vehicle.entered",\n' +
          '  "when": { "fact": "event.entity", "op": "eq", "value": 0 },\n' +
          '  "do": [\n' +
          '    { "behaviour": "radio", "line": "Suspect is in a car" }\n' +
          '  ]\n' +
          '}',
        hint: 'Any trigger on `vehicle.entered` with a `radio` action passes this step.',
        check: { kind: 'rules', has: { on: 'vehicle.entered', behaviour: 'radio' } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'enter-car',
        text: 'Get into a car: walk up to one and press E. Your trigger hears the same event `car-heals` hears, and the radio speaks: `vehicle.entered` → your trigger → `radio.said`.',
        hint: 'Cars are parked along the streets. The step watches for a `radio.said` caused by a `vehicle.entered` event.',
        check: { kind: 'event', type: 'radio.said', causedBy: { type: 'vehicle.entered' } },
      },
      {
        id: 'follow-chain',
        text: 'Open the Trace and select the radio line: it leads back to the car through your trigger. The producer and its consumers share only the event type: that is the whole contract, so either side can change alone.',
        hint: 'Select the radio.said chip below, then open the Trace.',
        check: { kind: 'selected', type: 'radio.said' },
        action: { open: 'trace', label: 'Open the Trace' },
      },
    ],
  },
  {
    id: 'log-and-offsets',
    title: 'The log and offsets',
    summary: 'An append-only log with offsets: consumers read at their own pace, fall behind, catch up, replay.',
    steps: [
      {
        id: 'fall-behind',
        text:
          'Every event gets the next **offset** in an append-only log, and every consumer reads from its own offset. This lesson is a consumer too, named `lessons` (its offset and lag are shown below).\n\n' +
          'Open the Flow panel and play while you watch `lessons` fall behind, since nobody reads for it: its **lag** grows. When it is 100 or more, come back here: it catches up from its offset and misses nothing.',
        hint: 'The log grows only when something happens: standing still in a quiet street it hardly grows. A fight or a chase makes up to ten events a second (the autopilot, `?autopilot=1`, makes about 200 a minute). In the Flow panel you can also pause the panel’s own consumer and watch its lag grow.',
        check: { kind: 'caught-up', atLeast: 100 },
        action: { open: 'flow', label: 'Open the Flow panel' },
      },
      {
        id: 'rewind',
        text: 'Offsets make replay possible. Open the Time panel and drag the timeline back a few seconds: the log is cut back to that tick and the world restored from a snapshot. Then come back here.',
        hint: 'This step notices that events it had read are gone from the log (or were replaced by re-simulated ones).',
        check: { kind: 'rewound' },
        action: { open: 'time', label: 'Open the Time panel' },
      },
      {
        id: 'replay',
        text: 'Drag forward again: the engine re-runs the recorded inputs, and the same events come back at the same offsets (same seed, same inputs, same facts). At the furthest tick the log’s hash matches the one from before. A Kafka consumer replays a topic from any retained offset the same way.',
        check: { kind: 'read' },
        action: { open: 'time', label: 'Open the Time panel' },
      },
    ],
  },
  {
    id: 'state-triggers',
    title: 'State triggers, cooldowns and once',
    summary: 'Why a `while` trigger fires on the edge, not on every tick; and how cooldowns and once limit triggers.',
    steps: [
      {
        id: 'add-while',
        text:
          'Not every trigger listens to events. A `while` trigger watches the world and fires on the **edge**: on the tick its condition becomes true, not on every tick it stays true.\n\n' +
          'Add this one in the Rules panel and Apply.',
        snippet:
          '{\n' +
          '  "id": "driving-radio",\n' +
          '  "while": {\n' +
          '    "fact": "world.player.inCar", "op": "eq", "value": true\n' +
          '  },\n' +
          '  "do": [\n' +
          '    { "behaviour": "radio", "line": "Suspect is driving" }\n' +
          '  ]\n' +
          '}',
        check: { kind: 'rules', has: { mode: 'while' } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'first-edge',
        text: 'Get into a car and drive around. The condition is true on every tick you drive, yet the trigger fires once: on the tick it became true.',
        hint: 'E gets you into the nearest car. The step watches for `trigger.fired` of a `while` trigger.',
        check: { kind: 'trigger.fired', mode: 'while' },
      },
      {
        id: 'second-edge',
        text: 'Get out (E) and back in. The condition went false, then true again: a new edge, so it fires again — once.',
        check: { kind: 'trigger.fired', mode: 'while' },
      },
      {
        id: 'cooldown',
        text: '**Cooldowns** limit how often a trigger fires: `car-heals` waits 10 seconds after each heal. Get out and back into a car within 10 seconds: the second time `car-heals` does not fire (the Triggers panel says it is cooling down).',
        hint: 'The step watches for you entering a car (`vehicle.entered`, entity 0) that `car-heals` did not fire on.',
        check: { kind: 'not-fired', type: 'vehicle.entered', where: { entity: 0 }, trigger: 'car-heals' },
      },
      {
        id: 'once',
        text: '**Once** makes a trigger fire a single time: add `"once": true` to your `while` trigger and Apply. It fires on the next edge, then it is spent until rules are loaded again.',
        check: { kind: 'rules', has: { mode: 'while', once: true } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
    ],
  },
  classroomLesson,
  {
    id: 'mini-game',
    title: 'Make your own mini-game',
    summary:
      'Variables, messages and sounds from the rules alone: every escaped pursuit earns a coin; three coins win.',
    steps: [
      {
        id: 'count-coins',
        text:
          'Rules can keep their own state in **variables**. In the Rules panel add `"vars": { "coins": { "type": "number", "initial": 0 } }` at the top level of the file, then this trigger to `triggers`, and Apply.\n\n' +
          '(The whole game is in `public/rules/minigame.json`: open the page with `?rules=rules/minigame.json`.)',
        snippet:
          '{\n' +
          '  "id": "coin-for-escape",\n' +
          '  "on": "pursuit.lost",\n' +
          '  "when": { "fact": "event.reason", "op": "eq", "value": "escaped" },\n' +
          '  "do": [\n' +
          '    { "behaviour": "changeVar", "var": "coins", "by": 1 },\n' +
          '    { "behaviour": "say", "text": "Escaped! Coins: {var.coins}" }\n' +
          '  ]\n' +
          '}',
        vars: { coins: { type: 'number', initial: 0 } },
        check: { kind: 'rules', has: { on: 'pursuit.lost', behaviour: 'changeVar' } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'earn-coin',
        text: 'Commit a crime, then escape the pursuit. `changeVar` emits `var.changed {name, from, to}`: watch it in the Event log, and your caption on the page.',
        hint: 'The step watches for `var.changed` with name "coins".',
        check: { kind: 'event', type: 'var.changed', where: { name: 'coins' } },
      },
      {
        id: 'celebrate',
        text: 'Variables are facts (`var.coins`) and their changes are events, so a trigger can listen. Add one on `var.changed` where `event.to` is 3 that does a `say` and a `playSound` (coin, chime, alarm …), and Apply.',
        snippet:
          '{\n' +
          '  "id": "three-coins",\n' +
          '  "on": "var.changed",\n' +
          '  "when": { "all": [\n' +
          '    { "fact": "event.name", "op": "eq", "value": "coins" },\n' +
          '    { "fact": "event.to", "op": "eq", "value": 3 }\n' +
          '  ] },\n' +
          '  "do": [\n' +
          '    { "behaviour": "say", "text": "Three coins! You win." },\n' +
          '    { "behaviour": "playSound", "sound": "chime" }\n' +
          '  ]\n' +
          '}',
        vars: { coins: { type: 'number', initial: 0 } },
        check: { kind: 'rules', has: { on: 'var.changed', behaviour: 'say' } },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'win',
        text: 'Escape until you have three coins. The message is caused by the `var.changed` event that took coins to 3: click it in the Event log and follow the Trace.',
        check: {
          kind: 'event',
          type: 'message.shown',
          causedBy: { type: 'var.changed', where: { name: 'coins', to: 3 } },
        },
      },
    ],
  },
];
