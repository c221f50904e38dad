import { useEffect, useState } from "react";

/**
 * A list of keys once it has stayed the same for `ms`: a scrolled list shows new rows every frame, and what
 * is asked about them waits until they stay put.
 */
export function useSettled(value: readonly string[], ms: number): readonly string[] {
  const [settled, setSettled] = useState(value);
  const key = value.join(" ");
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key === "" ? [] : key.split(" ")), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
