import type { WallGroup } from "./wall-groups.ts";

/** Tile sizes from large to tiny; the wall uses the largest at which everything fits. */
export const TILE_SIZES = [
  { size: "l", width: 320, height: 120, gap: 8 },
  { size: "m", width: 250, height: 80, gap: 8 },
  { size: "s", width: 200, height: 52, gap: 8 },
  { size: "xs", width: 150, height: 32, gap: 6 },
  { size: "xxs", width: 100, height: 22, gap: 4 },
] as const;

type Level = (typeof TILE_SIZES)[number];
export type TileSize = Level["size"];

export interface ColumnPlan {
  group: WallGroup;
  width: number;
  /** Tiles shown; the rest are summed up in one "+N" tile. */
  visible: number;
  hidden: number;
}

export interface WallPlan {
  size: TileSize;
  tileWidth: number;
  tileHeight: number;
  gap: number;
  columns: ColumnPlan[];
}

/** Room for a group's heading above its tiles. */
const HEADING = 40;

/**
 * Gives each group whole columns of tiles: the tasks that need a person first (up to most of the screen),
 * then one column each for the rest, then the remaining columns to whichever group is shortest of room.
 */
function allocate(groups: { group: WallGroup; count: number }[], width: number, height: number, level: Level): ColumnPlan[] {
  const rows = Math.max(1, Math.floor((height - HEADING + level.gap) / (level.height + level.gap)));
  const cell = level.width + level.gap;
  const total = Math.max(groups.length, Math.floor((width + level.gap) / cell));
  const columns = new Map(groups.map((g) => [g.group, 1]));
  let left = total - groups.length;
  const needs = groups.find((g) => g.group === "needs-you");
  if (needs) {
    const wanted = Math.ceil(needs.count / rows) - 1;
    const extra = Math.max(0, Math.min(wanted, Math.floor(total * 0.7) - 1, left));
    columns.set("needs-you", 1 + extra);
    left -= extra;
  }
  const shortfall = (g: { group: WallGroup; count: number }) => g.count - (columns.get(g.group) ?? 1) * rows;
  for (; left > 0 && groups.length > 0; left--) {
    const neediest = groups.reduce((a, b) => (shortfall(b) > shortfall(a) ? b : a));
    if (shortfall(neediest) <= 0) break;
    columns.set(neediest.group, (columns.get(neediest.group) ?? 1) + 1);
  }
  return groups.map((g) => {
    const count = columns.get(g.group) ?? 1;
    const capacity = count * rows;
    const visible = g.count <= capacity ? g.count : Math.max(0, capacity - 1);
    return { group: g.group, width: count * cell - level.gap, visible, hidden: g.count - visible };
  });
}

/** Lays out the non-empty groups as columns on a `width` × `height` screen, without scrolling. */
export function planWall(groups: { group: WallGroup; count: number }[], width: number, height: number): WallPlan {
  const present = groups.filter((g) => g.count > 0);
  for (const level of TILE_SIZES) {
    const columns = allocate(present, width, height, level);
    const isLast = level === TILE_SIZES[TILE_SIZES.length - 1];
    if (isLast || columns.every((c) => c.hidden === 0)) {
      return { size: level.size, tileWidth: level.width, tileHeight: level.height, gap: level.gap, columns };
    }
  }
  throw new Error("unreachable: the smallest tile size always returns");
}
