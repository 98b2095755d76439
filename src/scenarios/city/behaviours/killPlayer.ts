import { defineCityBehaviour } from './define';
import { f64, i32 } from '../../../game';

/** The player dies: out of any car, a body where they fell, player.died. */
export const killPlayer = defineCityBehaviour({
  name: 'killPlayer',
  emits: ['vehicle.exited', 'player.died'],
  description: 'Kills the player (if alive): they leave any car, stop moving and emit player.died {x, y}.',
  params: {},
  run(ctx) {
    const { world: w, runtime: rt } = ctx;
    const a = rt.agents;
    if (a.alive[0] === 0) return;
    const c = i32(a.car, 0);
    if (c >= 0) {
      rt.cars.driver[c] = -1;
      rt.cars.speed[c] = 0;
      a.car[0] = -1;
      w.player.car = -1;
      w.player.inCar = false;
      ctx.emit('vehicle.exited', { entity: 0, vehicle: c });
    }
    a.alive[0] = 0;
    a.speed[0] = 0;
    w.player.alive = false;
    w.player.deaths++;
    ctx.emit('player.died', { x: f64(a.x, 0), y: f64(a.y, 0) });
  },
});
