/**
 * What the dashboard keeps in the browser for a user (drafts, notification choices): stored under the
 * user's id, so the next person to sign in on this browser never sees it, and all of it is removed at
 * sign-out. An expired session keeps it, so the same user finds their draft after signing in again.
 */
const PREFIX = "coder-tasks.user.";

const keyFor = (userId: string, name: string) => `${PREFIX}${userId}.${name}`;

export function readUserItem(userId: string, name: string): string | null {
  try {
    return window.localStorage.getItem(keyFor(userId, name));
  } catch {
    return null;
  }
}

/** Stores a value (null removes it); a full or disabled storage only means it will not survive a reload. */
export function writeUserItem(userId: string, name: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(keyFor(userId, name));
    else window.localStorage.setItem(keyFor(userId, name), value);
  } catch {
    // Nothing to do: the page keeps working from memory.
  }
}

/** Removes every user's data from this browser. */
export function clearUserStorage(): void {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
  }
}
