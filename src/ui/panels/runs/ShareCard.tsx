import { useMemo, useState } from 'preact/hooks';
import type { AnyEngine } from '../../../engine';
import { fmt } from './model';
import { MAX_SHARE_CHARS, encodeShareLink, shareUrl } from './shareLink';

/** The share link for these rules and seed, and the encoded length (the link is '' when it is too long). */
function useShareLink(rulesText: string, seed: number, scenario: string): { hash: string; link: string } {
  return useMemo(() => {
    const h = encodeShareLink(rulesText, seed);
    return {
      hash: h,
      link: h.length > MAX_SHARE_CHARS ? '' : shareUrl(location.href, scenario, rulesText, seed),
    };
  }, [rulesText, seed, scenario]);
}

/** Copies `link` to the clipboard, reporting through `setCopied` whether the browser allowed it. */
async function copyLink(link: string, setCopied: (note: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    setCopied('Copied ✓');
  } catch {
    setCopied('Select the link and copy it (Ctrl+C): the browser did not allow copying from here.');
  }
}

interface ShareLinkFieldProps {
  link: string;
  engine: AnyEngine;
  copied: string | null;
  setCopied: (note: string) => void;
}

/** The link field with its Copy button, and what the link holds. */
function ShareLinkField({ link, engine, copied, setCopied }: ShareLinkFieldProps) {
  return (
    <>
      <div class="runs-share">
        <input
          class="runs-link"
          type="text"
          readOnly
          value={link}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="runs-btn runs-copy" onClick={() => void copyLink(link, setCopied)}>
          Copy
        </button>
      </div>
      <p class="panel-note runs-share-info">
        {fmt(link.length)} characters for {fmt(engine.rules.text.length)} characters of rules (running from “
        {engine.rules.source}”), seed {engine.seed}.{' '}
        <a href={link} target="_blank" rel="noopener">
          Open in a new tab
        </a>
        {copied && <span class="runs-copied"> {copied}</span>}
      </p>
    </>
  );
}

/** The "Share link" card: the running rules and seed in a link, or why they do not fit in one. */
export function ShareCard({ engine, scenario }: { engine: AnyEngine; scenario: string }) {
  const { hash, link } = useShareLink(engine.rules.text, engine.seed, scenario);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section class="runs-card">
      <h3>Share link</h3>
      <p class="panel-note">
        The rules running now (compressed) and the seed, in the link itself: opening it starts the game with them. No
        inputs: it starts a new run.
      </p>
      {link === '' ? (
        <p class="runs-result bad">
          These rules are too large for a link ({fmt(hash.length)} characters; the limit is {fmt(MAX_SHARE_CHARS)}):
          export a run instead.
        </p>
      ) : (
        <ShareLinkField link={link} engine={engine} copied={copied} setCopied={setCopied} />
      )}
    </section>
  );
}
