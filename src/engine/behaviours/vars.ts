import { z } from '../zod';
import { defineBehaviour } from './define';

const varName = (what: string) => ({ schema: z.string(), description: what, kind: 'var' as const });

/** Sets a rules variable to a value of its type. */
export const setVar = defineBehaviour({
  name: 'setVar',
  emits: ['var.changed'],
  description: 'Sets a variable declared in "vars" to a value of its type; emits var.changed when the value changes.',
  params: {
    var: varName('The variable to set.'),
    value: {
      schema: z.union([z.number(), z.string().max(1000), z.boolean()]),
      description: 'The new value: a literal or a {"fact": …} of the variable\'s type.',
      kind: 'varValue',
    },
  },
  run(ctx, p) {
    ctx.setVar(p.var, p.value);
  },
});

/** Adds to a number variable, clamped to optional bounds. */
export const changeVar = defineBehaviour({
  name: 'changeVar',
  emits: ['var.changed'],
  description: 'Adds "by" to a number variable, then clamps it to "min"/"max" when given; emits var.changed.',
  params: {
    var: { ...varName('The number variable to change.'), varType: 'number' },
    by: { schema: z.number(), description: 'How much to add (negative to take away).' },
    min: { schema: z.number().optional(), description: 'The lowest value it may reach.' },
    max: { schema: z.number().optional(), description: 'The highest value it may reach.' },
  },
  run(ctx, p) {
    const from = ctx.getVar(p.var);
    if (typeof from !== 'number') throw new Error(`variable "${p.var}" is not a number`);
    let to = from + p.by;
    if (p.max !== undefined) to = Math.min(p.max, to);
    if (p.min !== undefined) to = Math.max(p.min, to);
    ctx.setVar(p.var, to);
  },
});

/** Flips a boolean variable. */
export const toggleVar = defineBehaviour({
  name: 'toggleVar',
  emits: ['var.changed'],
  description: 'Flips a boolean variable (true ↔ false); emits var.changed.',
  params: { var: { ...varName('The boolean variable to flip.'), varType: 'boolean' } },
  run(ctx, p) {
    ctx.setVar(p.var, !ctx.getVar(p.var));
  },
});
