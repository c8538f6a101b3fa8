// Parses each Mermaid file named on the command line with Mermaid's own parser (in a jsdom window).
// Prints "ok <type>" per file, or "error <message>" and exits with 1.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log('ok ' + result.diagramType);
  } catch (err) {
    console.log('error ' + String(err && err.message || err).split('\n').join(' '));
    process.exitCode = 1;
  }
}
