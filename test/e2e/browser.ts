/**
 * The system Chromium (or CHROME_PATH), never a downloaded one, launched with a fresh profile and without
 * the background traffic this machine's closed network would refuse.
 */
export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

export const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
