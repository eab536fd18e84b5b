// A process drawn as its statechart, as SVG markup made on the server from the machine
// definition (no external service): the steps top to bottom by distance from the start, the
// current step highlighted, the steps the case has passed and the transitions it has taken
// marked. Colour is never the only signal: the current step also says so in words, passed
// steps carry a check mark and a solid border, taken transitions are solid and bold, the
// others dashed. The layout does not depend on the marks, so the picture stays put while a
// case moves through it.
import type { AnyStateMachine } from "xstate";
import { t } from "~/i18n";
import { eventLabel, stateLabel } from "./labels";
import { PROCESSES, type ProcessCode } from "../../machines/index";
import { layeredLayout, type LayoutEdge, type LayoutNode, type PlacedNode, type Point } from "./statechart-layout";
import { chartOf, marksOf, type Chart, type StepTaken } from "./statechart-model";

export type { StepTaken } from "./statechart-model";

/** SVG markup (a string, rendered by the case page with dangerouslySetInnerHTML inside a <figure>). */
export function statechartSvg(process: ProcessCode, options: { current: string | null; path: readonly StepTaken[] }): string {
  return renderStatechart(PROCESSES[process].machine, {
    title: t(`process.${process}`),
    idBase: `statechart-${process.toLowerCase().replace(/_/g, "-")}`,
    ...options,
  });
}

// Sizes in px at natural size. Text stays ≥ 12 px unless the container is narrower than the chart.
const NODE_WIDTH = 236;
const NODE_FONT = 14;
const NODE_LINE = 18;
const MARKER_FONT = 12;
const MARKER_LINE = 17;
const NODE_PADDING = 10;
const EDGE_FONT = 13;
const EDGE_LINE = 17;
const LABEL_MAX = 160;
const EVENT_GAP = 6; // between the labels of two events on one arrow
const LOOP_WIDTH = 36;
const FRAME_PADDING = 14;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const CHECK = "✓\u00a0"; // a no-break space: the mark never stands alone on a line

// Colours from app.css. Contrast on white: text ≥ 4.5:1, lines and borders ≥ 3:1.
const INK = "#1a1a1a"; // 17:1
const MUTED = "#4a4a4a"; // 8.9:1: labels of transitions not taken
const LINE_GREY = "#6b6b6b"; // 5.3:1: dashed transitions and borders not yet reached
const BRAND = "#0b4f8a"; // 8.6:1; white text on it 8.6:1
const VISITED_FILL = "#e3edf7"; // INK on it 15:1
const FRAME_FILL = "#f4f6f8";
const FRAME_LINE = "#767676"; // 4.5:1

type Options = { title: string; idBase: string; current: string | null; path: readonly StepTaken[] };

type Label = { text: string; taken: boolean };
type Group = {
  id: string;
  kind: "edge" | "loop" | "frameEdge" | "frameLoop";
  from: string | null;
  to: string | null;
  events: (string | null)[];
  labels: Label[];
  taken: boolean;
};

