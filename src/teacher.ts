import { h, render } from 'preact';
import { lockConnectSrc } from './ui/classroom/csp';
import { checkClassroom } from './ui/classroom/params';
import { connectTeacher } from './ui/teacher/link';
import { applyRoomEvent, createRoomModel } from './ui/teacher/model';
import { TeacherPage } from './ui/teacher/TeacherPage';
import './ui/teacher/style.css';

/** The teacher's page: `classroom.html?room=<room>&broker=ws://<host>:<port>`. */
async function start(root: HTMLElement): Promise<void> {
  const q = new URLSearchParams(location.search);
  const { params, errors } = checkClassroom(
    { room: q.get('room'), name: null, broker: q.get('broker') ?? `ws://${location.hostname}:4223` },
    (f) => `URL parameter "${f}"`,
    false,
  );
  lockConnectSrc(params?.broker ?? null);
  if (!params) {
    root.textContent = `${errors.join('\n')}\nOpen this page as classroom.html?room=<room>&broker=ws://<host>:4223`;
    root.className = 'teacher-error';
    document.body.dataset.ready = 'true';
    return;
  }
  const live = createRoomModel();
  const replay = createRoomModel();
  const link = await connectTeacher(params, (ev) => applyRoomEvent(live, ev, Date.now()));
  const startReplay = (seq: number) => {
    replay.students.clear();
    replay.log.length = 0;
    replay.read = 0;
    replay.lastStream = 0;
    link.replayFrom(seq, (ev) => applyRoomEvent(replay, ev, Date.now()));
  };
  render(h(TeacherPage, { room: params.room, link, live, replay, startReplay }), root);
  Object.defineProperty(window, 'sirenTeacher', {
    value: Object.freeze({
      students: () => [...live.students.values()].map((s) => ({ ...s })),
      read: () => live.read,
      lastStream: () => live.lastStream,
      replayed: () => replay.read,
      dropped: () => link.drops.dropped,
    }),
  });
  document.body.dataset.ready = 'true';
}

const root = document.getElementById('teacher');
if (root)
  start(root).catch((e: unknown) => {
    root.textContent = `The classroom view could not start: ${e instanceof Error ? e.message : String(e)}`;
    document.body.dataset.ready = 'true';
  });
