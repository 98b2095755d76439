import { z } from '../../../engine/zod';
import { defineCityBehaviour } from './define';

/** Says a line on the police radio. */
export const radio = defineCityBehaviour({
  name: 'radio',
  emits: ['radio.said'],
  description:
    'Says `line` on the police radio: it becomes the caption (world.radio) and radio.said {line} is emitted. A `{name}` in the line is replaced by `name` (e.g. a classmate read from the event).',
  params: {
    line: { schema: z.string().min(1).max(200), description: 'What the dispatcher says.' },
    name: {
      schema: z.string().max(64).optional(),
      description: 'Put in place of `{name}` in the line (absent: the line as written).',
    },
  },
  run(ctx, p) {
    const line = p.name === undefined ? p.line : p.line.split('{name}').join(p.name);
    ctx.world.radio = { line, tick: ctx.tick };
    ctx.emit('radio.said', { line });
  },
});
