// A small layered layout (after Sugiyama) for the statecharts: ranks top to bottom, an edge
// that spans several ranks runs through one point per layer in between, and every edge label
// is a box of its own in the layer just below the edge's upper end, so labels never overlap
// nodes or each other. Plain arithmetic in a fixed order: the same graph always gives the same
// coordinates. The graphs are small (≤ 15 nodes), so clarity wins over speed.

export type LayoutNode = {
  id: string;
  rank: number;
  width: number;
  height: number;
  /** Room to the right of the box (a self-loop and its label). */
  rightExtra: number;
};
export type LayoutEdge = { id: string; from: string; to: string; label: { width: number; height: number } };
export type Point = { x: number; y: number };

export type PlacedNode = LayoutNode & { x: number; top: number };
export type PlacedEdge = {
  id: string;
  /** From the edge's source to its target; consecutive points at the same x are joined straight. */
  points: Point[];
  /** Top-left corner of the label block, or null for edges within one rank (placed by the caller). */
  label: Point | null;
};
export type Layout = { nodes: Map<string, PlacedNode>; edges: PlacedEdge[]; width: number; height: number };

const GAP_X = 24; // between neighbours in a layer
const GAP_Y = 18; // between layers, where the edges bend
const MARGIN = 12;
const LABEL_OFFSET = 8; // between an edge's line and its label
const DUMMY_HALF = 6;

