import type { Lesson } from '../lesson';

/** The classroom lesson: the same ideas as the log lessons, on a real NATS JetStream broker, checked against it. */
export const classroomLesson: Lesson = {
  id: 'classroom-broker',
  title: 'A real broker: the classroom',
  summary:
    'Producers and a stream on NATS JetStream, offsets as stream sequences, a durable consumer and its lag, replay, at-least-once delivery.',
  steps: [
    {
      id: 'join',
      text:
        'So far the log lived in this tab. Join the class’s broker and this page becomes a **producer**: every event of your game is published to one JetStream **stream**, on the subject `siren.<room>.<you>.<event type>`.\n\n' +
        'Click the Classroom badge at the top right, enter the room, your name and the broker (your teacher prints them with `npm run classroom`), and join.',
      hint: 'This step passes when the broker has acknowledged at least 20 of your events (the badge says “live”).',
      check: { kind: 'broker', test: 'live', atLeast: 20 },
    },
    {
      id: 'sequences',
      text: 'Open the Flow panel: each of your events has its **local offset** (its place in this tab’s log) and a **stream sequence** (its place in the room’s stream, among everyone’s events). The stream sequence is the broker’s offset: it is what any consumer remembers to know where it is.',
      check: { kind: 'read' },
      action: { open: 'flow', label: 'Open the Flow panel' },
    },
    {
      id: 'durable',
      text: 'A **durable consumer** is a named reader the broker remembers: its position survives disconnects. Open the teacher’s view (the link is in the Classroom dialog): it creates one for the room, and the Flow panel lists it with its **pending** count (its lag) and its **acks pending** (sent, not yet acknowledged).',
      hint: 'This step passes when the broker reports a durable consumer on your room.',
      check: { kind: 'broker', test: 'consumer' },
      action: { open: 'flow', label: 'Open the Flow panel' },
    },
    {
      id: 'lag',
      text: 'In the teacher’s view, **Pause** its consumer. The room goes on producing; the broker keeps every event, and the consumer’s pending count grows. Nobody else slows down.',
      hint: 'This step passes when a durable consumer on your room has at least 20 pending events.',
      check: { kind: 'broker', test: 'lagging', atLeast: 20 },
    },
    {
      id: 'catch-up',
      text: '**Resume** it: the consumer reads from where it stopped, acknowledges, and its pending count falls back to 0.',
      hint: 'This step passes when that consumer’s pending count is 0 again.',
      check: { kind: 'broker', test: 'caught-up' },
    },
    {
      id: 'replay',
      text: 'Events stay in the stream (for a day, or until it reaches its size limit), so a new consumer can **replay** the room from any sequence. In the teacher’s view, enter a sequence and press Replay: a consumer named `replay-<room>` starts there.',
      hint: 'This step passes when the broker reports a replay consumer that has been sent events.',
      check: { kind: 'broker', test: 'replay' },
    },
    {
      id: 'at-least-once',
      text: 'The broker acknowledges each event it stored. If an acknowledgement is lost (the network drops, the broker restarts), the page sends the event again: delivery is **at least once**. It is never stored twice, because each message carries an id made of room, student, run and offset, and JetStream drops a message whose id it has seen within its duplicate window. That is why republishing is safe.',
      check: { kind: 'read' },
    },
  ],
};
