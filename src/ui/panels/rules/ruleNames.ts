import type { Completion } from '@codemirror/autocomplete';

/** A variable a rules file declares in "vars". */
export interface DeclaredVar {
  readonly name: string;
  /** "number", "string" or "boolean" (as written; "?" when missing). */
  readonly type: string;
  readonly initial: unknown;
  readonly description: string | undefined;
}

/** The names a rules file declares or uses, for completion and hover: windows, alarms, variables and timers. */
export interface FileNames {
  readonly windows: readonly string[];
  readonly alarms: readonly string[];
  readonly vars: readonly DeclaredVar[];
  readonly timers: readonly string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The ids of the objects of a top-level list (`windows`, `alarms`). */
function idsOf(doc: unknown, list: string): string[] {
  const items = isObj(doc) ? doc[list] : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((x: unknown) => (isObj(x) && typeof x.id === 'string' ? [x.id] : []));
}

/** The variables a rules file declares, in order. */
export function declaredVars(doc: unknown): DeclaredVar[] {
  const vars = isObj(doc) ? doc.vars : undefined;
  if (!isObj(vars)) return [];
  return Object.keys(vars).map((name) => {
    const d = vars[name];
    const o = isObj(d) ? d : {};
    return {
      name,
      type: typeof o.type === 'string' ? o.type : '?',
      initial: o.initial,
      description: typeof o.description === 'string' ? o.description : undefined,
    };
  });
}

/** The timer names a rules file's actions write out (startTimer and stopTimer), in order of first use. */
export function timerNames(doc: unknown): string[] {
  const triggers = isObj(doc) ? doc.triggers : undefined;
  const names = new Set<string>();
  if (Array.isArray(triggers))
    for (const t of triggers)
      if (isObj(t) && Array.isArray(t.do))
        for (const a of t.do)
          if (
            isObj(a) &&
            (a.behaviour === 'startTimer' || a.behaviour === 'stopTimer') &&
            typeof a.timer === 'string' &&
            a.timer
          )
            names.add(a.timer);
  return [...names];
}

/** Everything a rules file names that completion and hover offer. */
export function fileNames(doc: unknown): FileNames {
  return {
    windows: idsOf(doc, 'windows'),
    alarms: idsOf(doc, 'alarms'),
    vars: declaredVars(doc),
    timers: timerNames(doc),
  };
}

/** A variable's type, initial value and description, in words (hover and completion info). */
export function describeVar(v: DeclaredVar): string {
  const initial = v.initial === undefined ? '' : `initial ${JSON.stringify(v.initial)}`;
  return [initial, v.description].filter(Boolean).join(' · ') || 'declared in "vars"';
}

/** The file's variables as completions (only those of `type` when a behaviour needs one). */
export function varOptions(doc: unknown, type?: string): Completion[] {
  return declaredVars(doc)
    .filter((v) => !type || v.type === type)
    .map((v) => ({ label: v.name, detail: v.type, info: describeVar(v), type: 'variable' }));
}

/** The timers the file starts or stops, as completions. */
export function timerOptions(doc: unknown): Completion[] {
  return timerNames(doc).map((t) => ({ label: t, detail: 'timer', info: `read as timer.${t}.left`, type: 'variable' }));
}
