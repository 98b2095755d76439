import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** Says a line on the police radio. */
export const radio = defineCityBehaviour({
  name: 'radio',
  emits: ['radio.said'],
  description:
    'Says `line` on the police radio: it becomes the caption (world.radio) and radio.said {line} is emitted.',
  params: { line: { schema: z.string().min(1).max(200), description: 'What the dispatcher says.' } },
  run(ctx, p) {
    ctx.world.radio = { line: p.line, tick: ctx.tick };
    ctx.emit('radio.said', { line: p.line });
  },
});
