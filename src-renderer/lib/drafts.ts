// Unfinished forms kept on this PC (localStorage) as the clerk types, so a reload, a screen
// lock or a crash of the window loses nothing; the form offers the draft on return. Drafts
// are per signed-in user so a colleague on the shared PC is not offered someone else's.

interface Stored<T> {
  at: number;
  value: T;
}

const key = (userId: string, form: string) => `branchDesk.draft.${userId}.${form}`;

export function saveDraft<T>(userId: string, form: string, value: T): void {
  try {
    localStorage.setItem(key(userId, form), JSON.stringify({ at: Date.now(), value } satisfies Stored<T>));
  } catch {
    // A full or disabled storage must not stop the clerk typing; the form still submits.
  }
}

export function loadDraft<T>(userId: string, form: string): Stored<T> | null {
  try {
    const raw = localStorage.getItem(key(userId, form));
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

export function discardDraft(userId: string, form: string): void {
  localStorage.removeItem(key(userId, form));
}