/** The chart of any machine; statechartSvg names the process. Exported for tests of shapes the eight machines lack. */
export function renderStatechart(machine: AnyStateMachine, options: Options): string {
  const chart = chartOf(machine);
  const marks = marksOf(chart, options.current, options.path);
  const byName = new Map(chart.states.map((s) => [s.name, s]));
  const stateName = (name: string) => stateLabel(byName.get(name)?.key ?? name);
  const eventName = (event: string | null) => (event === null ? t("statechart.automatic") : eventLabel(event));

  // ── Arrows: one per pair of ends, with one label line per event ──
  const groups = new Map<string, Group>();
  chart.transitions.forEach((tr, index) => {
    const stays = tr.to === null || tr.to === tr.from;
    const kind: Group["kind"] = tr.from === null ? (tr.to === null ? "frameLoop" : "frameEdge") : stays ? "loop" : "edge";
    const key = `${kind}|${tr.from ?? ""}|${stays ? "" : tr.to}`;
    let group = groups.get(key);
    if (!group) {
      group = { id: `${options.idBase}-t${groups.size}`, kind, from: tr.from, to: stays ? tr.from : tr.to, events: [], labels: [], taken: false };
      groups.set(key, group);
    }
    const taken = marks.taken.has(index);
    const at = group.events.indexOf(tr.event);
    if (at === -1) {
      group.events.push(tr.event);
      group.labels.push({ text: eventName(tr.event), taken });
    } else if (taken) group.labels[at].taken = true;
    group.taken ||= taken;
  });

  // ── Ranks: shortest distance from the initial state; final states sink to the bottom ──
  const ranks = ranksOf(chart);
  const hasFrame = [...groups.values()].some((g) => g.kind === "frameEdge" || g.kind === "frameLoop");
  const lastOpen = Math.max(0, ...chart.states.filter((s) => !s.final).map((s) => ranks.get(s.name) as number));
  const exitRank = lastOpen + 1;
  const finalRank = lastOpen + (hasFrame ? 2 : 1);

  const nodeLines = new Map(chart.states.map((s) => [s.name, wrap(CHECK + stateName(s.name), NODE_WIDTH - 2 * NODE_PADDING, NODE_FONT, true)]));
  const maxLines = Math.max(...[...nodeLines.values()].map((l) => l.length));
  // Room for the "current step" line in every box, so nothing moves when the case does.
  const nodeHeight = 2 * NODE_PADDING + MARKER_LINE + maxLines * NODE_LINE;
  const labelBlocks = new Map([...groups.values()].map((g) => [g.id, labelBlock(g.labels)]));

  const layoutNodes: LayoutNode[] = chart.states.map((s) => {
    const loop = [...groups.values()].find((g) => g.kind === "loop" && g.from === s.name);
    return {
      id: s.name,
      rank: s.final ? finalRank : (ranks.get(s.name) as number),
      width: NODE_WIDTH,
      height: nodeHeight,
      rightExtra: loop ? LOOP_WIDTH + (labelBlocks.get(loop.id) as Block).width : 0,
    };
  });
  const layoutEdges: LayoutEdge[] = [];
  const exitIds: string[] = [];
  for (const g of groups.values()) {
    const block = labelBlocks.get(g.id) as Block;
    if (g.kind === "edge") layoutEdges.push({ id: g.id, from: g.from as string, to: g.to as string, label: block });
    if (g.kind === "frameEdge") {
      // A machine-level transition starts from the frame's lower border.
      // Its id cannot be a state name: those come from machine keys, this one from the SVG's own ids.
      const exit = `${g.id}:frame`;
      exitIds.push(exit);
      layoutNodes.push({ id: exit, rank: exitRank, width: 0, height: 0, rightExtra: 0 });
      layoutEdges.push({ id: g.id, from: exit, to: g.to as string, label: block });
    }
  }
  // Nodes in rank order, ties by declaration: the layout's first order within each rank.
  layoutNodes.sort((a, b) => a.rank - b.rank);
  const layout = layeredLayout(layoutNodes, layoutEdges);

  // ── The frame around every open step, for the machine-level transitions ──
  const body: string[] = [];
  const frameLoops = [...groups.values()].filter((g) => g.kind === "frameLoop");
  let frame: { left: number; right: number; top: number; bottom: number; caption: string[] } | null = null;
  if (hasFrame) {
    const open = chart.states.filter((s) => !s.final).map((s) => layout.nodes.get(s.name) as PlacedNode);
    const exits = exitIds.map((id) => layout.nodes.get(id) as PlacedNode);
    const bottom = exits.length ? exits[0].top : Math.max(...open.map((n) => n.top + n.height)) + FRAME_PADDING;
    const xs: number[] = open.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2 + n.rightExtra]);
    for (const e of layout.edges) {
      const block = labelBlocks.get(e.id) as Block;
      if (e.label && e.label.y < bottom) xs.push(e.label.x + block.width);
      for (const p of e.points) if (p.y < bottom) xs.push(p.x);
    }
    const left = Math.min(...xs) - FRAME_PADDING;
    const right = Math.max(...xs) + FRAME_PADDING;
    const caption = wrap(t("statechart.frame"), right - left - 2 * FRAME_PADDING, EDGE_FONT, false);
    const top = Math.min(...open.map((n) => n.top)) - FRAME_PADDING - caption.length * EDGE_LINE;
    frame = { left, right, top, bottom, caption };
  }

  // The layout starts at its own margin; the frame and its caption may need room above and left.
  // Transitions of the whole machine that stay in the step: loops on the frame's upper border,
  // their labels beside them above it (height is cheaper than width on the page).
  const loopRoom = frameLoops.length ? Math.max(...frameLoops.map((g) => (labelBlocks.get(g.id) as Block).height)) + 16 : 0;
  const dx = frame ? Math.max(0, 12 - frame.left) : 0;
  const dy = frame ? Math.max(0, 12 - (frame.top - loopRoom)) : 0;
  let width = Math.max(layout.width, frame ? frame.right + 12 : 0) + dx;

  if (frame) {
    body.push(
      `<rect x="${n(frame.left)}" y="${n(frame.top)}" width="${n(frame.right - frame.left)}" height="${n(frame.bottom - frame.top)}" rx="14" fill="${FRAME_FILL}" stroke="${FRAME_LINE}" stroke-width="1.5"/>`,
    );
    frame.caption.forEach((line, i) =>
      body.push(text(frame.left + FRAME_PADDING, frame.top + 6 + (i + 1) * EDGE_LINE - 4, line, { size: EDGE_FONT, fill: MUTED })),
    );
    let x = frame.left + 40;
    for (const g of frameLoops) {
      const block = labelBlocks.get(g.id) as Block;
      const y = frame.top;
      body.push(edgePath(g, `M${n(x - 12)},${n(y)} C${n(x - 30)},${n(y - 40)} ${n(x + 30)},${n(y - 40)} ${n(x + 12)},${n(y - 1)}`, options.idBase));
      body.push(labelText(g, { x: x + 26, y: y - 4 - block.height }));
      x += 26 + block.width + 40;
      width = Math.max(width, x - 40 + dx + 12);
    }
  }

  // ── Arrows, the ones not taken first so the taken path is drawn on top ──
  const placedEdges = new Map(layout.edges.map((e) => [e.id, e]));
  const ordered = [...groups.values()].sort((a, b) => Number(a.taken) - Number(b.taken));
  for (const g of ordered) {
    const block = labelBlocks.get(g.id) as Block;
    if (g.kind === "loop") {
      const node = layout.nodes.get(g.from as string) as PlacedNode;
      const x = node.x + node.width / 2;
      const cy = node.top + node.height / 2;
      body.push(edgePath(g, `M${n(x)},${n(cy - 14)} C${n(x + 44)},${n(cy - 34)} ${n(x + 44)},${n(cy + 34)} ${n(x + 2)},${n(cy + 14)}`, options.idBase));
      body.push(labelText(g, { x: x + LOOP_WIDTH, y: cy - block.height / 2 }));
    } else if (g.kind === "edge" || g.kind === "frameEdge") {
      const placed = placedEdges.get(g.id);
      if (!placed) continue;
      body.push(edgePath(g, pathThrough(placed.points), options.idBase));
      const mid = { x: (placed.points[0].x + placed.points[1].x) / 2, y: (placed.points[0].y + placed.points[1].y) / 2 };
      body.push(labelText(g, placed.label ?? { x: mid.x - block.width / 2, y: mid.y - 6 - block.height }));
    }
  }

  // ── Steps ──
  for (const s of chart.states) {
    const node = layout.nodes.get(s.name) as PlacedNode;
    const current = s.name === options.current;
    const visited = marks.visited.has(s.name);
    body.push(stateBox(node, nodeLines.get(s.name) as string[], { final: s.final, current, visited, name: s.name }));
  }

  // ── Key ──
  const legend = legendOf(width, options.idBase);
  const height = layout.height + dy + legend.height;
  width = Math.max(width, legend.width);
  const titleId = `${options.idBase}-title`;
  const descId = `${options.idBase}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="statechart" role="img" aria-labelledby="${titleId} ${descId}" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(FONT)}">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<desc id="${descId}">${escapeXml(description(options, stateName, eventName))}</desc>`,
    `<defs>${arrowhead(`${options.idBase}-arrow`, LINE_GREY)}${arrowhead(`${options.idBase}-arrow-taken`, INK)}</defs>`,
    `<g transform="translate(${n(dx)},${n(dy)})">`,
    ...body,
    `</g>`,
    `<g transform="translate(0,${n(layout.height + dy)})">`,
    legend.markup,
    `</g>`,
    `</svg>`,
  ].join("\n");
}

