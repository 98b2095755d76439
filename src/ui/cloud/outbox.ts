import { formatClock } from '../../engine';
import type { Email } from '../../scenarios/cloud';
import { el, setText } from '../dom';

const SHOWN = 8;

/** The outbox in the HUD: the newest emails, each opening to its body. */
export interface OutboxView {
  readonly root: HTMLElement;
  update(outbox: readonly Email[], sent: number): void;
}

/** Creates the outbox list. */
export function createOutbox(): OutboxView {
  const root = el('section', 'cloud-outbox');
  root.setAttribute('aria-label', 'Outbox');
  const head = el('h2', '', 'Outbox');
  const count = el('span', 'cloud-count');
  head.append(' ', count);
  const list = el('ol', 'cloud-emails');
  list.setAttribute('aria-live', 'polite');
  const empty = el('p', 'cloud-empty', 'No emails yet. When an alarm goes off, the rules email oncall@example.com.');
  root.append(head, list, empty);
  let shown: readonly Email[] | null = null;
  let newest: Email | undefined;
  return {
    root,
    update(outbox, sent) {
      setText(count, String(sent));
      if (outbox === shown) return;
      const fresh = outbox[0] !== newest && shown !== null;
      shown = outbox;
      newest = outbox[0];
      empty.hidden = outbox.length > 0;
      list.replaceChildren(
        ...outbox.slice(0, SHOWN).map((m, i) => {
          const li = el(
            'li',
            `cloud-email${m.subject.startsWith('ALARM') ? ' alarm' : m.subject.startsWith('OK') ? ' ok' : ''}${i === 0 && fresh ? ' new' : ''}`,
          );
          const d = el('details');
          const s = el('summary');
          s.append(el('time', '', formatClock(m.tick)), ' ', el('span', 'cloud-subject', m.subject));
          d.append(s, el('p', 'cloud-to', `To: ${m.to}`), el('pre', 'cloud-body', m.body));
          li.append(d);
          return li;
        }),
      );
    },
  };
}
