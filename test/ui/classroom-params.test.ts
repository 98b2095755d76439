import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/ui/urlParams';

const page = 'http://127.0.0.1:5173/';
const parse = (search: string) => parseParams(search, page, { city: [], cloud: [] });

describe('classroom URL parameters', () => {
  it('joins with a room, a name and a ws:// or wss:// broker, keeping only its origin', () => {
    expect(parse('?room=r1&name=ann&broker=ws://10.0.0.5:4223').options.classroom).toEqual({
      room: 'r1',
      name: 'ann',
      broker: 'ws://10.0.0.5:4223',
    });
    expect(parse('?room=r1&name=ann&broker=wss://nats.school.example/path').options.classroom?.broker).toBe(
      'wss://nats.school.example',
    );
    expect(parse('').options.classroom).toBeNull();
  });

  it('reports each bad or missing value and does not join', () => {
    const r = parse('?room=r.1&name=ann&broker=http://x:1');
    expect(r.options.classroom).toBeNull();
    expect(r.errors).toEqual([
      'URL parameter "room": expected 1 to 64 letters, digits, "-" or "_", found "r.1"; the classroom was not joined',
      'URL parameter "broker": expected a ws:// or wss:// URL, found "http:"; the classroom was not joined',
    ]);
    expect(parse('?room=r1&broker=ws://h:1').errors).toEqual([
      'URL parameter "name": missing (the classroom needs room, name and broker); the classroom was not joined',
    ]);
    expect(parse('?room=r1&name=a&broker=ws://u:p@h:1').errors).toEqual([
      'URL parameter "broker": expected a ws:// or wss:// URL with a host and no user; the classroom was not joined',
    ]);
  });
});
