import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import type { PathSeg } from './schemaWalk';

/** Where the cursor is in the rules JSON, and what may go there. */
export interface JsonSpot {
  /** A property name of an object, a property's value, or an item of an array. */
  readonly kind: 'key' | 'value' | 'item';
  /** Range of what is typed so far: inside the quotes for a string, the bare word otherwise. */
  readonly from: number;
  readonly to: number;
  /** The cursor is inside quotes. */
  readonly quoted: boolean;
  /** For a key: there is already a `:` after it (complete the name only). */
  readonly hasValue: boolean;
  /** For a value: its key. */
  readonly key: string | null;
  /** For a key: the object's path. For a value or item: the value's path. */
  readonly path: readonly PathSeg[];
  /** The document as far as it parses (half-typed parts left out). */
  readonly doc: unknown;
  /** For a key: the keys the object has already. */
  readonly present: ReadonlySet<string>;
}

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** The unquoted name of a Property node. */
function keyOf(state: EditorState, prop: SyntaxNode): string | null {
  const name = prop.getChild('PropertyName');
  if (!name) return null;
  const raw = state.sliceDoc(name.from, name.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The value node of a Property. */
function valueOf(prop: SyntaxNode): SyntaxNode | null {
  for (let v = prop.lastChild; v; v = v.prevSibling) if (VALUE_NODES.has(v.name)) return v;
  return null;
}

function arrayItems(arr: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = arr.firstChild; c; c = c.nextSibling) if (VALUE_NODES.has(c.name)) out.push(c);
  return out;
}

/** The JSON path of a value node (an Object, Array or literal), from its Property and Array ancestors. */
export function pathOf(state: EditorState, node: SyntaxNode): PathSeg[] | null {
  const segs: PathSeg[] = [];
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.name === 'Property') {
      const k = keyOf(state, p);
      if (k === null) return null;
      segs.push(k);
    } else if (p.name === 'Array') segs.push(arrayItems(p).findIndex((x) => x.from === child.from));
  }
  return segs.reverse();
}

/** A best-effort JSON value of a syntax node (a half-typed document still gives what is readable). */
export function nodeValue(state: EditorState, node: SyntaxNode | null): unknown {
  if (!node) return undefined;
  switch (node.name) {
    case 'JsonText':
      return nodeValue(state, node.firstChild);
    case 'Object': {
      const o: Record<string, unknown> = {};
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.name !== 'Property') continue;
        const k = keyOf(state, c);
        if (k !== null && k !== '__proto__') o[k] = nodeValue(state, valueOf(c));
      }
      return o;
    }
    case 'Array':
      return arrayItems(node).map((x) => nodeValue(state, x));
    case 'True':
      return true;
    case 'False':
      return false;
    case 'Null':
      return null;
    default:
      try {
        return JSON.parse(state.sliceDoc(node.from, node.to));
      } catch {
        return undefined;
      }
  }
}

/** What the spot finders share: the editor state, the cursor and the best-effort document. */
interface SpotCtx {
  readonly state: EditorState;
  readonly pos: number;
  readonly doc: unknown;
}

type Range = { from: number; to: number; quoted: boolean };

/** The range inside a String node's quotes (up to the cursor when the string is not closed yet). */
function inString(c: SpotCtx, n: SyntaxNode): Range {
  const closed = n.to - n.from >= 2 && c.state.sliceDoc(n.to - 1, n.to) === '"' && c.pos < n.to;
  return { from: n.from + 1, to: closed ? n.to - 1 : Math.max(c.pos, n.to), quoted: true };
}

/** A key of an object, with the keys the object has already (but the one being typed). */
function keySpot(c: SpotCtx, obj: SyntaxNode, range: Range, hasValue: boolean): JsonSpot | null {
  const path = pathOf(c.state, obj);
  if (!path) return null;
  const present = new Set<string>();
  for (let p = obj.firstChild; p; p = p.nextSibling) {
    if (p.name !== 'Property') continue;
    const name = p.getChild('PropertyName');
    const k = keyOf(c.state, p);
    if (k !== null && !(name && name.from <= c.pos && c.pos <= name.to)) present.add(k);
  }
  return { kind: 'key', ...range, hasValue, key: null, path, doc: c.doc, present };
}

/** The value of a property. */
function valueSpot(c: SpotCtx, prop: SyntaxNode, range: Range): JsonSpot | null {
  const obj = prop.parent;
  const key = keyOf(c.state, prop);
  const path = obj ? pathOf(c.state, obj) : null;
  if (!path || key === null) return null;
  return { kind: 'value', ...range, hasValue: true, key, path: [...path, key], doc: c.doc, present: new Set() };
}

