/** The most work one tick may do in conditions: comparisons evaluated plus window entries read. */
export const DEFAULT_WORK_PER_TICK = 200_000;
/** The most delayed actions that may wait at once. */
export const DEFAULT_MAX_PENDING = 10_000;

/** Counts a tick's condition work and stops it at a budget, warning once a tick with the trigger that spent it. */
export interface WorkBudget {
  /** Starts a tick's count. */
  begin(): void;
  /** Charges a trigger's test before it runs; false when the budget is spent (the test is skipped). */
  test(trigger: string, comparisons: number): boolean;
  /** Charges a window read of `entries` entries; false when the budget is spent (the read gives 0). */
  read(entries: number): boolean;
  /** True while this tick's budget lasts. */
  readonly left: boolean;
}

/** A work budget of `max` units a tick; `warn` is called once a tick it runs out. */
export function createWorkBudget(max: number, warn: (reason: string, triggers: string[]) => void): WorkBudget {
  let used = 0;
  let current = '';
  let warned = false;
  const spent = (): boolean => {
    if (used <= max) return false;
    if (!warned) {
      warned = true;
      warn(
        `per-tick work budget (${max.toLocaleString('en')} comparisons and window entries read) used up by trigger ${current}; the rest of this tick's conditions were not evaluated (treated as false)`,
        [current],
      );
    }
    return true;
  };
  return {
    begin() {
      used = 0;
      warned = false;
    },
    test(trigger, comparisons) {
      current = trigger;
      used += comparisons;
      return !spent();
    },
    read(entries) {
      used += entries;
      return !spent();
    },
    get left() {
      return used <= max;
    },
  };
}

/** Caps the delayed actions waiting at once: past the cap new ones are dropped, with one warning until it drains. */
export interface PendingCap {
  /** True when one more delayed action of `trigger` may wait; false (and a warning, once) when the cap is reached. */
  admit(pending: readonly { readonly trigger: { readonly id: string } }[], trigger: string): boolean;
}

/** A cap of `max` pending delayed actions; warns again only after the queue has drained below 90 % of it. */
export function createPendingCap(max: number, warn: (reason: string, triggers: string[]) => void): PendingCap {
  let warned = false;
  return {
    admit(pending, trigger) {
      if (pending.length < max) {
        if (pending.length < max * 0.9) warned = false;
        return true;
      }
      if (!warned) {
        warned = true;
        const counts = new Map<string, number>([[trigger, 0]]);
        for (const p of pending) counts.set(p.trigger.id, (counts.get(p.trigger.id) ?? 0) + 1);
        const triggers = [...counts]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 12)
          .map(([id]) => id);
        warn(
          `delayed actions limit (${max.toLocaleString('en')} waiting) reached by triggers ${triggers.join(', ')}; new delayed actions are dropped until some have run`,
          triggers,
        );
      }
      return false;
    },
  };
}
