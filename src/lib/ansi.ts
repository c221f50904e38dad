/**
 * Agent output often carries terminal colour codes. They become styled segments (SGR colours and bold);
 * every other escape sequence is removed, so nothing raw ever reaches the page.
 */
export interface Segment {
  text: string;
  className: string;
}

const FOREGROUND: Record<number, string> = {
  30: "text-slate-900",
  31: "text-red-700",
  32: "text-green-700",
  33: "text-amber-700",
  34: "text-blue-700",
  35: "text-fuchsia-700",
  36: "text-cyan-700",
  37: "text-slate-500",
  90: "text-slate-500",
  91: "text-red-600",
  92: "text-green-600",
  93: "text-amber-600",
  94: "text-blue-600",
  95: "text-fuchsia-600",
  96: "text-cyan-600",
  97: "text-slate-500",
};

const BACKGROUND: Record<number, string> = {
  40: "bg-slate-800 text-white",
  41: "bg-red-100",
  42: "bg-green-100",
  43: "bg-amber-100",
  44: "bg-blue-100",
  45: "bg-fuchsia-100",
  46: "bg-cyan-100",
  47: "bg-slate-100",
};

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and any other two-byte escape. Matching control
// characters is the point here.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;

export function parseAnsi(input: string): Segment[] {
  const segments: Segment[] = [];
  let fg = "";
  let bg = "";
  let bold = false;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    segments.push({ text, className: [fg, bg, bold ? "font-bold" : ""].filter(Boolean).join(" ") });
  };
  for (const match of input.matchAll(ESCAPES)) {
    push(input.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    // eslint-disable-next-line no-control-regex
    const sgr = match[0].match(/^\u001b\[([0-9;]*)m$/);
    if (!sgr) continue;
    const codes = (sgr[1] || "0").split(";").map(Number);
    for (const code of codes) {
      if (code === 0) [fg, bg, bold] = ["", "", false];
      else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code === 39) fg = "";
      else if (code === 49) bg = "";
      else if (FOREGROUND[code]) fg = FOREGROUND[code];
      else if (BACKGROUND[code]) bg = BACKGROUND[code];
    }
  }
  push(input.slice(last));
  return segments;
}

const plainCache = new Map<string, string>();

/** The text without escape codes: what search matches and what "download as text" writes. */
export function plainText(input: string): string {
  if (!input.includes("\u001b")) return input;
  let plain = plainCache.get(input);
  if (plain === undefined) {
    plain = input.replace(ESCAPES, "");
    if (plainCache.size > 5_000) plainCache.clear();
    plainCache.set(input, plain);
  }
  return plain;
}
