import type { SirenEvent } from '../../engine';
import type { BenchPayload } from './benchScenario';

/**
 * The ceiling: DISPATCH_TRIGGERS as a hand-written switch on type with the conditions inline. Returns how many
 * triggers fired. The harness checks it agrees with every other alternative.
 */
export function runSwitch(events: readonly SirenEvent<string, BenchPayload>[]): number {
  let fired = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as SirenEvent<string, BenchPayload>;
    const p = ev.payload;
    switch (ev.type) {
      case 'bench.e0':
        if (p.n >= 51 && (p.kind === 'red' || p.kind === 'green')) fired++;
        if (p.n < 35 && p.kind === 'amber') fired++;
        if (p.n < 25 && p.kind === 'blue') fired++;
        if (p.n < 40 && (p.kind === 'red' || p.kind === 'blue')) fired++;
        if (p.n >= 77 && p.kind === 'amber') fired++;
        break;
      case 'bench.e1':
        if (p.n > 62 && (p.kind === 'green' || p.kind === 'red')) fired++;
        if (p.n > 59 && (p.kind === 'blue' || p.kind === 'green')) fired++;
        if (p.n >= 56 && (p.kind === 'blue' || p.kind === 'red')) fired++;
        if (p.n >= 72 && p.kind === 'green') fired++;
        if (p.n <= 43 && (p.kind === 'amber' || p.kind === 'blue')) fired++;
        break;
      case 'bench.e2':
        if (p.n >= 76 && p.kind === 'green') fired++;
        if (p.n < 23 && p.kind === 'amber') fired++;
        if (p.n <= 29 && p.kind === 'green') fired++;
        if (p.n >= 64 && (p.kind === 'green' || p.kind === 'amber')) fired++;
        if (p.n < 21 && (p.kind === 'amber' || p.kind === 'green')) fired++;
        break;
      case 'bench.e3':
        if (p.n < 29 && p.kind === 'red') fired++;
        if (p.n >= 73 && p.kind === 'blue') fired++;
        if (p.n < 45 && p.kind === 'green') fired++;
        if (p.n > 71 && p.kind === 'green') fired++;
        if (p.n > 68 && p.kind === 'green') fired++;
        break;
      case 'bench.e4':
        if (p.n < 40 && p.kind === 'green') fired++;
        if (p.n > 53 && (p.kind === 'red' || p.kind === 'green')) fired++;
        if (p.n < 42 && (p.kind === 'amber' || p.kind === 'blue')) fired++;
        if (p.n < 27 && p.kind === 'red') fired++;
        if (p.n <= 46 && p.kind === 'amber') fired++;
        break;
      case 'bench.e5':
        if (p.n >= 54 && (p.kind === 'green' || p.kind === 'blue')) fired++;
        if (p.n < 22 && (p.kind === 'red' || p.kind === 'blue')) fired++;
        if (p.n < 41 && p.kind === 'amber') fired++;
        if (p.n > 63 && p.kind === 'amber') fired++;
        if (p.n < 42 && p.kind === 'amber') fired++;
        break;
      case 'bench.e6':
        if (p.n <= 42 && p.kind === 'amber') fired++;
        if (p.n < 36 && (p.kind === 'amber' || p.kind === 'green')) fired++;
        if (p.n >= 73 && (p.kind === 'amber' || p.kind === 'green')) fired++;
        if (p.n >= 56 && p.kind === 'amber') fired++;
        if (p.n < 47 && p.kind === 'red') fired++;
        break;
      case 'bench.e7':
        if (p.n < 40 && (p.kind === 'blue' || p.kind === 'amber')) fired++;
        if (p.n >= 59 && p.kind === 'amber') fired++;
        if (p.n >= 57 && (p.kind === 'amber' || p.kind === 'blue')) fired++;
        if (p.n > 60 && p.kind === 'blue') fired++;
        if (p.n <= 35 && p.kind === 'amber') fired++;
        break;
      case 'bench.e8':
        if (p.n > 58 && (p.kind === 'amber' || p.kind === 'blue')) fired++;
        if (p.n >= 79 && (p.kind === 'amber' || p.kind === 'green')) fired++;
        if (p.n <= 20 && (p.kind === 'blue' || p.kind === 'amber')) fired++;
        if (p.n >= 60 && (p.kind === 'green' || p.kind === 'red')) fired++;
        if (p.n < 40 && p.kind === 'red') fired++;
        break;
      case 'bench.e9':
        if (p.n <= 29 && p.kind === 'green') fired++;
        if (p.n >= 56 && p.kind === 'green') fired++;
        if (p.n <= 32 && (p.kind === 'green' || p.kind === 'red')) fired++;
        if (p.n > 57 && p.kind === 'blue') fired++;
        if (p.n < 35 && (p.kind === 'blue' || p.kind === 'green')) fired++;
        break;
    }
  }
  return fired;
}
