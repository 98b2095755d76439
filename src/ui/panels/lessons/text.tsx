import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** One line of lesson text: `code` and **strong**, as text nodes only (never HTML). */
export function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, j): ComponentChildren => {
        if (part.startsWith('`') && part.endsWith('`') && part.length > 1)
          return <code key={j}>{part.slice(1, -1)}</code>;
        if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
          return <strong key={j}>{part.slice(2, -2)}</strong>;
        return part;
      })}
    </>
  );
}

/** Lesson text: paragraphs separated by blank lines. */
export function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split('\n\n').map((para, i) => (
        <p key={i}>
          <Inline text={para} />
        </p>
      ))}
    </>
  );
}

/** A step's rules snippet with a Copy button. */
export function Snippet({ text }: { text: string }) {
  const [note, setNote] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setNote('Copied ✓'),
      () => setNote('Select the text and copy it (Ctrl+C).'),
    );
  return (
    <div class="lesson-snippet">
      <pre>{text}</pre>
      <button type="button" class="mini-btn" onClick={() => void copy()}>
        Copy
      </button>
      {note && <span class="lesson-copied">{note}</span>}
    </div>
  );
}
