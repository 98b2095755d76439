import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { rulesReference } from '../../../engine';
import type { Catalogue } from '../../../engine';
import type { Inline, RefBlock } from './reference';
import { filterReference, parseReference } from './reference';

/** The generated rules reference (events, facts, operators, behaviours) as tables, with a filter. */
export function ReferenceView({ catalogue }: { catalogue: Catalogue }) {
  const blocks = useMemo(() => parseReference(rulesReference([catalogue])), [catalogue]);
  const query = useSignal('');
  const shown = filterReference(blocks, query.value);
  return (
    <section class="re-ref" role="tabpanel" aria-label="Reference">
      <input
        type="search"
        class="re-filter"
        placeholder="Filter: an event, fact, behaviour, word…"
        aria-label="Filter the reference"
        value={query.value}
        onInput={(e) => (query.value = e.currentTarget.value)}
      />
      {shown.length ? (
        shown.map((b, i) => <Block key={i} block={b} />)
      ) : (
        <p class="re-muted">Nothing matches "{query.value}".</p>
      )}
    </section>
  );
}

function Runs({ runs }: { runs: readonly Inline[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.kind === 'br' ? <br key={i} /> : r.kind === 'code' ? <code key={i}>{r.text}</code> : r.text,
      )}
    </>
  );
}

function Block({ block }: { block: RefBlock }) {
  switch (block.kind) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + 1)}` as 'h2';
      return <Tag id={`ref-${block.id}`}>{block.text}</Tag>;
    }
    case 'para':
      return (
        <p class={block.note ? 're-muted' : undefined}>
          <Runs runs={block.inline} />
        </p>
      );
    case 'table':
      return (
        <div class="re-table-wrap">
          <table>
            <thead>
              <tr>
                {block.head.map((c, i) => (
                  <th key={i}>
                    <Runs runs={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>
                      <Runs runs={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
