import { effect } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { AnyEngine } from '../../engine';
import { createClassroomBadge } from './badge';
import type { ClassroomLink } from './link';
import type { ClassroomParams } from './params';

/**
 * Shows the classroom badge and, when the URL joined a room, loads the transport and attaches it to the engine (and to
 * every engine a restart or import swaps in); returns the link, or null when not joined.
 */
export async function startClassroom(
  stage: HTMLElement,
  params: ClassroomParams | null,
  engine: ReadonlySignal<AnyEngine>,
): Promise<() => ClassroomLink | null> {
  let link: ClassroomLink | null = null;
  createClassroomBadge(stage, params, () => link);
  if (params) {
    // The transport loads only when joined: it is beside the engine, never inside a tick.
    link = (await import('./link')).joinClassroom(params);
    effect(() => link?.attach(engine.value));
  }
  return () => link;
}
