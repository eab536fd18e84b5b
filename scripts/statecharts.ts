// Writes docs/statecharts/<PROCESS>.svg: every process drawn from its machine, as the case
// page draws it, for the documentation (docs/processes.md). Run: npx vite-node scripts/statecharts.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROCESS_CODES } from "../machines/index";
import { statechartSvg } from "~/processes/statechart.server";

const dir = path.resolve("docs/statecharts");
mkdirSync(dir, { recursive: true });
for (const code of PROCESS_CODES) {
  const file = path.join(dir, `${code}.svg`);
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${statechartSvg(code, { current: null, path: [] })}\n`);
  console.log(path.relative(process.cwd(), file));
}