/** Shortest distance from the initial state; states it cannot reach come after all others. */
function ranksOf(chart: Chart): Map<string, number> {
  const ranks = new Map<string, number>([[chart.initial, 0]]);
  const queue = [chart.initial];
  while (queue.length) {
    const at = queue.shift() as string;
    for (const tr of chart.transitions) {
      if (tr.from === at && tr.to !== null && !ranks.has(tr.to)) {
        ranks.set(tr.to, (ranks.get(at) as number) + 1);
        queue.push(tr.to);
      }
    }
  }
  const last = Math.max(...ranks.values());
  for (const s of chart.states) if (!ranks.has(s.name)) ranks.set(s.name, last + 1);
  return ranks;
}

function description(
  options: Options,
  stateLabel: (name: string) => string,
  eventLabel: (event: string) => string,
): string {
  const now = options.current === null ? t("statechart.descNoCurrent") : t("statechart.descCurrent", { state: stateLabel(options.current) });
  const steps = options.path.length
    ? t("statechart.descSteps", {
        count: options.path.length,
        steps: options.path
          .map((s) => t("statechart.descStep", { event: eventLabel(s.event), from: stateLabel(s.from), to: stateLabel(s.to) }))
          .join("; "),
      })
    : t("statechart.descNoSteps");
  return `${now} ${steps}`;
}

