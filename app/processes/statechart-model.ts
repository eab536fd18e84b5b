// The statechart of a process as plain data, read from the XState machine definition itself
// so the drawing can never disagree with what the executor runs: its states (by the name the
// case row stores, machines/index.ts `stateName`), the initial and final states, and every
// transition. Guards are not evaluated: a guarded alternative is a possible transition.
import type { AnyStateMachine } from "xstate";
import { stateName } from "../../machines/index";

export type StepTaken = { from: string; event: string; to: string };

export type ChartState = {
  /** As stored in ProcessCase.state. */
  name: string;
  /** The state's own key, which names its label (`state.<key>`). */
  key: string;
  final: boolean;
  /** Left at once by eventless transitions: a case never rests here. */
  transient: boolean;
};

export type ChartTransition = {
  /** null: declared on the machine itself, so it may be taken in every step that is not final. */
  from: string | null;
  /** null: no target, the case stays in the step it is in. */
  to: string | null;
  /** null: eventless (`always`), taken automatically when its guard allows. */
  event: string | null;
};

export type Chart = { id: string; initial: string; states: ChartState[]; transitions: ChartTransition[] };

/** The parts of an XState 5 state node the chart reads (xstate types them loosely). */
type Node = {
  key: string;
  type: "atomic" | "compound" | "parallel" | "final" | "history";
  path: string[];
  states: Record<string, Node>;
  initial?: { target: readonly Node[] };
  transitions: Map<string, readonly Definition[]>;
  always?: readonly Definition[];
};
type Definition = { eventType: string; target?: readonly Node[]; guard?: unknown };

/** The name the case row stores for a state at this path (nested: {"parent":"child"}). */
const nameOf = (node: Node): string => {
  const value = node.path.reduceRight<unknown>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined);
  return stateName({ value });
};

/** A transition into a compound state lands in its initial descendant. */
function landing(node: Node): Node {
  let current = node;
  while (current.type === "compound" && current.initial) current = current.initial.target[0];
  return current;
}

function leavesOf(node: Node, machineId: string): Node[] {
  if (node.type === "parallel") throw new Error(`${machineId}: parallel states cannot be drawn as one current step`);
  if (node.type === "history") return [];
  if (node.type === "compound") return Object.values(node.states).flatMap((child) => leavesOf(child, machineId));
  return [node];
}

/** Own transitions, as (event, definitions) pairs in declaration order; eventless ones as event null. */
function declared(node: Node): [string | null, readonly Definition[]][] {
  const pairs: [string | null, readonly Definition[]][] = [...node.transitions.entries()];
  if (node.always?.length) pairs.push([null, node.always]);
  return pairs;
}

export function chartOf(machine: AnyStateMachine): Chart {
  const root = machine.root as unknown as Node;
  const leaves = leavesOf(root, machine.id);
  const transitions: ChartTransition[] = [];
  const seen = new Set<string>();
  const add = (t: ChartTransition) => {
    const key = JSON.stringify([t.from, t.to, t.event]);
    if (seen.has(key)) return; // guarded alternatives with the same target draw as one arrow
    seen.add(key);
    transitions.push(t);
  };
  const targetOf = (d: Definition) => (d.target?.length ? nameOf(landing(d.target[0])) : null);

  for (const leaf of leaves) {
    // A leaf inside compound states also answers its ancestors' events, unless a nearer node
    // has an unguarded transition for the event (then the ancestor's can never be chosen).
    // The machine's own (root) transitions are kept apart: they are drawn once, from a frame.
    const settled = new Set<string | null>();
    const chain: Node[] = [];
    for (let n: Node | undefined = leaf; n && n !== root; n = parentOf(root, n)) chain.push(n);
    for (const node of chain) {
      for (const [event, definitions] of declared(node)) {
        if (settled.has(event)) continue;
        for (const d of definitions) add({ from: nameOf(leaf), to: targetOf(d), event });
        if (definitions.some((d) => d.guard === undefined)) settled.add(event);
      }
    }
  }
  for (const [event, definitions] of declared(root)) {
    for (const d of definitions) add({ from: null, to: targetOf(d), event });
  }

  const states: ChartState[] = leaves.map((leaf) => ({
    name: nameOf(leaf),
    key: leaf.key,
    final: leaf.type === "final",
    transient: Boolean(leaf.always?.length),
  }));
  if (!root.initial) throw new Error(`${machine.id}: the machine has no initial state`);
  return { id: machine.id, initial: nameOf(landing(root.initial.target[0])), states, transitions };
}

function parentOf(root: Node, node: Node): Node | undefined {
  let current: Node = root;
  for (const key of node.path.slice(0, -1)) current = current.states[key];
  return current === node ? undefined : current;
}

export type Marks = {
  /** Indexes into chart.transitions of the transitions the case has taken. */
  taken: Set<number>;
  /** Names of the states the case has been in (including the current one). */
  visited: Set<string>;
};

/**
 * Which transitions the recorded steps took. A step names where the case rested before and
 * after an event; between them the machine may have passed transient states (eventless
 * transitions), which are found by following those. Steps that match nothing in the current
 * definition (recorded under an older version) still mark their states as visited.
 */
export function marksOf(chart: Chart, current: string | null, path: readonly StepTaken[]): Marks {
  const taken = new Set<number>();
  const known = new Set(chart.states.map((s) => s.name));
  const finals = new Set(chart.states.filter((s) => s.final).map((s) => s.name));
  const visited = new Set<string>();
  const visit = (name: string) => known.has(name) && visited.add(name);
  if (current !== null || path.length > 0) visit(chart.initial);
  if (current !== null) visit(current);

  const eventless = chart.transitions.flatMap((t, index) => (t.event === null && t.from !== null ? [{ t, index }] : []));
  /** The eventless transitions leading from `start` to `goal`, or null if there is no such chain. */
  const automaticChain = (start: string, goal: string): number[] | null => {
    const via = new Map<string, number[]>([[start, []]]);
    const queue = [start];
    while (queue.length) {
      const at = queue.shift() as string;
      const chain = via.get(at) as number[];
      if (at === goal) return chain;
      for (const { t, index } of eventless) {
        const next = t.to ?? at;
        if (t.from === at && !via.has(next)) {
          via.set(next, [...chain, index]);
          queue.push(next);
        }
      }
    }
    return null;
  };

  for (const step of path) {
    visit(step.from);
    visit(step.to);
    // The step's own state's transitions first: they shadow the machine-level ones.
    const candidates = chart.transitions
      .map((t, index) => ({ t, index }))
      .filter(({ t }) => t.event === step.event && (t.from === step.from || (t.from === null && !finals.has(step.from))))
      .sort((a, b) => Number(a.t.from === null) - Number(b.t.from === null));
    for (const { t, index } of candidates) {
      const chain = automaticChain(t.to ?? step.from, step.to);
      if (!chain) continue;
      taken.add(index);
      for (const i of chain) {
        taken.add(i);
        visit(chart.transitions[i].to ?? step.to);
      }
      visit(t.to ?? step.from);
      break;
    }
  }
  return { taken, visited };
}
