import type { CloudContext } from './context';
import { stepHealth } from './health';
import { stepSamples } from './sample';
import { stepServers } from './servers';
import { stepTraffic } from './traffic';

/** One tick of the cloud: the traffic, the servers, crashes and health checks, then (every 5 s) the samples — in that order. */
export function stepCloud(ctx: CloudContext): void {
  stepTraffic(ctx);
  stepServers(ctx);
  stepHealth(ctx);
  stepSamples(ctx);
}
