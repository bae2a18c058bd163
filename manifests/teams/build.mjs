// Builds the PanelBot Teams app package: fills in the manifest template, validates it offline against the official
// schema bundled in @microsoft/app-manifest plus checks the schema cannot express, and zips it with the icons.
//
//   node build.mjs --bot-app-id <GUID> [--app-id <GUID>] [--domain <host>] [--app-version <semver>]
//                  [--out build/panelbot-teams.zip] [--validate-only]
//   node build.mjs --manifest <path/to/manifest.json> [--bot-app-id <GUID>] [--validate-only] [--out ...]
//
// Exit codes: 0 valid (and package written), 1 invalid manifest or icons, 2 usage error or missing npm packages.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { decodePng, readPngHeader } from "./lib/png.mjs";
import { createZip } from "./lib/zip.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// The Teams app id only has to stay the same between uploads so Teams treats a new package as an update.
const DEFAULT_APP_ID = "6ab82ac5-daa6-4226-b6a1-836e94f89157";
const DEFAULT_DOMAIN = "panelbot.example";
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}(:|$))[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/i;
const RECOMMENDED_TITLE_LENGTH = 32;
const ICONS = { color: { size: 192 }, outline: { size: 32, transparentWhite: true } };

class UsageError extends Error {}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      "bot-app-id": { type: "string" },
      "app-id": { type: "string" },
      domain: { type: "string" },
      "app-version": { type: "string" },
      out: { type: "string" },
      manifest: { type: "string" },
      "validate-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const botAppId = values["bot-app-id"] ?? process.env.MicrosoftAppId;
  const fromTemplate = values.manifest === undefined;
  if (fromTemplate && !botAppId) throw new UsageError("--bot-app-id <GUID> is required (or set MicrosoftAppId)");
  const options = {
    help: values.help,
    botAppId,
    appId: values["app-id"] ?? process.env.TEAMS_APP_ID ?? DEFAULT_APP_ID,
    domain: values.domain ?? process.env.BOT_DOMAIN ?? DEFAULT_DOMAIN,
    appVersion: values["app-version"],
    manifestPath: resolve(values.manifest ?? join(here, "manifest.template.json")),
    fromTemplate,
    validateOnly: values["validate-only"],
    out: values.out ? resolve(values.out) : join(here, "build", "panelbot-teams.zip"),
  };
  if (botAppId && !GUID.test(botAppId)) throw new UsageError(`bot app id "${botAppId}" is not a GUID`);
  if (!GUID.test(options.appId)) throw new UsageError(`app id "${options.appId}" is not a GUID`);
  if (!HOST.test(options.domain)) throw new UsageError(`domain "${options.domain}" must be a host name such as bot.contoso.com (no scheme, no path)`);
  if (options.appVersion !== undefined && !SEMVER.test(options.appVersion)) throw new UsageError(`app version "${options.appVersion}" is not semver (e.g. 1.0.1)`);
  return options;
}

function loadAppManifestPackage() {
  const require = createRequire(import.meta.url);
  try {
    require.resolve("fs-extra"); // @microsoft/app-manifest needs it but does not declare it
    const entry = require.resolve("@microsoft/app-manifest");
    return { AppManifestUtils: require("@microsoft/app-manifest").AppManifestUtils, packageDir: dirname(dirname(entry)) };
  } catch (error) {
    throw new UsageError(`cannot load @microsoft/app-manifest / fs-extra (${error.code ?? error.message}): run \`npm ci\` in ${here}`);
  }
}

function fillPlaceholders(text, options) {
  const values = { BOT_APP_ID: options.botAppId, APP_ID: options.appId, BOT_DOMAIN: options.domain };
  // Values are validated GUIDs and host names, so they need no JSON escaping.
  return text.replace(/\$\{\{([A-Z_]+)\}\}/g, (placeholder, name) => values[name] ?? placeholder);
}

async function schemaErrors(manifest, appManifest) {
  const match = typeof manifest.$schema === "string" ? SCHEMA_URL.exec(manifest.$schema) : null;
  if (!match) return [`$schema must be https://developer.microsoft.com/json-schemas/teams/v<version>/MicrosoftTeams.schema.json, got ${JSON.stringify(manifest.$schema)}`];
  const schemaVersion = match[1];
  const errors = [];
  if (manifest.manifestVersion !== schemaVersion) errors.push(`manifestVersion ${JSON.stringify(manifest.manifestVersion)} does not match $schema version ${schemaVersion}`);
  // Only validate against schemas shipped in the package: AppManifestUtils would otherwise fetch from the internet.
  const localSchema = join(appManifest.packageDir, "build", "json-schemas", "teams", `v${schemaVersion}`, "MicrosoftTeams.schema.json");
  if (!existsSync(localSchema)) return [...errors, `schema v${schemaVersion} is not bundled in @microsoft/app-manifest (looked for ${localSchema})`];
  const results = await appManifest.AppManifestUtils.validateAgainstSchema(manifest);
  return [...errors, ...results.map((message) => `schema: ${message.trim()}`)];
}

