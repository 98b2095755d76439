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
          "The CPU bars go red at once, but the alarm waits. The alarm `cpuHigh` (in the rules' `alarms`) turns each 5-second period into one datapoint and goes to ALARM only when 3 of the last 5 are above 70 %: CloudWatch calls it 3 datapoints out of 5 evaluation periods. One hot sample is noise; three are a trend.\n\n" +
          'Wait for `cpuHigh` to go to ALARM.',
        hint: "It takes 3 samples (15 seconds) after the spike. The alarm.changed event's `reason` lists the datapoints it judged.",
        check: { kind: 'event', type: 'alarm.changed', where: { alarm: 'cpuHigh', to: 'ALARM' } },
        action: { open: 'triggers', label: 'Open the Triggers panel' },
      },
      {
        id: 'trace-email',
        text:
          "Consumers reacted. `page-on-call` heard `alarm.changed` and sent an email with the alarm's reason (the SNS story: the alarm does not know who reads it), and `scale-out-now` heard the same event and added two servers.\n\n" +
          'Select the email and follow it back in the Trace: `alarm.changed` → `page-on-call` → `email.sent`.',
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
          'Break both in the Rules panel: in the `cpuLow` alarm change the threshold `30` to `60`; in `scale-out`, `scale-out-now` and `scale-in` change the `world.pool.sinceScaled` value to `0`. Apply.',
        hint: 'This step passes once the running rules have all four: the `cpuLow` alarm with threshold `60`, and `world.pool.sinceScaled` compared with `0` in `scale-out`, `scale-out-now` and `scale-in` (applied without errors).',
        check: {
          kind: 'rules',
          alarms: [{ id: 'cpuLow', threshold: 60 }],
          values: [
            { trigger: 'scale-out', fact: 'world.pool.sinceScaled', value: 0 },
            { trigger: 'scale-out-now', fact: 'world.pool.sinceScaled', value: 0 },
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
        text: 'The servers published exactly the same facts all along: only the consumers changed. Flapping is fixed where the decisions are made, with a wide gap between the thresholds, evaluation over several samples (N of M), and cooldowns. Put `30` back in the `cpuLow` alarm when you are done (or restart with R).',
        check: { kind: 'read' },
      },
    ],
  },
  {
    id: 'cloud-missing-data',
    title: 'When data goes missing',
    summary:
      'Turn the metrics agent off, watch a crash, and see what each missing-data treatment makes of the same run.',
    steps: [
      {
        id: 'agent-off',
        text:
          "An alarm judges datapoints, and a period without a sample has none: it is *missing*. `cpuHigh` treats missing data as `missing` (CloudWatch's default): while at least 5 of the last 7 periods have data it judges those; with fewer it keeps every real one; with none at all it cannot tell, and goes to INSUFFICIENT_DATA.\n\n" +
          'Turn the **Metrics agent** off (under the load slider) and wait.',
        hint: 'After 7 periods without data (35 s) `cpuHigh` goes to INSUFFICIENT_DATA. Turn the agent back on afterwards.',
        check: { kind: 'event', type: 'alarm.changed', where: { alarm: 'cpuHigh', to: 'INSUFFICIENT_DATA' } },
      },
      {
        id: 'crash',
        text:
          "Missing data also happens on its own. Servers crash now and then: a crashed server stops serving and reporting, and the pool's average waits for every server in service, so its datapoints go missing until the load balancer's health check fails it twice (15–30 s) and the pool replaces it.\n\n" +
          'Wait for a `server.replaced` (keep the load up so the pool is big: crashes are per server).',
        hint: 'The log shows `server.failed` then `server.replaced`; `alarm.cpuHigh.datapoints` shows the gap as "-".',
        check: { kind: 'event', type: 'server.replaced' },
        action: { open: 'log', label: 'Open the Event log' },
      },
      {
        id: 'treatments',
        text: 'Open the **Alarm playground** (left column): the same datapoints, judged under the four treatments side by side. `breaching` calls a silent server a hot one (good for "is it alive?"), `notBreaching` a quiet one (good for metrics that only report errors), `ignore` keeps whatever the alarm said before, and `missing` decides with the real datapoints it has — and may even go to ALARM early when the oldest of them breaches. Click the datapoints, and press **use this alarm** to run the cloud with that treatment.',
        check: { kind: 'read' },
      },
    ],
  },
];
