import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine';
import { cloudTuning as T } from '../../../src/scenarios/cloud/config';
import { createCloud } from '../../../src/scenarios/cloud/init';
import { drainServer, launchServer, recountPool } from '../../../src/scenarios/cloud/pool';
import { SlotState } from '../../../src/scenarios/cloud/types';

const fresh = () => createCloud(createRng(1), 0.5);
const states = (w: ReturnType<typeof fresh>['world']) => w.servers.map((s) => `${s.id}:${s.state}`);

describe('launchServer', () => {
  it('puts a booting server in the lowest free slot, ready after its boot time', () => {
    const { world: w, runtime: rt } = fresh();
    expect(states(w)).toEqual(['1:running', '2:running', '3:running']);
    const s = launchServer(w, rt, 100, 600);
    expect(s).toMatchObject({ id: 4, slot: 3, state: 'booting', launched: 100, ready: 700, gone: -1, crashedAt: -1 });
    expect([rt.slots.state[3], rt.slots.ready[3], rt.cpu[3]]).toEqual([SlotState.Booting, 700, 0]);
    rt.slots.state[1] = SlotState.Empty;
    expect(launchServer(w, rt, 100, 0)).toMatchObject({ id: 5, slot: 1, state: 'running', ready: 100 });
    expect([rt.slots.state[1], rt.cpu[1]]).toEqual([SlotState.Running, T.idleCpu]);
  });

  it('launches nothing when the racks are full', () => {
    const { world: w, runtime: rt } = fresh();
    while (launchServer(w, rt, 0, 60)) {
      /* fill the racks */
    }
    expect(w.servers).toHaveLength(T.slots);
    expect(launchServer(w, rt, 0, 60)).toBeNull();
    expect(w.nextServer).toBe(T.slots + 1);
  });
});

describe('drainServer', () => {
  it('drains the newest booting server first, then the newest running one', () => {
    const { world: w, runtime: rt } = fresh();
    launchServer(w, rt, 0, 600);
    launchServer(w, rt, 0, 600);
    expect(drainServer(w, rt, 50)).toBe(true);
    expect(states(w)).toEqual(['1:running', '2:running', '3:running', '4:booting', '5:draining']);
    expect(w.servers[4]?.gone).toBe(50 + T.drainTicks);
    expect([rt.slots.state[4], rt.slots.gone[4]]).toEqual([SlotState.Draining, 50 + T.drainTicks]);
    drainServer(w, rt, 50);
    drainServer(w, rt, 50);
    expect(states(w)).toEqual(['1:running', '2:running', '3:draining', '4:draining', '5:draining']);
  });

  it('finds nothing to drain when every server is already draining', () => {
    const { world: w, runtime: rt } = fresh();
    for (let i = 0; i < 3; i++) expect(drainServer(w, rt, 0)).toBe(true);
    expect(drainServer(w, rt, 0)).toBe(false);
  });
});

describe('recountPool', () => {
  it("counts running, booting and draining servers; the pool's size is running + booting", () => {
    const { world: w, runtime: rt } = fresh();
    launchServer(w, rt, 0, 600);
    launchServer(w, rt, 0, 600);
    drainServer(w, rt, 0);
    recountPool(w);
    expect(w.pool).toMatchObject({ running: 3, booting: 1, draining: 1, size: 4 });
    w.servers.length = 0;
    recountPool(w);
    expect(w.pool).toMatchObject({ running: 0, booting: 0, draining: 0, size: 0 });
  });
});
