import type { Lesson } from '../lesson';

/** The cloud's lessons, in order: plain data, checked by watching the event log (see the city's lessons for the format). */
export const cloudLessons: readonly Lesson[] = [
  {
    id: 'cloud-alarm',
    title: 'An alarm is a consumer',
    summary: 'Servers only report CPU samples; rules turn sustained high CPU into an alarm, an email and a scale-out.',
    steps: [
      {
        id: 'press-spike',
        text:
          'Every 5 seconds each server publishes `cpu.sampled` and the load balancer publishes `pool.sampled` with the pool’s average CPU. They do not know about alarms, emails or scaling: they only state facts.\n\n' +
          'Press **Spike** (or Space) to send a rush of traffic. A spike lasts 90 seconds; while one is running the button is greyed out.',
        hint: 'The Spike button is under the load slider, top left. The step watches for `load.changed` with source "spike".',
        check: { kind: 'event', type: 'load.changed', where: { source: 'spike' } },
      },
      {
        id: 'see-alarm',
        text:
          'The CPU bars go red at once, but the alarm waits. The window `cpuHigh` keeps the last 5 pool samples, and `cpu-high-alarm` fires only when 3 of them are above 70 % (`window.cpuHigh.matching` ≥ 3): CloudWatch calls it 3 datapoints out of 5 evaluation periods. One hot sample is noise; three are a trend.\n\n' +
          'Wait for `cpuHigh` to go to ALARM.',
        hint: 'It takes 3 samples (15 seconds) after the spike. The Triggers panel shows, for the newest pool.sampled, how many samples matched.',
        check: { kind: 'event', type: 'alarm.changed', where: { alarm: 'cpuHigh', to: 'ALARM' } },
        action: { open: 'triggers', label: 'Open the Triggers panel' },
      },
      {
        id: 'trace-email',
        text:
          'Two consumers reacted. `page-on-call` heard `alarm.changed` and sent an email (the SNS story: the alarm does not know who reads it). `scale-out` heard the same `pool.sampled` and added two servers.\n\n' +
          'Select the email and follow it back in the Trace: `pool.sampled` → `cpu-high-alarm` → `alarm.changed` → `page-on-call` → `email.sent`.',
        hint: 'Click the email.sent chip below, or its row in the Event log.',
        check: { kind: 'selected', type: 'email.sent' },
        action: { open: 'trace', label: 'Open the Trace' },
      },
    ],
  },
  {
    id: 'cloud-flapping',
    title: 'Flapping and cooldowns',
    summary: 'Change a threshold and the cooldowns, and watch the pool start to flap — and stop.',
    steps: [
      {
        id: 'remove-cooldowns',
        text:
          'Two things keep this pool calm. **Hysteresis**: it scales out above 70 % but in only below 30 %, so one scaling cannot undo the other. **Cooldowns**: `scale-out` waits 60 s and `scale-in` 120 s after any scaling (`world.pool.sinceScaled`), so new servers can boot and warm up before the CPU is judged again.\n\n' +
          'Break both in the Rules panel: in `cpu-low-alarm` and `cpu-low-ok` change the threshold `30` to `60`; in `scale-out` and `scale-in` change the `world.pool.sinceScaled` value to `0`. Apply.',
        hint: 'This step passes once the running rules have all four: `window.cpu.max` compared with `60` in `cpu-low-alarm` and in `cpu-low-ok`, and `world.pool.sinceScaled` compared with `0` in `scale-out` and in `scale-in` (applied without errors).',
        check: {
          kind: 'rules',
          values: [
            { trigger: 'cpu-low-alarm', fact: 'window.cpu.max', value: 60 },
            { trigger: 'cpu-low-ok', fact: 'window.cpu.max', value: 60 },
            { trigger: 'scale-out', fact: 'world.pool.sinceScaled', value: 0 },
            { trigger: 'scale-in', fact: 'world.pool.sinceScaled', value: 0 },
          ],
        },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'watch-flap',
        text:
          'Press **Spike** (if it is greyed out, the spike from before is still running: that one does the same) and watch the racks. While the new servers boot, every sample still looks hot, so every sample adds two more: the pool overshoots. Once they are up the CPU falls under 60 %, and every sample takes one away; then it is too hot again. The pool flaps, `pool.scaled` piles up in the log, and the outbox fills with ALARM and OK emails.\n\n' +
          'Wait for a scale-in.',
        hint: 'The step watches for `pool.scaled` with reason "cpuLow".',
        check: { kind: 'event', type: 'pool.scaled', where: { reason: 'cpuLow' } },
      },
      {
        id: 'cooldown-back',
        text: 'Now put a cooldown back, and nothing else: in `scale-in` set the `world.pool.sinceScaled` value to `120` (or more) and Apply. The thresholds are still too close, but every scale-in now waits two minutes after any scaling, and the swings slow to a crawl.',
        hint: 'This step passes once `scale-in` compares `world.pool.sinceScaled` with 120 or more, and every other trigger on `pool.sampled` is as it was when the step began.',
        check: {
          kind: 'rules',
          changed: 'pool.sampled',
          only: 'scale-in',
          values: [{ trigger: 'scale-in', fact: 'world.pool.sinceScaled', atLeast: 120 }],
        },
        action: { open: 'editor', label: 'Open the Rules panel' },
      },
      {
        id: 'lesson',
        text: 'The servers published exactly the same facts all along: only the consumers changed. Flapping is fixed where the decisions are made, with a wide gap between the thresholds, evaluation over several samples (N of M), and cooldowns. Put `30` back in `cpu-low-alarm` and `cpu-low-ok` when you are done (or restart with R).',
        check: { kind: 'read' },
      },
    ],
  },
];