/** An item of an array, indexed by the items before it. */
function itemSpot(c: SpotCtx, arr: SyntaxNode, range: Range): JsonSpot | null {
  const path = pathOf(c.state, arr);
  if (!path) return null;
  const index = arrayItems(arr).filter((x) => x.to < range.from).length;
  return { kind: 'item', ...range, hasValue: true, key: null, path: [...path, index], doc: c.doc, present: new Set() };
}

/** A key, value or item spot in whatever a node's parent is (an Object, a Property or an Array). */
function spotIn(c: SpotCtx, parent: SyntaxNode | null, range: Range, keys: boolean): JsonSpot | null {
  if (keys && parent?.name === 'Object') return keySpot(c, parent, range, false);
  if (parent?.name === 'Property') return valueSpot(c, parent, range);
  if (parent?.name === 'Array') return itemSpot(c, parent, range);
  return null;
}

/** The spot of a string literal: none before its opening quote or after its closing one. */
function stringSpot(c: SpotCtx, node: SyntaxNode): JsonSpot | null {
  const closed = node.to - node.from >= 2 && c.state.sliceDoc(node.to - 1, node.to) === '"';
  if (c.pos <= node.from || (c.pos === node.to && closed)) return null;
  return spotIn(c, node.parent, inString(c, node), false);
}

/** Finds what the cursor is completing: a key, a value or an array item, with its path; null elsewhere. */
export function spotAt(state: EditorState, pos: number): JsonSpot | null {
  const tree = ensureSyntaxTree(state, pos, 50) ?? syntaxTree(state);
  const node = tree.resolveInner(pos, -1);
  const c: SpotCtx = { state, pos, doc: nodeValue(state, tree.topNode) };
  const word = /[\w.$:-]*$/.exec(state.sliceDoc(Math.max(0, pos - 80), pos))?.[0] ?? '';
  const bare: Range = { from: pos - word.length, to: pos, quoted: false };
  const parent = node.parent;
  switch (node.name) {
    case 'PropertyName': {
      const obj = parent?.parent;
      if (!parent || obj?.name !== 'Object' || pos <= node.from) return null;
      return keySpot(c, obj, inString(c, node), !!valueOf(parent) || parent.getChild(':') !== null);
    }
    case 'String':
      return stringSpot(c, node);
    case '⚠': {
      const quoted = state.sliceDoc(node.from, pos).startsWith('"');
      return spotIn(c, parent, quoted ? { from: node.from + 1, to: pos, quoted: true } : bare, true);
    }
    case 'Number':
    case 'True':
    case 'False':
    case 'Null':
      return spotIn(c, parent, { from: node.from, to: node.to, quoted: false }, false);
    case 'Object':
    case '{':
    case ',':
      return arrayOrObject(c, node.name === 'Object' ? node : parent, bare);
    case 'Array':
    case '[':
      return itemSpot(c, node.name === 'Array' ? node : (parent as SyntaxNode), bare);
    case 'Property':
    case ':':
      return valueSpot(c, node.name === 'Property' ? node : (parent as SyntaxNode), bare);
    default:
      return null;
  }
}

/** After `{` or `,`: a key of the object or an item of the array it is in. */
function arrayOrObject(c: SpotCtx, parent: SyntaxNode | null, bare: Range): JsonSpot | null {
  if (parent?.name === 'Object') return keySpot(c, parent, bare, false);
  if (parent?.name === 'Array') return itemSpot(c, parent, bare);
  return null;
}

/** The value at a path of a best-effort document. */
export function valueAtPath(doc: unknown, path: readonly PathSeg[]): unknown {
  let v = doc;
  for (const seg of path) v = typeof v === 'object' && v !== null ? (v as Record<PathSeg, unknown>)[seg] : undefined;
  return v;
}

/** The id of the trigger the cursor is in (null outside triggers, or while it has no id yet). */
export function triggerIdAt(state: EditorState, pos: number): string | null {
  const tree = ensureSyntaxTree(state, pos, 20) ?? syntaxTree(state);
  for (let n: SyntaxNode | null = tree.resolveInner(pos, 0); n; n = n.parent) {
    if (n.name !== 'Object' || n.parent?.name !== 'Array') continue;
    const prop = n.parent.parent;
    if (prop?.name !== 'Property' || keyOf(state, prop) !== 'triggers' || prop.parent?.parent?.name !== 'JsonText')
      continue;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'Property' || keyOf(state, c) !== 'id') continue;
      const v = nodeValue(state, valueOf(c));
      return typeof v === 'string' ? v : null;
    }
    return null;
  }
  return null;
}
