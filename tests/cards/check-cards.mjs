// Parses Adaptive Cards with Microsoft's own parser (the adaptivecards package that Web Chat renders with) as
// Adaptive Cards 1.5, the highest version Teams renders, and fails on any parse or validation warning or error.
// Usage: node check-cards.mjs FILE_OR_DIRECTORY...   (each file holds one card as JSON)
// Exit codes: 0 every card is clean, 1 a card has problems, 2 usage error or nothing to check.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
// The package's ES module build imports files without extensions, which Node cannot resolve; its UMD build loads as is.
const AC = require("adaptivecards/dist/adaptivecards.js");

const files = process.argv.slice(2).flatMap(path =>
  statSync(path).isDirectory()
    ? readdirSync(path).filter(f => f.endsWith(".json")).sort().map(f => join(path, f))
    : [path]);
if (files.length === 0) {
  console.error("usage: node check-cards.mjs FILE_OR_DIRECTORY... (no .json card found)");
  process.exit(2);
}

const phases = ["parse", "toJSON", "validation"];
let failed = 0;
for (const file of files) {
  const json = JSON.parse(readFileSync(file, "utf8"));
  const problems = [];
  if (json.version !== "1.5") problems.push(`version is ${json.version}, not 1.5`);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${phases[e.phase] ?? e.phase}: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validation: ${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  if (problems.length > 0) {
    failed++;
    console.error(`${file}:\n  ${problems.join("\n  ")}`);
  }
}
console.log(`${files.length - failed} of ${files.length} cards parse cleanly as Adaptive Cards 1.5`);
process.exit(failed === 0 ? 0 : 1);
