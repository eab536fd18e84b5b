import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { setup } from "xstate";
import { setLocaleSource, t } from "~/i18n";
import { renderStatechart, statechartSvg, type StepTaken } from "~/processes/statechart.server";
import { chartOf } from "~/processes/statechart-model";
import { PROCESS_CODES, PROCESSES, stateName } from "../../machines/index";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** Well-formed XML, checked without a parser dependency: tags nest, attributes are quoted, text has no stray < or &. */
function wellFormed(xml: string): string | null {
  const stack: string[] = [];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  let roots = 0;
  while ((match = token.exec(xml))) {
    const [whole, closing, name, , selfClosing, text, stray] = match;
    if (stray) return `stray "<" at ${match.index}: ${xml.slice(match.index, match.index + 40)}`;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) return `unescaped & in ${text}`;
      if (stack.length === 0 && text.trim()) return `text outside the root: ${text}`;
      continue;
    }
    if (!name) continue; // comment or declaration
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(whole)) return `unescaped & in ${whole}`;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes the wrong element`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

const xmllint = spawnSync("xmllint", ["--version"]).status === 0;

afterEach(() => setLocaleSource(() => "sv"));

describe("the statechart of every process", () => {
  for (const code of PROCESS_CODES) {
    describe(code, () => {
      const chart = chartOf(PROCESSES[code].machine);
      const svg = statechartSvg(code, { current: null, path: [] });

      it("is a well-formed, labelled SVG image named after the process", () => {
        expect(wellFormed(svg)).toBeNull();
        if (xmllint) expect(spawnSync("xmllint", ["--noout", "-"], { input: svg }).status).toBe(0);
        const base = `statechart-${code.toLowerCase().replace(/_/g, "-")}`;
        expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img" aria-labelledby="${base}-title ${base}-desc"`));
        expect(svg).toContain(`<title id="${base}-title">${escape(t(`process.${code}`))}</title>`);
        expect(svg).toContain(`<desc id="${base}-desc">`);
        expect(svg).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
      });

      it("draws every state of the machine with its label, final states with a double border", () => {
        for (const state of chart.states) {
          expect(svg).toContain(`data-state="${escape(state.name)}"`);
          for (const word of t(`state.${state.key}` as never).split(" ")) expect(svg).toContain(escape(word));
          const box = svg.slice(svg.indexOf(`data-state="${state.name}"`)).split("</g>")[0];
          expect(count(box, "<rect"), state.name).toBe(state.final ? 2 : 1);
        }
        const machineStates = Object.keys(PROCESSES[code].machine.root.states);
        expect(chart.states.map((s) => s.name).sort()).toEqual(machineStates.sort());
      });

      it("draws every event the machine accepts, labelled with its text", () => {
        const events = new Set<string>();
        const root = PROCESSES[code].machine.root;
        for (const node of [root, ...Object.values(root.states)]) for (const type of node.transitions.keys()) events.add(type);
        expect(events.size).toBeGreaterThan(0);
        for (const event of events) {
          expect(svg, event).toMatch(new RegExp(`data-events="[^"]*\\b${event}\\b`));
          expect(svg, event).toContain(`<g data-event="${event}">`);
          // Each word of the label, since long labels wrap onto several lines.
          for (const word of t(`event.${event}` as never).split(" ")) expect(svg, event).toContain(escape(word));
        }
      });

      it("marks nothing as current, passed or taken for a process without a case", () => {
        expect(svg).not.toContain("data-current");
        expect(svg).not.toContain("data-visited");
        expect(svg).not.toContain("data-taken");
      });

      it("marks each state as the current step, that state only, in words too", () => {
        for (const state of chart.states) {
          const marked = statechartSvg(code, { current: state.name, path: [] });
          expect(count(marked, `data-current="true"`)).toBe(1);
          expect(marked).toMatch(new RegExp(`data-state="${escape(state.name)}" data-current="true"`));
          expect(count(marked, `>${t("statechart.currentStep").toUpperCase()}<`)).toBe(1);
          expect(marked).toContain(escape(t("statechart.descCurrent", { state: t(`state.${state.key}` as never) })));
        }
      });

      it("is the same string every time", () => {
        expect(statechartSvg(code, { current: null, path: [] })).toBe(svg);
      });
    });
  }
});

/** The taken edges as "from→to" pairs ("*" for the frame around the open steps). */
const takenEdges = (svg: string) =>
  [...svg.matchAll(/<path [^>]*data-from="([^"]*)" data-to="([^"]*)" data-taken="true"/g)].map(([, from, to]) => `${from}→${to}`).sort();
const visitedStates = (svg: string) => [...svg.matchAll(/data-state="([^"]*)"[^>]*data-visited="true"/g)].map(([, s]) => s).sort();