// ───────────────────────────── Drawing ─────────────────────────────

function stateBox(node: PlacedNode, lines: string[], state: { final: boolean; current: boolean; visited: boolean; name: string }): string {
  const left = node.x - node.width / 2;
  const { current, visited } = state;
  const fill = current ? BRAND : visited ? VISITED_FILL : "#ffffff";
  const ink = current ? "#ffffff" : INK;
  const border = current
    ? `stroke="${INK}" stroke-width="4"`
    : visited
      ? `stroke="${BRAND}" stroke-width="2"`
      : `stroke="${LINE_GREY}" stroke-width="1.5" stroke-dasharray="6 4"`;
  const attrs = [`data-state="${escapeXml(state.name)}"`, current ? `data-current="true"` : "", visited ? `data-visited="true"` : ""].filter(Boolean);
  const out = [`<g ${attrs.join(" ")}>`];
  out.push(`<rect x="${n(left)}" y="${n(node.top)}" width="${n(node.width)}" height="${n(node.height)}" rx="10" fill="${fill}" ${border}/>`);
  if (state.final) {
    // A final state has a double border (UML / statechart notation).
    out.push(`<rect x="${n(left + 5)}" y="${n(node.top + 5)}" width="${n(node.width - 10)}" height="${n(node.height - 10)}" rx="7" fill="none" stroke="${current ? "#ffffff" : visited ? BRAND : LINE_GREY}" stroke-width="1.5"/>`);
  }
  // The label lines (and, for the current step, the words saying so) centred in the box.
  const shown = lines.map((line, i) => (i === 0 && !visited ? line.slice(CHECK.length) : line));
  const blockHeight = shown.length * NODE_LINE + (current ? MARKER_LINE : 0);
  let y = node.top + (node.height - blockHeight) / 2;
  if (current) {
    out.push(text(node.x, y + MARKER_FONT, t("statechart.currentStep").toUpperCase(), { size: MARKER_FONT, fill: ink, bold: true, anchor: "middle" }));
    y += MARKER_LINE;
  }
  for (const line of shown) {
    out.push(text(node.x, y + NODE_FONT, line, { size: NODE_FONT, fill: ink, bold: current || visited, anchor: "middle" }));
    y += NODE_LINE;
  }
  out.push(`</g>`);
  return out.join("");
}

function edgePath(g: Group, d: string, idBase: string): string {
  const events = g.events.map((e) => e ?? "").join(" ");
  const look = g.taken
    ? `stroke="${INK}" stroke-width="2.5" marker-end="url(#${idBase}-arrow-taken)"`
    : `stroke="${LINE_GREY}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#${idBase}-arrow)"`;
  const ends = `data-from="${escapeXml(g.from ?? "*")}" data-to="${escapeXml(g.to ?? "*")}"`;
  return `<path d="${d}" fill="none" ${look} data-events="${escapeXml(events)}" ${ends}${g.taken ? ` data-taken="true"` : ""}/>`;
}

function labelText(g: Group, at: Point): string {
  const out: string[] = [];
  let y = at.y;
  g.labels.forEach((label, i) => {
    // The line breaks measured for the layout (bold, with a check mark), whatever is shown.
    const lines = wrap(CHECK + label.text, LABEL_MAX, EDGE_FONT, true).map((line, k) => (k === 0 && !label.taken ? line.slice(CHECK.length) : line));
    const event = g.events[i];
    out.push(`<g data-event="${escapeXml(event ?? "")}"${label.taken ? ` data-taken="true"` : ""}>`);
    for (const line of lines) {
      out.push(text(at.x + 2, y + EDGE_FONT, line, { size: EDGE_FONT, fill: label.taken ? INK : MUTED, bold: label.taken }));
      y += EDGE_LINE;
    }
    out.push(`</g>`);
    y += EVENT_GAP;
  });
  return out.join("");
}

