import { checkClassroom } from './params';
import type { ClassroomParams } from './params';

function field(form: HTMLFormElement, name: string, label: string, value: string, hint: string): HTMLInputElement {
  const row = document.createElement('label');
  row.className = 'classroom-field';
  row.textContent = label;
  const input = document.createElement('input');
  input.name = name;
  input.value = value;
  input.placeholder = hint;
  input.autocomplete = 'off';
  input.spellcheck = false;
  row.append(input);
  form.append(row);
  return input;
}

/** The teacher page's URL for a room on a broker. */
export function teacherUrl(room: string, broker: string): string {
  const q = new URLSearchParams({ room, broker });
  return new URL(`classroom.html?${q}`, location.href).href;
}

/**
 * The join dialog: room, name, broker (ws:// or wss://). Joining reloads the page with `?room=&name=&broker=`, so the
 * page's connection policy is written for exactly that broker before anything connects.
 */
export function openJoinDialog(parent: HTMLElement, joined: ClassroomParams | null): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'classroom-dialog';
  const form = document.createElement('form');
  form.method = 'dialog';
  const title = document.createElement('h2');
  title.textContent = 'Classroom';
  const about = document.createElement('p');
  about.textContent =
    'Publish this game’s events to a room on the class’s NATS JetStream broker, and let your rules hear classmates (room.* events).';
  form.append(title, about);
  const room = field(form, 'room', 'Room', joined?.room ?? '', 'r1');
  const name = field(form, 'name', 'Your name', joined?.name ?? '', 'letters, digits, - or _');
  const broker = field(form, 'broker', 'Broker', joined?.broker ?? `ws://${location.hostname}:4223`, 'ws://host:4223');
  const errors = document.createElement('ul');
  errors.className = 'classroom-errors';
  const teacher = document.createElement('a');
  teacher.textContent = 'Open the teacher’s view';
  teacher.target = '_blank';
  teacher.rel = 'noopener';
  const buttons = document.createElement('div');
  buttons.className = 'classroom-buttons';
  const join = document.createElement('button');
  join.type = 'submit';
  join.textContent = joined ? 'Rejoin' : 'Join';
  const leave = document.createElement('button');
  leave.type = 'button';
  leave.textContent = joined ? 'Leave' : 'Cancel';
  buttons.append(join, leave);
  form.append(errors, teacher, buttons);
  dialog.append(form);
  parent.append(dialog);

  const check = () =>
    checkClassroom({ room: room.value.trim(), name: name.value.trim(), broker: broker.value.trim() }, (f) => f);
  const refresh = () => {
    const r = check();
    errors.replaceChildren(...r.errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
    teacher.hidden = !r.params;
    if (r.params) teacher.href = teacherUrl(r.params.room, r.params.broker);
  };
  form.addEventListener('input', refresh);
  refresh();
  const navigate = (params: ClassroomParams | null) => {
    const q = new URLSearchParams(location.search);
    for (const k of ['room', 'name', 'broker'] as const) {
      if (params) q.set(k, params[k]);
      else q.delete(k);
    }
    location.search = q.toString();
  };
  form.addEventListener('submit', (e) => {
    const r = check();
    if (!r.params) {
      e.preventDefault();
      refresh();
      return;
    }
    navigate(r.params);
  });
  leave.addEventListener('click', () => {
    dialog.close();
    if (joined) navigate(null);
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}
