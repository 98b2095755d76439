import type { CloudContext } from './context';
import { stepSamples } from './sample';
import { stepServers } from './servers';
import { stepTraffic } from './traffic';

/** One tick of the cloud: the traffic, then the servers, then (every 5 s) the samples — in that order. */
export function stepCloud(ctx: CloudContext): void {
  stepTraffic(ctx);
  stepServers(ctx);
  stepSamples(ctx);
}
