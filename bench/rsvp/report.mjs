// Prints the side-by-side table from the JSON results that load.mjs wrote.
// Usage: node report.mjs panelbot.json echo.json [--json]   (--json: only the one-line JSON summary)
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2).filter((a) => a !== '--json');
const [panelbot, echo] = files.map((file) => JSON.parse(readFileSync(file, 'utf8')));
if (process.argv.includes('--json')) {
    const round = (x, digits = 2) => Number(x.toFixed(digits));
    console.log(JSON.stringify({
        registrations: panelbot.settings.registrations ?? 0,
        panelbot_rps: round(panelbot.median.rps, 0),
        echo_rps: round(echo.median.rps, 0),
        panelbot_p99_ms: round(panelbot.median.p99),
        echo_p99_ms: round(echo.median.p99),
        cpu_ms_per_request: round(panelbot.median.cpuMsPerRequest, 3),
        rss_mib: round(panelbot.median.peakRss / 1048576, 0),
        outbox_lag_s: panelbot.median.outboxLag,
        outbox_drain_s: round(panelbot.drain.seconds, 1),
    }));
    process.exit(0);
}
const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;
const ms = (value) => `${value.toFixed(2)} ms`;
const s = panelbot.settings;

const rows = [
    ['', 'PanelBot (RSVP invoke)', 'botbuilder-js echo'],
    ['requests per second', panelbot.median.rps.toFixed(0), echo.median.rps.toFixed(0)],
    ['latency p50', ms(panelbot.median.p50), ms(echo.median.p50)],
    ['latency p99', ms(panelbot.median.p99), ms(echo.median.p99)],
    ['errors / non-2xx / wrong body', fails(panelbot), fails(echo)],
    ['RSS peak during rounds', mib(panelbot.median.peakRss), mib(echo.median.peakRss)],
    ['peak memory (VmHWM)', mib(panelbot.vmHwm), mib(echo.vmHwm)],
    ['server CPU per request', ms(panelbot.median.cpuMsPerRequest), ms(echo.median.cpuMsPerRequest)],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;

console.log(`${s.amount} requests from ${s.users} users per round (event pre-filled with ${s.registrations ?? 0} registrations), ${s.connections} connections, ` +
    `${s.warmupSeconds} s warm-up, median of ${s.rounds} rounds; server on core 0, load on core 1.`);
console.log(line(rows[0]));
console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows.slice(1)) console.log(line(row));
const d = panelbot.drain;
console.log(`PanelBot's outbox: oldest due mail ${panelbot.median.outboxLag} s old at the end of a round (median); ` +
    `${d.drained ? 'no mail left waiting' : 'mail still waiting'} ${d.seconds.toFixed(1)} s after the last round, ` +
    `${d.cpuSeconds.toFixed(2)} s of CPU in between.`);
if (panelbot.state) console.log(`PanelBot after the rounds: ${panelbot.state}`);

function fails(result) {
    const t = result.totals;
    return `${t.errors} / ${t.non2xx} / ${t.unexpected} of ${t.requests}`;
}
