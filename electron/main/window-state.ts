// Remembers the window's size and position between launches (no Electron
// import: the Electron layer passes in the displays' work areas). A saved
// state is used only if it still lands on a connected display; a damaged or
// foreign file is ignored, never trusted. Saved with the core's atomic write.
import fs from 'node:fs';
import { writeFileAtomically } from '../core/files/atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 };
export const MIN_SIZE = { width: 480, height: 360 };
/** How much of the window must stay on a display for the saved position to be kept. */
const MIN_VISIBLE = 64;

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6;
}

export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isFiniteInt(r.x) || !isFiniteInt(r.y) || !isFiniteInt(r.width) || !isFiniteInt(r.height)) {
    return null;
  }
  if (r.width < MIN_SIZE.width || r.height < MIN_SIZE.height) return null;
  return {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
  };
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: the saved bounds when their title-bar area is
 * visible on some display (shrunk to fit it), otherwise the default size
 * centred on the primary display.
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: Rect[],
): { bounds: Rect | { width: number; height: number }; maximized: boolean; fullScreen: boolean } {
  const primary = workAreas[0];
  const fallback = {
    bounds: primary
      ? {
          width: Math.min(DEFAULT_SIZE.width, primary.width),
          height: Math.min(DEFAULT_SIZE.height, primary.height),
        }
      : { ...DEFAULT_SIZE },
    maximized: false,
    fullScreen: false,
  };
  if (!saved) return fallback;
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE };
  const display = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.w >= MIN_VISIBLE && o.h >= Math.min(MIN_VISIBLE, 24);
  });
  if (!display) return { ...fallback, maximized: saved.maximized, fullScreen: saved.fullScreen };
  const width = Math.min(saved.width, display.width);
  const height = Math.min(saved.height, display.height);
  return {
    bounds: {
      x: Math.min(Math.max(saved.x, display.x), display.x + display.width - width),
      y: Math.min(Math.max(saved.y, display.y), display.y + display.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
    fullScreen: saved.fullScreen,
  };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomically(file, `${JSON.stringify(state)}\n`, { createFolders: true });
}
