// Putting a phrase into the note or reply box the clerk is typing in (issue 21 §3): at the caret,
// replacing a selection, keeping the rest of the text. The text goes in as typing would (an input
// event React's onChange sees), so the form's state and its draft take it like any keystroke.
// Invariant: nothing is inserted while an IME composition is open (its candidate text is not yet the value).

let lastBox: HTMLTextAreaElement | null = null;

/** Remembers the last text box focused, so a phrase clicked on the panel goes where the clerk was typing. */
export function trackTextBoxes(doc: Document): () => void {
  const onFocus = (e: FocusEvent) => {
    if (e.target instanceof HTMLTextAreaElement) lastBox = e.target;
  };
  doc.addEventListener('focusin', onFocus);
  return () => doc.removeEventListener('focusin', onFocus);
}

/** The box a phrase goes into: the focused text box, else the last one focused if it is still on screen. */
export function targetBox(doc: Document): HTMLTextAreaElement | null {
  const active = doc.activeElement;
  if (active instanceof HTMLTextAreaElement) return active;
  return lastBox && lastBox.isConnected && !lastBox.disabled && !lastBox.readOnly ? lastBox : null;
}

/** Inserts `text` at the caret of `box` (replacing its selection); false when the box is full or disabled. */
export function insertAtCaret(box: HTMLTextAreaElement, text: string): boolean {
  if (box.disabled || box.readOnly) return false;
  const start = box.selectionStart ?? box.value.length;
  const end = box.selectionEnd ?? start;
  const room = box.maxLength > 0 ? box.maxLength - (box.value.length - (end - start)) : Infinity;
  if (room < text.length) return false;
  box.focus();
  box.setSelectionRange(start, end);
  // Chromium: as typed, with the browser's own undo. Elsewhere (jsdom): the value setter React listens behind.
  if (typeof document.execCommand === 'function' && document.execCommand('insertText', false, text)) return true;
  const next = box.value.slice(0, start) + text + box.value.slice(end);
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(box, next);
  box.setSelectionRange(start + text.length, start + text.length);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** The phrase number of Alt+1 … Alt+9 (top row or keypad), or null for any other key or during IME composition. */
export function phraseKey(
  e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code' | 'isComposing' | 'keyCode'>,
): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing || e.keyCode === 229) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  return m ? Number(m[1]) : null;
}
