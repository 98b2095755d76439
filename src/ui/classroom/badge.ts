import './style.css';
import type { ClassroomLink } from './link';
import { openJoinDialog } from './dialog';
import type { ClassroomParams } from './params';

/** How often the badge re-reads the link (never per frame). */
const BADGE_REFRESH_MS = 500;

/**
 * The classroom badge: "Classroom" (opens the join dialog) when not joined; else the link's state — connecting, live
 * or offline — with the queued and dropped counts. Text only, never HTML.
 */
export function createClassroomBadge(
  parent: HTMLElement,
  joined: ClassroomParams | null,
  link: () => ClassroomLink | null,
): HTMLElement {
  const badge = document.createElement('button');
  badge.type = 'button';
  badge.className = 'classroom-badge';
  badge.dataset.state = joined ? 'connecting' : 'none';
  badge.textContent = joined ? `connecting · ${joined.room}/${joined.name}` : 'Classroom';
  badge.title = 'Join a classroom: publish this game to a room on a NATS JetStream broker';
  badge.addEventListener('click', () => openJoinDialog(document.body, joined));
  parent.append(badge);
  if (joined)
    setInterval(() => {
      const l = link();
      if (!l) return;
      const s = l.status();
      badge.dataset.state = s.state;
      const extra = [s.queued ? `${s.queued} queued` : '', s.dropped ? `${s.dropped} dropped` : ''].filter(Boolean);
      badge.textContent = `${s.state} · ${joined.room}/${joined.name}${extra.length ? ' · ' + extra.join(', ') : ''}`;
      badge.title =
        s.lastError && s.state === 'offline'
          ? `offline: ${s.lastError}`
          : `${s.acked} events acknowledged by the broker`;
    }, BADGE_REFRESH_MS);
  return badge;
}
