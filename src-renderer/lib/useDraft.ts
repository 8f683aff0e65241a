// A form's state with its draft, kept by main in the branch store (drafts.save) as the clerk
// types, so a crash of the window, of the PC or a power cut loses nothing half-typed. The
// draft is offered back when the form opens again and discarded once the form is submitted.
// Drafts belong to the signed-in user: main takes the user from its session.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from './api';

const SAVE_AFTER_MS = 300;

export interface DraftOfferState<T> {
  at: number;
  value: T;
}

export function useDraft<T>(form: string, initial: () => T) {
  const [value, setValue] = useState<T>(initial);
  const [offer, setOffer] = useState<DraftOfferState<T> | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  // Nothing is saved until the clerk changes something, so an offered draft is not overwritten.
  const touched = useRef(false);
  // The value typed but not yet handed to main; flushed on unmount so leaving within the
  // debounce does not drop the last keystrokes.
  const pending = useRef<{ form: string; value: T } | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const p = pending.current;
    pending.current = null;
    if (!p) return;
    void invoke('drafts.save', { form: p.form, value: p.value as never }).then((r) => {
      setSaveFailed(!r.ok);
      if (r.ok) setSavedAt(r.value.savedAt);
    });
  }, []);

  useEffect(() => {
    let live = true;
    touched.current = false;
    setOffer(null);
    void invoke('drafts.get', { form }).then((r) => {
      if (live && r.ok && r.value) setOffer({ at: r.value.savedAt, value: r.value.value as T });
    });
    return () => {
      live = false;
      flush();
    };
  }, [form, flush]);

  useEffect(() => {
    if (!touched.current) return;
    pending.current = { form, value };
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
  }, [value, form, flush]);

  return {
    value,
    update(fn: (prev: T) => T) {
      touched.current = true;
      setValue(fn);
    },
    offer,
    savedAt,
    saveFailed,
    restore() {
      if (offer) setValue(offer.value);
      touched.current = true;
      setOffer(null);
    },
    discardOffer() {
      void invoke('drafts.discard', { form });
      setOffer(null);
    },
    /** After a successful submit: nothing pending may be saved again. */
    clear() {
      touched.current = false;
      pending.current = null;
      window.clearTimeout(timer.current);
      setSavedAt(null);
      void invoke('drafts.discard', { form });
    },
  };
}