/** Straight where the points share an x, otherwise a curve that leaves and arrives vertically. */
function pathThrough(points: Point[]): string {
  let d = `M${n(points[0].x)},${n(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (Math.abs(p.x - q.x) < 0.5 || Math.abs(p.y - q.y) < 0.5) d += ` L${n(q.x)},${n(q.y)}`;
    else {
      const mid = (p.y + q.y) / 2;
      d += ` C${n(p.x)},${n(mid)} ${n(q.x)},${n(mid)} ${n(q.x)},${n(q.y)}`;
    }
  }
  return d;
}

function arrowhead(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

function legendOf(width: number, idBase: string): { markup: string; width: number; height: number } {
  const entries: { swatch: string; label: string }[] = [
    {
      swatch: `<rect x="0" y="-12" width="34" height="20" rx="5" fill="${BRAND}" stroke="${INK}" stroke-width="3"/>`,
      label: t("statechart.legendCurrent"),
    },
    {
      swatch: `<rect x="0" y="-12" width="34" height="20" rx="5" fill="${VISITED_FILL}" stroke="${BRAND}" stroke-width="2"/>${text(17, 3, "✓", { size: 13, fill: INK, bold: true, anchor: "middle" })}`,
      label: t("statechart.legendVisited"),
    },
    {
      swatch: `<path d="M0,-2 L32,-2" stroke="${INK}" stroke-width="2.5" marker-end="url(#${idBase}-arrow-taken)"/>`,
      label: t("statechart.legendTaken"),
    },
    {
      swatch: `<path d="M0,-2 L32,-2" stroke="${LINE_GREY}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#${idBase}-arrow)"/>`,
      label: t("statechart.legendNotTaken"),
    },
  ];
  const rowHeight = 28;
  const out: string[] = [];
  let x = 12;
  let row = 0;
  let widest = 0;
  for (const entry of entries) {
    const w = 44 + textWidth(entry.label, EDGE_FONT, false);
    if (x > 12 && x + w > width - 12) {
      row += 1;
      x = 12;
    }
    out.push(`<g transform="translate(${n(x)},${n(row * rowHeight + 20)})">${entry.swatch}${text(44, 3, entry.label, { size: EDGE_FONT, fill: INK })}</g>`);
    x += w + 24;
    widest = Math.max(widest, x);
  }
  return { markup: out.join(""), width: widest, height: (row + 1) * rowHeight + 12 };
}

function text(x: number, y: number, content: string, style: { size: number; fill: string; bold?: boolean; anchor?: "middle" }): string {
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${style.size}"`, `fill="${style.fill}"`];
  if (style.bold) attrs.push(`font-weight="700"`);
  if (style.anchor) attrs.push(`text-anchor="${style.anchor}"`);
  return `<text ${attrs.join(" ")}>${escapeXml(content)}</text>`;
}

type Block = { width: number; height: number };
function labelBlock(labels: Label[]): Block {
  // Measured as if taken (bold, with the check mark): the layout must not move as the case does.
  const lines = labels.flatMap((l) => wrap(CHECK + l.text, LABEL_MAX, EDGE_FONT, true));
  return {
    width: Math.max(...lines.map((l) => textWidth(l, EDGE_FONT, true))) + 4,
    height: lines.length * EDGE_LINE + (labels.length - 1) * EVENT_GAP + 4,
  };
}

/** Words onto lines no wider than `max` (a word longer than that gets a line of its own). */
export function wrap(content: string, max: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/[ \t\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > max) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

// Advance widths (em) of DejaVu Sans, the widest of the usual system sans-serif fonts (Linux's
// system-ui); Segoe UI and Roboto are narrower, so text measured with these stays inside its box.
const LOWER: Record<string, number> = {
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974,
  n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
};
const OTHER: Record<string, number> = {
  " ": 0.318, "\u00a0": 0.318, ".": 0.318, ",": 0.318, ":": 0.337, ";": 0.337, "(": 0.39, ")": 0.39, "-": 0.361, "–": 0.5, "/": 0.337,
  "'": 0.275, "”": 0.459, "“": 0.459, "’": 0.318, "!": 0.4, "?": 0.531, "I": 0.295, "J": 0.295, "M": 0.863, "W": 0.989, "✓": 0.84,
};

/** The width of a text in px, estimated per character: there is no font to measure on the server. */
export function textWidth(content: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of content) {
    const lower = LOWER[ch.normalize("NFD")[0]];
    if (OTHER[ch] !== undefined) em += OTHER[ch];
    else if (lower !== undefined) em += lower;
    else if (/[0-9]/.test(ch)) em += 0.636;
    else em += 0.72; // capitals and anything else
  }
  return em * size * (bold ? 1.13 : 1);
}

/** Numbers with at most one decimal: short, and identical from run to run. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}
