import { useEffect, useState } from "react";

/**
 * The search box's text, kept apart from the URL so typing never waits for navigation: the URL is written
 * 300 ms after the last keystroke, and a URL change that did not come from here (back, forward, a link)
 * replaces the text.
 */
export function useSearchDraft(urlValue: string, write: (value: string) => void): [string, (value: string) => void] {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const [written, setWritten] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== written) {
      setWritten(urlValue);
      setText(urlValue);
    }
  }
  useEffect(() => {
    if (text === written) return;
    const timer = setTimeout(() => {
      setWritten(text);
      write(text);
    }, 300);
    return () => clearTimeout(timer);
  }, [text, written, write]);
  return [text, setText];
}
