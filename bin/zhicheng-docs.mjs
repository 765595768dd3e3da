#!/usr/bin/env node
// Command line for office staff: runs the TypeScript sources through tsx, like `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