function iconErrors(manifest, baseDir) {
  const errors = [];
  const files = {};
  for (const [kind, rule] of Object.entries(ICONS)) {
    const name = manifest.icons?.[kind];
    if (typeof name !== "string") continue; // the schema reports it
    if (basename(name) !== name) { errors.push(`icons.${kind} "${name}" must be a file name at the package root`); continue; }
    const path = join(baseDir, name);
    if (!existsSync(path)) { errors.push(`icons.${kind}: file ${path} not found`); continue; }
    const bytes = readFileSync(path);
    try {
      const header = readPngHeader(bytes);
      if (header.width !== rule.size || header.height !== rule.size) {
        errors.push(`icons.${kind} ${name} is ${header.width}x${header.height}, must be ${rule.size}x${rule.size}`);
      }
      if (rule.transparentWhite) errors.push(...outlineErrors(name, header, bytes));
      files[name] = bytes;
    } catch (error) {
      errors.push(`icons.${kind} ${name}: ${error.message}`);
    }
  }
  return { errors, files };
}

function outlineErrors(name, header, bytes) {
  if (!header.hasAlphaChannel) return [`icons.outline ${name} has PNG colour type ${header.colorType}: it needs an alpha channel (type 4 or 6) for a transparent background`];
  const { rgba } = decodePng(bytes);
  let transparent = 0, coloured = 0, drawn = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 0) { transparent++; continue; }
    drawn++;
    if (rgba[i] < 0xf0 || rgba[i + 1] < 0xf0 || rgba[i + 2] < 0xf0) coloured++;
  }
  const errors = [];
  if (transparent === 0) errors.push(`icons.outline ${name} has no transparent pixel: the background must be transparent`);
  if (drawn === 0) errors.push(`icons.outline ${name} is fully transparent`);
  if (coloured > 0) errors.push(`icons.outline ${name} has ${coloured} visible pixels that are not white`);
  return errors;
}

function botErrors(manifest, options, warnings) {
  const errors = [];
  const bot = manifest.bots?.[0];
  if (!bot) return ["bots[0] is missing: PanelBot is a bot app"];
  if (options.botAppId && String(bot.botId).toLowerCase() !== options.botAppId.toLowerCase()) {
    errors.push(`bots[0].botId ${bot.botId} is not the Azure Bot app id ${options.botAppId}`);
  }
  const seenScopes = new Set();
  (bot.commandLists ?? []).forEach((list, index) => {
    for (const scope of list.scopes ?? []) {
      if (seenScopes.has(scope)) errors.push(`commandLists[${index}]: scope ${scope} already has a command list`);
      seenScopes.add(scope);
      if (!(bot.scopes ?? []).includes(scope)) errors.push(`commandLists[${index}]: scope ${scope} is not in bots[0].scopes`);
    }
    const titles = new Set();
    for (const { title } of list.commands ?? []) {
      const key = String(title).toLowerCase();
      if (titles.has(key)) errors.push(`commandLists[${index}]: command title "${title}" appears twice`);
      titles.add(key);
      if (String(title).length > RECOMMENDED_TITLE_LENGTH) warnings.push(`commandLists[${index}]: "${title}" is longer than ${RECOMMENDED_TITLE_LENGTH} characters and may be cut in Teams`);
    }
  });
  return errors;
}

function domainErrors(manifest) {
  return (manifest.validDomains ?? [])
    .filter((domain) => typeof domain === "string" && /^[a-z]+:\/\/|\//i.test(domain))
    .map((domain) => `validDomains "${domain}" must be a host name without scheme or path`);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(3, 8).map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
    return 0;
  }
  const appManifest = loadAppManifestPackage();

  if (!existsSync(options.manifestPath)) throw new UsageError(`manifest ${options.manifestPath} not found`);
  const text = fillPlaceholders(readFileSync(options.manifestPath, "utf8").replace(/^\uFEFF/, ""), options);
  const unresolved = [...new Set(text.match(/\$\{\{[A-Z_]+\}\}/g) ?? [])];
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return report([`${options.manifestPath} is not valid JSON: ${error.message}`], [], options);
  }
  if (options.appVersion) manifest.version = options.appVersion;

  const warnings = [];
  const icons = iconErrors(manifest, dirname(options.manifestPath));
  const errors = [
    ...unresolved.map((placeholder) => `placeholder ${placeholder} was not replaced (pass the matching option)`),
    ...(await schemaErrors(manifest, appManifest)),
    ...icons.errors,
    ...botErrors(manifest, options, warnings),
    ...domainErrors(manifest),
  ];
  const code = report(errors, warnings, options, manifest);
  if (code !== 0 || options.validateOnly) return code;

  const entries = [{ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") }];
  for (const [name, data] of Object.entries(icons.files)) entries.push({ name, data });
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, createZip(entries));
  console.log(`wrote ${options.out}: ${entries.map((e) => e.name).join(", ")}`);
  return 0;
}

function report(errors, warnings, options, manifest) {
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  if (errors.length > 0) {
    console.error(`${options.manifestPath}: INVALID, ${errors.length} error(s):`);
    for (const error of errors) console.error(`  - ${error}`);
    return 1;
  }
  console.log(`${options.manifestPath}: valid Teams app manifest v${manifest.manifestVersion} (app ${manifest.id}, bot ${manifest.bots[0].botId})`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error(error instanceof UsageError ? `error: ${error.message}` : error);
    process.exitCode = 2;
  },
);
