import { TypeFilter } from './typeFilter';

/** The log's filters: text, event types, and the order of the rows. */
export function Toolbar(props: {
  draft: string;
  onDraft: (text: string) => void;
  counts: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
  onHidden: (hidden: ReadonlySet<string>) => void;
  newestFirst: boolean;
  onOrder: (newestFirst: boolean) => void;
}) {
  return (
    <div class="log-toolbar">
      <input
        type="search"
        class="log-search"
        placeholder="Filter: type or payload text"
        aria-label="Filter events by type or payload text"
        value={props.draft}
        onInput={(e) => props.onDraft((e.currentTarget as HTMLInputElement).value)}
      />
      <TypeFilter counts={props.counts} hidden={props.hidden} onChange={props.onHidden} />
      <label class="log-order" title="Show the newest event at the top">
        <input
          type="checkbox"
          checked={props.newestFirst}
          onChange={(e) => props.onOrder((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        newest first
      </label>
    </div>
  );
}
