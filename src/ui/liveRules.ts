import { formatError, formatWarning, loadRules } from '../engine';
import type { Catalogue, CompiledRules } from '../engine';
import type { Overlay } from './overlay';

/** The overlay's note under loop warnings. */
export const LOOP_NOTE =
  'The game runs these rules; a loop is cut off by the cascade limit each time it spins. See the Graph tab.';

/** Rules text applied to the running game, with the rules overlay showing the errors of the last bad file. */
export interface LiveRules {
  /** Compiles and applies rules text; returns the formatted errors (empty when applied). */
  apply(text: string, file: string): string[];
  /** Hides the overlay if it shows the errors of `file`. */
  dismiss(file: string): void;
}

/** Creates the live rules: good rules go to `onRules`; on errors the game keeps its last good rules. */
export function createLiveRules(
  catalogue: Catalogue,
  overlay: Overlay,
  onRules: (rules: CompiledRules) => void,
): LiveRules {
  /** The file whose errors the overlay shows (null when it shows none, or the start-up file's). */
  let errorsFile: string | null = null;
  return {
    apply(text, file) {
      const r = loadRules(text, catalogue, file);
      if (!r.ok) {
        const lines = r.errors.map(formatError);
        errorsFile = file;
        overlay.show(
          `${file} has ${lines.length} error${lines.length === 1 ? '' : 's'}`,
          lines,
          'The game keeps running on the last good rules. Fix the file and save: this clears by itself.',
        );
        return lines;
      }
      onRules(r.rules);
      if (r.warnings.length) overlay.show(`${file} loaded, with warnings`, r.warnings.map(formatWarning), LOOP_NOTE);
      else overlay.hide();
      errorsFile = null;
      return [];
    },
    dismiss(file) {
      if (errorsFile !== file) return;
      overlay.hide();
      errorsFile = null;
    },
  };
}
