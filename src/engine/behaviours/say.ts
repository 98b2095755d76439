import { z } from '../zod';
import { defineBehaviour } from './define';

/** The sounds rules may play: the audio layer plays each and the page captions it. */
export const SOUNDS = ['siren', 'radio', 'hit', 'shot', 'coin', 'alarm', 'chime'] as const;

/** Shows a message on the page (a caption) and in the CLI log. */
export const say = defineBehaviour({
  name: 'say',
  emits: ['message.shown'],
  description:
    'Shows a message as a caption on the page and a line in the CLI log (message.shown {text, seconds}). The text may read facts as placeholders, e.g. "Coins: {var.coins}" or "Hit for {event.amount}"; it is always shown as text.',
  params: {
    text: {
      schema: z.string().min(1).max(200),
      description: 'What to show; {fact} placeholders are filled in.',
      kind: 'template',
    },
    seconds: { schema: z.number().min(0.5).max(30).optional(), description: 'How long it stays (default 4).' },
  },
  run(ctx, p) {
    ctx.emit('message.shown', { text: p.text, seconds: p.seconds ?? 4 });
  },
});

/** Plays a sound from the fixed catalogue (muted and captioned like the game's own sounds). */
export const playSound = defineBehaviour({
  name: 'playSound',
  emits: ['sound.played'],
  description: `Plays a sound (sound.played {sound}): one of ${SOUNDS.join(', ')}. Muted with the rest; the page captions it.`,
  params: { sound: { schema: z.enum(SOUNDS), description: 'Which sound.' } },
  run(ctx, p) {
    ctx.emit('sound.played', { sound: p.sound });
  },
});