type Item = {
  id: string;
  layer: number;
  left: number;
  right: number;
  x: number;
  node: LayoutNode | null;
  label: { width: number; height: number } | null;
  up: Item[];
  down: Item[];
  /** The other points of the same edge (for points between two ranks). */
  chain: Item[];
};

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  const items = new Map<string, Item>();
  const layers: Item[][] = [];
  const put = (item: Item) => {
    items.set(item.id, item);
    (layers[item.layer] ??= []).push(item);
  };
  for (const node of nodes) {
    put({
      id: node.id,
      layer: 2 * node.rank,
      left: node.width / 2,
      right: node.width / 2 + node.rightExtra,
      x: 0,
      node,
      label: null,
      up: [],
      down: [],
      chain: [],
    });
  }
  const maxLayer = Math.max(0, ...nodes.map((n) => 2 * n.rank));
  for (let l = 0; l <= maxLayer; l++) layers[l] ??= [];

  // Every edge between ranks becomes a chain upper → (label, dummies…) → lower.
  const chains = new Map<string, { upper: Item; inner: Item[]; lower: Item; reversed: boolean }>();
  for (const edge of edges) {
    const a = items.get(edge.from);
    const b = items.get(edge.to);
    if (!a || !b) throw new Error(`edge ${edge.id} names an unknown node`);
    if (a.layer === b.layer) continue;
    const [upper, lower] = a.layer < b.layer ? [a, b] : [b, a];
    const inner: Item[] = [];
    for (let layer = upper.layer + 1; layer < lower.layer; layer++) {
      const first = layer === upper.layer + 1;
      const item: Item = {
        id: `${edge.id}@${layer}`,
        layer,
        left: DUMMY_HALF,
        right: first ? LABEL_OFFSET + edge.label.width : DUMMY_HALF,
        x: 0,
        node: null,
        label: first ? edge.label : null,
        up: [],
        down: [],
        chain: inner,
      };
      put(item);
      inner.push(item);
    }
    const chain = [upper, ...inner, lower];
    for (let i = 0; i + 1 < chain.length; i++) {
      chain[i].down.push(chain[i + 1]);
      chain[i + 1].up.push(chain[i]);
    }
    chains.set(edge.id, { upper, inner, lower, reversed: upper !== a });
  }

  orderLayers(layers);
  placeHorizontally(layers);

  // Vertical: each layer as tall as its tallest box.
  const layerTop: number[] = [];
  const layerHeight: number[] = [];
  let y = MARGIN;
  for (let l = 0; l <= maxLayer; l++) {
    layerTop[l] = y;
    layerHeight[l] = Math.max(0, ...layers[l].map((it) => it.node?.height ?? it.label?.height ?? 0));
    y += layerHeight[l] + GAP_Y;
  }
  const height = y - GAP_Y + MARGIN;
  const minX = Math.min(...[...items.values()].map((it) => it.x - it.left));
  const shift = MARGIN - minX;
  for (const it of items.values()) it.x += shift;
  const width = Math.max(...[...items.values()].map((it) => it.x + it.right)) + MARGIN;

  const placed = new Map<string, PlacedNode>();
  for (const node of nodes) {
    const it = items.get(node.id) as Item;
    placed.set(node.id, { ...node, x: it.x, top: layerTop[it.layer] + (layerHeight[it.layer] - node.height) / 2 });
  }

  // Ports: the edges leaving a box's bottom (or entering its top) spread along it in the
  // order of where they go, so they do not cross right at the box.
  const ports = new Map<string, number>();
  const spread = (item: Item, ends: { key: string; towards: number }[]) => {
    const node = item.node as LayoutNode;
    const sorted = [...ends].sort((p, q) => p.towards - q.towards);
    const span = sorted.length < 2 ? 0 : Math.min(node.width - 48, (sorted.length - 1) * 28);
    sorted.forEach((end, i) => ports.set(end.key, item.x - span / 2 + (sorted.length < 2 ? 0 : (i * span) / (sorted.length - 1))));
  };
  for (const item of items.values()) {
    if (!item.node) continue;
    const below: { key: string; towards: number }[] = [];
    const above: { key: string; towards: number }[] = [];
    for (const [id, chain] of chains) {
      if (chain.upper === item) below.push({ key: `${id}:upper`, towards: (chain.inner[0] ?? chain.lower).x });
      if (chain.lower === item) above.push({ key: `${id}:lower`, towards: (chain.inner.at(-1) ?? chain.upper).x });
    }
    spread(item, below);
    spread(item, above);
  }

  const placedEdges: PlacedEdge[] = [];
  for (const edge of edges) {
    const chain = chains.get(edge.id);
    if (!chain) {
      placedEdges.push({ id: edge.id, points: sideways(placed.get(edge.from) as PlacedNode, placed.get(edge.to) as PlacedNode), label: null });
      continue;
    }
    const upperNode = placed.get(chain.upper.id) as PlacedNode;
    const lowerNode = placed.get(chain.lower.id) as PlacedNode;
    const points: Point[] = [{ x: ports.get(`${edge.id}:upper`) as number, y: upperNode.top + upperNode.height }];
    let label: Point | null = null;
    for (const it of chain.inner) {
      const top = layerTop[it.layer];
      const bottom = top + layerHeight[it.layer];
      points.push({ x: it.x, y: top });
      if (bottom > top) points.push({ x: it.x, y: bottom });
      if (it.label) label = { x: it.x + LABEL_OFFSET, y: top + (layerHeight[it.layer] - it.label.height) / 2 };
    }
    points.push({ x: ports.get(`${edge.id}:lower`) as number, y: lowerNode.top });
    placedEdges.push({ id: edge.id, points: chain.reversed ? points.reverse() : points, label });
  }
  return { nodes: placed, edges: placedEdges, width, height };
}

/** Two boxes in one rank: a straight line between their facing sides. */
function sideways(from: PlacedNode, to: PlacedNode): Point[] {
  const rightwards = from.x < to.x;
  const yFrom = from.top + from.height / 2;
  const yTo = to.top + to.height / 2;
  return [
    { x: from.x + (rightwards ? from.width / 2 + from.rightExtra : -from.width / 2), y: yFrom },
    { x: to.x + (rightwards ? -to.width / 2 : to.width / 2 + to.rightExtra), y: yTo },
  ];
}

