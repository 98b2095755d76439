import { driveCar, exitSpot, f64, i32, nearestFreeCar, walk } from '../../../game';
import { ACTION_HELD, tuning } from '../config';
import type { CityContext } from './context';
import { commitCrime } from './context';

/** Gets the player into the nearest free car (theft if it is someone else's), or out of the current one. */
function toggleCar(ctx: CityContext): void {
  const { world: w, runtime: rt } = ctx;
  const { agents: a, cars } = rt;
  const c = i32(a.car, 0);
  if (c >= 0) {
    exitSpot(rt.map, cars, c, rt.scratch.v);
    a.x[0] = f64(rt.scratch.v, 0);
    a.y[0] = f64(rt.scratch.v, 1);
    cars.driver[c] = -1;
    cars.speed[c] = 0;
    a.car[0] = -1;
    w.player.car = -1;
    w.player.inCar = false;
    ctx.emit('vehicle.exited', { entity: 0, vehicle: c });
    return;
  }
  const nc = nearestFreeCar(cars, f64(a.x, 0), f64(a.y, 0), tuning.enterCarRange);
  if (nc < 0) return;
  const stolen = cars.owner[nc] !== 0;
  cars.driver[nc] = 0;
  cars.owner[nc] = 0;
  a.car[0] = nc;
  a.x[0] = f64(cars.x, nc);
  a.y[0] = f64(cars.y, nc);
  w.player.car = nc;
  w.player.inCar = true;
  ctx.emit('vehicle.entered', { entity: 0, vehicle: nc, stolen });
  if (stolen) commitCrime(ctx, 'car-theft', 1);
}

/** Applies the player's controls: the action key (on its press) enters or leaves a car; arrows walk or drive. */
export function stepPlayer(ctx: CityContext): void {
  const { runtime: rt, input } = ctx;
  const { agents: a, cars, counters } = rt;
  const pressed = input.action && counters[ACTION_HELD] === 0;
  counters[ACTION_HELD] = input.action ? 1 : 0;
  if (a.alive[0] === 0) return;
  if (pressed) toggleCar(ctx);
  const dirX = (input.right ? 1 : 0) - (input.left ? 1 : 0);
  const dirY = (input.down ? 1 : 0) - (input.up ? 1 : 0);
  const c = i32(a.car, 0);
  if (c >= 0) {
    driveCar(rt.map, cars, c, dirX, dirY, tuning.car, tuning.dt, rt.scratch.v);
    a.x[0] = f64(cars.x, c);
    a.y[0] = f64(cars.y, c);
    a.heading[0] = f64(cars.heading, c);
    a.speed[0] = f64(cars.speed, c);
  } else walk(rt.map, a, 0, dirX, dirY, tuning.footSpeed, tuning.dt, rt.scratch.v);
}
