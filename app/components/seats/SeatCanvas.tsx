"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { RowRuns } from "../../../lib/seating/best-available";
import { seatLabel, type VenueSeats } from "../../../lib/seating/venue-layout";

/** Per seat: 0 free, 1 held by someone else, 2 held by me, 3 sold, 4 checked in, 5 bought by me. */
export type SeatStatus = Uint8Array;
export const SEAT = { free: 0, held: 1, mine: 2, sold: 3, checkedIn: 4, owned: 5 } as const;

const TIER_COLORS = ["#2f7d32", "#1565c0", "#8e24aa", "#ef6c00", "#00838f", "#6d4c41", "#c62828", "#546e7a"];
const STATUS_COLORS = {
  [SEAT.held]: "#b0b0b0",
  [SEAT.mine]: "#fbc02d",
  [SEAT.sold]: "#444",
  [SEAT.checkedIn]: "#111",
  [SEAT.owned]: "#d81b60",
} as Record<number, string>;
const STATUS_WORDS = ["free", "held by another fan", "held by you", "sold", "sold, holder arrived", "yours"];

type View = { scale: number; x: number; y: number };

/** Typical distance between neighbouring seats, from a sample of rows: the size seats are drawn at. */
function seatSpacing(venue: VenueSeats, runs: RowRuns): number {
  const gaps: number[] = [];
  for (let r = 0; r < runs.length && gaps.length < 400; r += Math.max(1, Math.floor(runs.length / 100))) {
    const row = runs[r]!;
    for (let i = 1; i < row.length && i < 6; i++) {
      const a = venue.seats[row[i - 1]!]!;
      const b = venue.seats[row[i]!]!;
      gaps.push(Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] || 1;
}

/**
 * The venue on a canvas: seats coloured by price tier, grey when held by someone, yellow when held
 * by you, dark when sold; outlined when selected. Wheel or +/- zooms, drag or the arrow keys with
 * Shift pan; the arrow keys move a focus seat through rows and Enter/Space toggles it, so the map
 * works without a mouse. One pass per frame over the seats (50,000 are fine), redrawn only when
 * something changed.
 */
export function SeatCanvas(props: {
  venue: VenueSeats;
  runs: RowRuns;
  status: SeatStatus;
  selected: ReadonlySet<number>;
  onToggle: (seat: number) => void;
  height?: number;
}) {
  const { venue, runs, status, selected, onToggle } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<View | null>(null);
  const [focus, setFocus] = useState(0);
  const [hasFocus, setHasFocus] = useState(false);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const spacing = useMemo(() => seatSpacing(venue, runs), [venue, runs]);
  const bounds = useMemo(() => {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const s of venue.seats) {
      if (s.x < minX) minX = s.x;
      if (s.x > maxX) maxX = s.x;
      if (s.y < minY) minY = s.y;
      if (s.y > maxY) maxY = s.y;
    }
    return { minX, minY, maxX, maxY };
  }, [venue]);
  // Where each seat sits in its row run, for keyboard moves between rows.
  const place = useMemo(() => {
    const runOf = new Int32Array(venue.seats.length);
    const posOf = new Int32Array(venue.seats.length);
    runs.forEach((row, r) => row.forEach((seat, i) => ((runOf[seat] = r), (posOf[seat] = i))));
    return { runOf, posOf };
  }, [venue, runs]);
  // A coarse grid of seats for hit tests: clicks find their seat without scanning 50,000.
  const grid = useMemo(() => {
    const cells = new Map<string, number[]>();
    for (const s of venue.seats) {
      const key = `${Math.floor(s.x / spacing)}|${Math.floor(s.y / spacing)}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = []));
      cell.push(s.index);
    }
    return cells;
  }, [venue, spacing]);

  // Fit the venue into the canvas once it has a size.
  useEffect(() => {
    const el = canvas.current;
    if (!el || view) return;
    const w = el.clientWidth || 360;
    const h = el.clientHeight || 360;
    const scale = Math.min(
      w / (bounds.maxX - bounds.minX + 2 * spacing),
      h / (bounds.maxY - bounds.minY + 2 * spacing),
    );
    setView({
      scale,
      x: w / 2 - ((bounds.minX + bounds.maxX) / 2) * scale,
      y: h / 2 - ((bounds.minY + bounds.maxY) / 2) * scale,
    });
  }, [bounds, spacing, view]);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !view) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = el.clientWidth;
      const h = el.clientHeight;
      if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
        el.width = Math.round(w * dpr);
        el.height = Math.round(h * dpr);
      }
      const g = el.getContext("2d")!;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, w, h);
      const size = Math.max(1, spacing * view.scale * 0.8);
      const half = size / 2;
      let color = -1;
      for (const s of venue.seats) {
        const px = s.x * view.scale + view.x;
        const py = s.y * view.scale + view.y;
        if (px < -size || py < -size || px > w + size || py > h + size) continue;
        const st = status[s.index] ?? 0;
        const c = st === SEAT.free ? s.tier : 8 + st;
        if (c !== color) {
          g.fillStyle = st === SEAT.free ? TIER_COLORS[s.tier % TIER_COLORS.length]! : STATUS_COLORS[st]!;
          color = c;
        }
        g.fillRect(px - half, py - half, size, size);
      }
      g.lineWidth = Math.max(1, size / 6);
      g.strokeStyle = "#000";
      for (const i of selected) {
        const s = venue.seats[i];
        if (s) g.strokeRect(s.x * view.scale + view.x - half, s.y * view.scale + view.y - half, size, size);
      }
      const f = venue.seats[focus];
      if (f && hasFocus) {
        g.strokeStyle = "#e91e63";
        g.strokeRect(f.x * view.scale + view.x - half - 2, f.y * view.scale + view.y - half - 2, size + 4, size + 4);
      }
      // Frames drawn, for tests and the seating benchmark (a DOM attribute, no React state).
      el.dataset.frames = String(Number(el.dataset.frames ?? 0) + 1);
    });
    return () => cancelAnimationFrame(frame);
  });

  const zoomAt = (factor: number, cx: number, cy: number) =>
    setView((v) => (v ? { scale: v.scale * factor, x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor } : v));

  // biome-ignore lint/correctness/useExhaustiveDependencies: zoomAt only calls setView with an updater, so it never goes stale
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - r.left, e.clientY - r.top);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  const seatAt = (clientX: number, clientY: number): number | null => {
    const el = canvas.current;
    if (!el || !view) return null;
    const r = el.getBoundingClientRect();
    const wx = (clientX - r.left - view.x) / view.scale;
    const wy = (clientY - r.top - view.y) / view.scale;
    let best: number | null = null;
    let bestD = spacing * 0.6;
    const gx = Math.floor(wx / spacing);
    const gy = Math.floor(wy / spacing);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const i of grid.get(`${gx + dx}|${gy + dy}`) ?? []) {
          const s = venue.seats[i]!;
          const d = Math.hypot(s.x - wx, s.y - wy);
          if (d < bestD) (bestD = d), (best = i);
        }
    return best;
  };

  const move = (key: string): number | null => {
    const run = place.runOf[focus]!;
    const pos = place.posOf[focus]!;
    const row = runs[run]!;
    if (key === "ArrowLeft") return row[Math.max(0, pos - 1)]!;
    if (key === "ArrowRight") return row[Math.min(row.length - 1, pos + 1)]!;
    const next = runs[key === "ArrowUp" ? run - 1 : run + 1];
    return next ? next[Math.min(next.length - 1, pos)]! : null;
  };

  const focused = venue.seats[focus];
  return (
    <div className="stack">
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a keyboard-driven map is an ARIA application */}
      <canvas
        ref={canvas}
        data-testid="seat-canvas"
        data-seats={venue.seats.length}
        data-focus={focus}
        tabIndex={0}
        role="application"
        aria-label="Seat map. Arrow keys move between seats, Enter selects, plus and minus zoom, Shift with arrows pans."
        style={{
          width: "100%",
          height: props.height ?? 420,
          touchAction: "none",
          border: "1px solid #ccc",
          borderRadius: 8,
          background: "#fafafa",
        }}
        onFocus={() => setHasFocus(true)}
        onBlur={() => setHasFocus(false)}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const dx = e.clientX - d.x;
          const dy = e.clientY - d.y;
          if (!d.moved && Math.hypot(dx, dy) < 4) return;
          d.moved = true;
          d.x = e.clientX;
          d.y = e.clientY;
          setView((v) => (v ? { ...v, x: v.x + dx, y: v.y + dy } : v));
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) {
            const seat = seatAt(e.clientX, e.clientY);
            if (seat !== null) {
              setFocus(seat);
              onToggle(seat);
            }
          }
        }}
        onKeyDown={(e) => {
          const el = canvas.current!;
          if (e.key === "+" || e.key === "=") zoomAt(1.25, el.clientWidth / 2, el.clientHeight / 2);
          else if (e.key === "-") zoomAt(0.8, el.clientWidth / 2, el.clientHeight / 2);
          else if (e.key.startsWith("Arrow") && e.shiftKey) {
            const step = 40;
            setView((v) =>
              v
                ? {
                    ...v,
                    x: v.x + (e.key === "ArrowLeft" ? step : e.key === "ArrowRight" ? -step : 0),
                    y: v.y + (e.key === "ArrowUp" ? step : e.key === "ArrowDown" ? -step : 0),
                  }
                : v,
            );
          } else if (e.key.startsWith("Arrow")) {
            const next = move(e.key);
            if (next !== null) setFocus(next);
          } else if (e.key === "Enter" || e.key === " ") onToggle(focus);
          else return;
          e.preventDefault();
        }}
      />
      <p className="small muted" aria-live="polite" data-testid="seat-focus">
        {focused
          ? `${seatLabel(focused)}: ${STATUS_WORDS[status[focus] ?? 0]}, price tier ${focused.tier}${selected.has(focus) ? ", selected" : ""}`
          : ""}
      </p>
      <p className="small">
        {TIER_COLORS.slice(0, 3).map((c, t) => (
          <span key={c} style={{ marginRight: 12 }}>
            <span style={{ display: "inline-block", width: 10, height: 10, background: c, marginRight: 4 }} />
            Tier {t}
          </span>
        ))}
        <span style={{ marginRight: 12 }}>
          <span
            style={{
              display: "inline-block",
              width: 10,
              height: 10,
              background: STATUS_COLORS[SEAT.held],
              marginRight: 4,
            }}
          />
          Held
        </span>
        <span style={{ marginRight: 12 }}>
          <span
            style={{
              display: "inline-block",
              width: 10,
              height: 10,
              background: STATUS_COLORS[SEAT.mine],
              marginRight: 4,
            }}
          />
          Held for you
        </span>
        <span style={{ marginRight: 12 }}>
          <span
            style={{
              display: "inline-block",
              width: 10,
              height: 10,
              background: STATUS_COLORS[SEAT.sold],
              marginRight: 4,
            }}
          />
          Sold
        </span>
        <span>
          <span
            style={{
              display: "inline-block",
              width: 10,
              height: 10,
              background: STATUS_COLORS[SEAT.owned],
              marginRight: 4,
            }}
          />
          Bought by you
        </span>
      </p>
    </div>
  );
}