/** Fewer crossings: a few sweeps that sort each layer by the mean position of its neighbours. */
function orderLayers(layers: Item[][]): void {
  const sweep = (l: number, neighbours: (it: Item) => Item[]) => {
    const position = new Map<Item, number>();
    for (const layer of layers) layer.forEach((it, i) => position.set(it, i));
    const keyed = layers[l].map((it, i) => {
      const ns = neighbours(it);
      return { it, key: ns.length ? ns.reduce((s, n) => s + (position.get(n) as number), 0) / ns.length : i, i };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    layers[l] = keyed.map((k) => k.it);
  };
  for (let round = 0; round < 4; round++) {
    for (let l = 1; l < layers.length; l++) sweep(l, (it) => it.up);
    for (let l = layers.length - 2; l >= 0; l--) sweep(l, (it) => it.down);
  }
  for (let l = 1; l < layers.length; l++) sweep(l, (it) => it.up);
}

/**
 * Each item moves towards the mean of its neighbours, as far as the order and the minimum gaps
 * allow (an isotonic regression per layer); long edges keep to one column so they run straight.
 */
function placeHorizontally(layers: Item[][]): void {
  for (const layer of layers) {
    let x = 0;
    layer.forEach((it, i) => {
      x += i === 0 ? it.left : layer[i - 1].right + GAP_X + it.left;
      it.x = x;
    });
  }
  const relax = (layer: Item[]) => {
    const desired = layer.map((it) => {
      // A long edge runs in one column, between the columns of its two ends.
      if (it.chain.length > 1) {
        const ends = [it.chain[0].up[0], (it.chain.at(-1) as Item).down[0]];
        return [...it.chain, ...ends].reduce((sum, c) => sum + c.x, 0) / (it.chain.length + 2);
      }
      const ns = [...it.up, ...it.down];
      if (!ns.length) return it.x;
      let sum = 0;
      let total = 0;
      for (const n of ns) {
        sum += n.x;
        total += 1;
      }
      return sum / total;
    });
    fit(layer, desired);
  };
  for (let round = 0; round < 20; round++) {
    if (round % 2 === 0) for (let l = 0; l < layers.length; l++) relax(layers[l]);
    else for (let l = layers.length - 1; l >= 0; l--) relax(layers[l]);
  }
  straighten(layers);
}

/**
 * The relaxation leaves long edges wavy by a few px. Where the neighbours leave room, the points
 * of a long edge move into one column; where they do not, into as few straight runs as fit.
 */
function straighten(layers: Item[][]): void {
  const chains = new Set<Item[]>();
  for (const layer of layers) for (const it of layer) if (it.chain.length > 1) chains.add(it.chain);
  const room = (it: Item): [number, number] => {
    const layer = layers[it.layer];
    const i = layer.indexOf(it);
    const lo = i > 0 ? layer[i - 1].x + layer[i - 1].right + GAP_X + it.left : -Infinity;
    const hi = i + 1 < layer.length ? layer[i + 1].x - layer[i + 1].left - GAP_X - it.right : Infinity;
    return [lo, hi];
  };
  const align = (run: Item[], lo: number, hi: number) => {
    const mean = run.reduce((sum, it) => sum + it.x, 0) / run.length;
    const x = Math.min(hi, Math.max(lo, mean));
    for (const it of run) it.x = x;
  };
  for (let round = 0; round < 2; round++) {
    for (const chain of chains) {
      let run: Item[] = [];
      let [lo, hi] = [-Infinity, Infinity];
      for (const it of chain) {
        const [itLo, itHi] = room(it);
        if (run.length && (Math.max(lo, itLo) > Math.min(hi, itHi))) {
          align(run, lo, hi);
          run = [];
          [lo, hi] = [-Infinity, Infinity];
        }
        run.push(it);
        [lo, hi] = [Math.max(lo, itLo), Math.min(hi, itHi)];
      }
      align(run, lo, hi);
    }
  }
}

/** Positions closest (least squares) to `desired` that keep the order and the gaps (pool adjacent violators). */
function fit(layer: Item[], desired: number[]): void {
  const offset: number[] = [];
  layer.forEach((it, i) => (offset[i] = i === 0 ? 0 : offset[i - 1] + layer[i - 1].right + GAP_X + it.left));
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < layer.length; i++) {
    blocks.push({ sum: desired[i] - offset[i], count: 1 });
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1];
      const below = blocks[blocks.length - 2];
      if (below.sum / below.count <= top.sum / top.count) break;
      below.sum += top.sum;
      below.count += top.count;
      blocks.pop();
    }
  }
  let i = 0;
  for (const block of blocks) {
    for (let k = 0; k < block.count; k++, i++) layer[i].x = block.sum / block.count + offset[i];
  }
}
