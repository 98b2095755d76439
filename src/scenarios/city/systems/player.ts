import { driveCar, exitSpot, nearestFreeCar, walk } from '../../../game';
import { tuning } from '../config';
import type { CityContext } from './context';
import { commitCrime } from './context';

/** Gets the player into the nearest free car (theft if it is someone else's), or out of the current one. */
function toggleCar(ctx: CityContext): void {
  const { world: w, runtime: rt } = ctx;
  const { agents: a, cars } = rt;
  const c = a.car[0] as number;
  if (c >= 0) {
    exitSpot(rt.map, cars, c, rt.scratch.v);
    a.x[0] = rt.scratch.v[0] as number;
    a.y[0] = rt.scratch.v[1] as number;
    cars.driver[c] = -1;
    cars.speed[c] = 0;
    a.car[0] = -1;
    w.player.car = -1;
    w.player.inCar = false;
    ctx.emit('vehicle.exited', { entity: 0, vehicle: c });
    return;
  }
  const nc = nearestFreeCar(cars, a.x[0] as number, a.y[0] as number, tuning.enterCarRange);
  if (nc < 0) return;
  const stolen = cars.owner[nc] !== 0;
  cars.driver[nc] = 0;
  cars.owner[nc] = 0;
  a.car[0] = nc;
  a.x[0] = cars.x[nc] as number;
  a.y[0] = cars.y[nc] as number;
  w.player.car = nc;
  w.player.inCar = true;
  ctx.emit('vehicle.entered', { entity: 0, vehicle: nc, stolen });
  if (stolen) commitCrime(ctx, 'car-theft', 1);
}

/** Applies the player's controls: the action key (on its press) enters or leaves a car; arrows walk or drive. */
export function stepPlayer(ctx: CityContext): void {
  const { runtime: rt, input } = ctx;
  const { agents: a, cars, counters } = rt;
  const pressed = input.action && counters[2] === 0;
  counters[2] = input.action ? 1 : 0;
  if (a.alive[0] === 0) return;
  if (pressed) toggleCar(ctx);
  const dirX = (input.right ? 1 : 0) - (input.left ? 1 : 0);
  const dirY = (input.down ? 1 : 0) - (input.up ? 1 : 0);
  const c = a.car[0] as number;
  if (c >= 0) {
    driveCar(rt.map, cars, c, dirX, dirY, tuning.car, tuning.dt, rt.scratch.v);
    a.x[0] = cars.x[c] as number;
    a.y[0] = cars.y[c] as number;
    a.heading[0] = cars.heading[c] as number;
    a.speed[0] = cars.speed[c] as number;
  } else walk(rt.map, a, 0, dirX, dirY, tuning.footSpeed, tuning.dt, rt.scratch.v);
}