describe("the path a case has taken", () => {
  const assessmentPath: StepTaken[] = [
    { from: "new", event: "REGISTER_VISIT", to: "awaitingAssessment" },
    { from: "awaitingAssessment", event: "ASSESS", to: "awaitingInformation" },
    { from: "awaitingInformation", event: "INFORM_PATIENT", to: "awaitingPatientDecision" },
  ];

  it("marks the transitions taken, and only those, solid with a check mark in the label", () => {
    const svg = statechartSvg("ASSESSMENT", { current: "awaitingPatientDecision", path: assessmentPath });
    expect(takenEdges(svg)).toEqual(["awaitingAssessment→awaitingInformation", "awaitingInformation→awaitingPatientDecision", "new→awaitingAssessment"]);
    expect(visitedStates(svg)).toEqual(["awaitingAssessment", "awaitingInformation", "awaitingPatientDecision", "new"]);
    expect(svg).toContain(`<g data-event="REGISTER_VISIT" data-taken="true">`);
    expect(svg).toMatch(/<g data-event="REGISTER_VISIT" data-taken="true"><text [^>]*font-weight="700">✓/);
    // ASSESS also leads to "closed" (no need): that arrow was not taken and stays dashed.
    expect(svg).toMatch(/<path [^>]*stroke-dasharray="6 4"[^>]*data-events="ASSESS" data-from="awaitingAssessment" data-to="closed"\/>/);
    expect(svg).toContain(escape(t("statechart.descSteps", { count: 3, steps: "" }).split(":")[0]));
  });

  it("follows the automatic (eventless) transitions a step passed through", () => {
    const svg = statechartSvg("DISCHARGE_REFERRAL", {
      current: "awaitingSipCall",
      path: [{ from: "awaitingNotification", event: "NOTIFY", to: "awaitingSipCall" }],
    });
    expect(takenEdges(svg)).toEqual(["afterContact→awaitingSipCall", "awaitingNotification→afterContact"]);
    expect(visitedStates(svg)).toEqual(["afterContact", "awaitingNotification", "awaitingSipCall", "new"]);
  });

  it("marks a transition of the whole machine on the frame, and a step that stays in its state as a loop", () => {
    const svg = statechartSvg("DISCHARGE_REFERRAL", {
      current: "closed",
      path: [
        { from: "awaitingReceipt", event: "UPDATE_DISCHARGE_DATE", to: "awaitingReceipt" },
        { from: "awaitingReceipt", event: "MARK_READY_FOR_DISCHARGE", to: "awaitingReceipt" },
        { from: "awaitingReceipt", event: "CANCEL", to: "closed" },
      ],
    });
    expect(takenEdges(svg)).toEqual(["*→*", "*→closed", "awaitingReceipt→awaitingReceipt"]);
    // awaitingSipCall has its own CANCEL: that one was not taken.
    expect(svg).toMatch(/<path [^>]*stroke-dasharray[^>]*data-events="CANCEL CALL_SIP" data-from="awaitingSipCall"/);
  });

  it("keeps the layout when the case moves: only the marks change", () => {
    // Boxes and arrows, in any drawing order (taken arrows are drawn last, on top).
    const geometry = (svg: string) =>
      [...svg.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*"|<path d="[^"]*"/g)].map(([shape]) => shape).sort();
    const before = statechartSvg("ASSESSMENT", { current: "new", path: [] });
    const after = statechartSvg("ASSESSMENT", { current: "awaitingPatientDecision", path: assessmentPath });
    expect(geometry(after)).toEqual(geometry(before));
    expect(geometry(after).length).toBeGreaterThan(20);
  });

  it("says in the description where the case is and which steps it took", () => {
    const svg = statechartSvg("PATIENT_REQUEST", {
      current: "awaitingNotification",
      path: [
        { from: "new", event: "RECEIVE_REQUEST", to: "awaitingAppointment" },
        { from: "awaitingAppointment", event: "APPOINT", to: "awaitingNotification" },
      ],
    });
    const desc = svg.match(/<desc [^>]*>([^<]*)<\/desc>/)?.[1];
    expect(desc).toBe(
      escape(
        `${t("statechart.descCurrent", { state: t("state.awaitingNotification") })} ${t("statechart.descSteps", {
          count: 2,
          steps: [
            t("statechart.descStep", { event: t("event.RECEIVE_REQUEST"), from: t("state.new"), to: t("state.awaitingAppointment") }),
            t("statechart.descStep", { event: t("event.APPOINT"), from: t("state.awaitingAppointment"), to: t("state.awaitingNotification") }),
          ].join("; "),
        })}`,
      ),
    );
    expect(statechartSvg("PATIENT_REQUEST", { current: null, path: [] })).toContain(
      `${escape(t("statechart.descNoCurrent"))} ${escape(t("statechart.descNoSteps"))}</desc>`,
    );
  });

  it("is drawn in the reader's language", () => {
    setLocaleSource(() => "en");
    const svg = statechartSvg("PATIENT_REQUEST", { current: "new", path: [] });
    expect(svg).toContain(">CURRENT STEP<");
    expect(svg).toContain("Receive request");
  });
});

describe("machines of other shapes", () => {
  // Nested states and odd event names: none of the eight machines has them today.
  const nested = setup({}).createMachine({
    id: "NESTED",
    initial: "open",
    states: {
      open: {
        initial: "first",
        states: { first: { on: { 'GO<&>"': "second" } }, second: {} },
        on: { STOP: "done" },
      },
      done: { type: "final" },
    },
  });

  it("draws the leaves of nested states under the names the case row stores, with the parent's transitions", () => {
    const chart = chartOf(nested);
    expect(chart.initial).toBe(stateName({ value: { open: "first" } }));
    expect(chart.transitions).toEqual([
      { from: '{"open":"first"}', to: '{"open":"second"}', event: 'GO<&>"' },
      { from: '{"open":"first"}', to: "done", event: "STOP" },
      { from: '{"open":"second"}', to: "done", event: "STOP" },
    ]);
  });

  it("escapes every text for XML", () => {
    const svg = renderStatechart(nested, {
      title: `Ärende <script>&"'`,
      idBase: "nested",
      current: '{"open":"second"}',
      path: [{ from: '{"open":"first"}', event: 'GO<&>"', to: '{"open":"second"}' }],
    });
    expect(wellFormed(svg)).toBeNull();
    if (xmllint) expect(spawnSync("xmllint", ["--noout", "-"], { input: svg }).status).toBe(0);
    expect(svg).toContain("<title id=\"nested-title\">Ärende &lt;script&gt;&amp;&quot;&apos;</title>");
    expect(svg).toContain("GO&lt;&amp;&gt;&quot;");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain('data-state="{&quot;open&quot;:&quot;second&quot;}" data-current="true"');
  });
});
