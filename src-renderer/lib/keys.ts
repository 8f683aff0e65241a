// Keyboard handling of the forms. Enter inside a Chinese IME confirms the composition and
// must never submit (isComposing / keyCode 229); Enter in a single-line field does not
// submit half a form either — Ctrl+Enter submits from anywhere in the form.
import type { KeyboardEvent } from 'react';

export const composing = (e: KeyboardEvent): boolean => e.nativeEvent.isComposing || e.keyCode === 229;

/** Props for a <form>: spread them on it. */
export function formKeys(submit: () => void) {
  return {
    // Capture phase: Ctrl+Enter is taken before a focused select or date picker sees an
    // Enter and opens its dropdown.
    onKeyDownCapture(e: KeyboardEvent<HTMLElement>): void {
      if (e.key !== 'Enter' || composing(e) || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      e.stopPropagation();
      submit();
    },
    // Bubble phase: a plain Enter has already been used by the control (pick an option);
    // what reaches the form from a text field must not submit it implicitly.
    onKeyDown(e: KeyboardEvent<HTMLElement>): void {
      if (e.key !== 'Enter' || composing(e)) return;
      if ((e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
    },
  };
}
