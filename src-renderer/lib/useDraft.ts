// A form's state with its draft: saved on this PC as the clerk types, offered back when the
// form opens again (after a reload, a lock or a crash), discarded once submitted.
import { useEffect, useRef, useState } from 'react';
import { discardDraft, loadDraft, saveDraft } from './drafts';

export function useDraft<T>(userId: string, form: string, initial: () => T) {
  const [value, setValue] = useState<T>(initial);
  const [offer, setOffer] = useState(() => loadDraft<T>(userId, form));
  // Nothing is saved until the clerk changes something, so an offered draft is not overwritten.
  const touched = useRef(false);

  useEffect(() => {
    if (!touched.current) return;
    const h = window.setTimeout(() => saveDraft(userId, form, value), 300);
    return () => window.clearTimeout(h);
  }, [value, userId, form]);

  return {
    value,
    update(fn: (prev: T) => T) {
      touched.current = true;
      setValue(fn);
    },
    offer,
    restore() {
      if (offer) setValue(offer.value);
      touched.current = true;
      setOffer(null);
    },
    discardOffer() {
      discardDraft(userId, form);
      setOffer(null);
    },
    /** After a successful submit. */
    clear() {
      touched.current = false;
      discardDraft(userId, form);
    },
  };
}
