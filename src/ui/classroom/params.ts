import { tokenProblem } from '../../net/subjects';

/** Where a page joins: a room, the student's name in it, and the broker's WebSocket URL. */
export interface ClassroomParams {
  readonly room: string;
  readonly name: string;
  /** A ws:// or wss:// URL: its origin is the one origin the page may connect to. */
  readonly broker: string;
}

/** Why a broker URL is refused, or null: ws:// or wss:// only, a host, no credentials. */
export function brokerProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `expected a ws:// or wss:// URL like ws://192.168.1.10:4223, found ${JSON.stringify(raw.slice(0, 100))}`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return `expected a ws:// or wss:// URL, found ${JSON.stringify(url.protocol.slice(0, 20))}`;
  if (!url.hostname || url.username || url.password) return `expected a ws:// or wss:// URL with a host and no user`;
  return null;
}

/** The WebSocket origin of a (valid) broker URL: scheme, host and port. */
export function brokerOrigin(broker: string): string {
  const url = new URL(broker);
  return `${url.protocol}//${url.host}`;
}

/**
 * Checks the three classroom parameters together (all or none): each problem as a line, named by `label(field)`.
 */
export function checkClassroom(
  values: { room: string | null; name: string | null; broker: string | null },
  label: (field: string) => string,
  needName = true,
): { params: ClassroomParams | null; errors: string[] } {
  const { room, name, broker } = values;
  const fields = needName ? { room, name, broker } : { room, broker };
  if (Object.values(fields).every((v) => v === null)) return { params: null, errors: [] };
  const errors: string[] = [];
  for (const [field, value] of Object.entries(fields))
    if (value === null || value === '')
      errors.push(`${label(field)}: missing (the classroom needs room, name and broker)`);
  if (room) {
    const p = tokenProblem(label('room'), room);
    if (p) errors.push(p);
  }
  if (needName && name) {
    const p = tokenProblem(label('name'), name);
    if (p) errors.push(p);
  }
  if (broker) {
    const p = brokerProblem(broker);
    if (p) errors.push(`${label('broker')}: ${p}`);
  }
  if (errors.length) return { params: null, errors };
  return {
    params: { room: room as string, name: needName ? (name as string) : '', broker: brokerOrigin(broker as string) },
    errors,
  };
}
