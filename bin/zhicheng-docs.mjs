#!/usr/bin/env node
// Command line for office staff: runs the compiled code in dist/, like `npm start`
// (`npm run build` makes it; `npm run cli -- …` builds first).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('zhicheng-docs: 尚未编译，请先运行 npm run build / not built yet: run `npm run build` first');
  process.exit(2);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
