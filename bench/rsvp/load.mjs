// Load generator: RSVP invokes (PanelBot) or expectReplies messages (echo bot) from many distinct users over HTTP
// keep-alive with autocannon, a time-boxed warm-up, then measured rounds of a fixed number of requests.
// Writes one JSON result (per-round figures and their medians) to --out.
//
//   node load.mjs --target panelbot|echo --url http://127.0.0.1:PORT --pid SERVER_PID --service-url URL \
//                 [--warmup 45] [--rounds 3] [--amount 10000] [--users 1000] [--connections 32] [--registrations 0] --out result.json
//
// --registrations N (PanelBot only): before the warm-up, N other people answer "no" through the same invoke path, so
// the measured answers go to an event that already has N registrations (plus the --users who answer in the rounds).
// ("no" asks Teams for nothing, so the pre-fill leaves no background work behind to skew the rounds.)
import autocannon from 'autocannon';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
    options: {
        target: { type: 'string' },
        url: { type: 'string' },
        pid: { type: 'string' },
        'service-url': { type: 'string', default: 'http://127.0.0.1:9/' },
        warmup: { type: 'string', default: '45' },
        rounds: { type: 'string', default: '3' },
        amount: { type: 'string', default: '10000' },
        users: { type: 'string', default: '1000' },
        connections: { type: 'string', default: '32' },
        capacity: { type: 'string', default: '500' },
        registrations: { type: 'string', default: '0' },
        out: { type: 'string' },
    },
});
if (!['panelbot', 'echo'].includes(args.target) || !args.url || !args.pid || !args.out) {
    console.error('usage: node load.mjs --target panelbot|echo --url URL --pid PID --out FILE [options]');
    process.exit(2);
}
const pid = Number(args.pid);
const users = Number(args.users);
const amount = Number(args.amount);
const connections = Number(args.connections);
const messagesUrl = new URL('/api/messages', args.url).href;
const serviceUrl = args['service-url'];
// Each user in their own 1:1 conversation with the bot, as in Teams' personal scope: notices to them are not throttled
// together as they would be in one shared conversation.
const conversationOf = (user) => ({ id: `personal-${user.id}`, conversationType: 'personal' });
const conversation = { id: 'bench' };
const prefill = Number(args.registrations);

// Each user changes their answer on every pass over the users. Three "going" in five keep about 600 users wanting
// one of the 500 seats, so the waitlist fills and every "no" from a seat holder promotes the first waiting person.
const answers = ['going', 'going', 'maybe', 'going', 'no'];
const answerFor = (i) => answers[((i % users) + Math.floor(i / users)) % answers.length];
const userFor = (i) => {
    const n = i % users;
    return { id: `user-${n}`, name: `User ${n}` };
};

let eventNumber = 0;
const bodyFor = {
    panelbot: (i) => ({
        type: 'invoke', name: 'adaptiveCard/action', id: `i${i}`, channelId: 'msteams', serviceUrl,
        from: userFor(i), recipient: { id: 'bot' }, conversation: conversationOf(userFor(i)),
        value: { action: { type: 'Action.Execute', verb: 'rsvp', data: { event: eventNumber, answer: answerFor(i) } } },
    }),
    echo: (i) => ({
        type: 'message', id: `m${i}`, channelId: 'msteams', serviceUrl,
        from: userFor(i), recipient: { id: 'bot' }, conversation: conversationOf(userFor(i)),
        text: answerFor(i), deliveryMode: 'expectReplies',
    }),
}[args.target];
// What a correct answer contains: the refreshed card in the invoke response, or the echo among the expected replies.
const expected = { panelbot: '"type":"application/vnd.microsoft.card.adaptive"', echo: '"text":"Echo: ' }[args.target];

async function post(body) {
    const response = await fetch(messagesUrl, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`POST ${messagesUrl} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
}

async function organiserSays(text) {
    const reply = await post({
        type: 'message', id: `o${Date.now()}`, channelId: 'msteams', serviceUrl,
        from: { id: 'organiser', name: 'Org' }, recipient: { id: 'bot' }, conversation,
        text, deliveryMode: 'expectReplies',
    });
    return (reply?.activities ?? []).map((a) => a.text ?? '').join('\n');
}

async function setUpEvent() {
    const created = await organiserSays('new webinar "Bench" 2027-03-03 15:00-16:30 Europe/Oslo');
    const number = /Created #(\d+)/.exec(created)?.[1];
    if (!number) throw new Error(`creating the event failed: ${created}`);
    const capacity = await organiserSays(`set #${number} capacity ${args.capacity}`);
    if (!/Updated the capacity/.test(capacity)) throw new Error(`setting the capacity failed: ${capacity}`);
    const published = await organiserSays(`publish #${number}`);
    if (!/is published/.test(published)) throw new Error(`publishing failed: ${published}`);
    return Number(number);
}

function procStatus(key) {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
    return Number(/(\d+)/.exec(line)[1]) * 1024; // kB -> bytes
}

function cpuSeconds() {
    // utime and stime, fields 14 and 15 of /proc/PID/stat, after the parenthesised command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One autocannon run; `limit` is { amount } or { duration } (seconds). */
// The sequence runs on across warm-up and rounds, so every pass over the users changes their answers.
let next = 0;
async function drive(limit) {
    let unexpected = 0;
    let firstUnexpected = null;
    const latencies = [];
    let peakRss = procStatus('VmRSS');
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, procStatus('VmRSS')); }, 100);
    const cpuBefore = cpuSeconds();
    const started = process.hrtime.bigint();
    const instance = autocannon({
        url: messagesUrl,
        connections,
        pipelining: 1,
        timeout: 30,
        ...limit,
        headers: { 'content-type': 'application/json' },
        requests: [{
            method: 'POST',
            setupRequest: (request) => ({ ...request, body: JSON.stringify(bodyFor(next++)) }),
            onResponse: (status, body) => {
                if (status === 200 && !body.includes(expected)) {
                    unexpected++;
                    firstUnexpected ??= body.slice(0, 300);
                }
            },
        }],
    });
    // autocannon's histogram keeps whole milliseconds; keep every response time to get exact percentiles.
    // The round ends at its last response: autocannon notices that an `amount` is done only on its next one-second
    // tick, which would round every round's time up to whole seconds.
    let lastResponse = started;
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        lastResponse = process.hrtime.bigint();
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
    let firstError = null;
    instance.on('reqError', (error) => { firstError ??= String(error?.code ?? error); });
    const result = await instance;
    const seconds = Number((limit.amount ? lastResponse : process.hrtime.bigint()) - started) / 1e9;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, procStatus('VmRSS'));
    const cpu = cpuSeconds() - cpuBefore;
    latencies.sort((a, b) => a - b);
    const ok = result['2xx'];
    return {
        // autocannon counts a time-out as an error too.
        requests: ok + result.non2xx + result.errors,
        ok,
        seconds,
        rps: ok / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors: result.errors,
        non2xx: result.non2xx,
        unexpected,
        firstUnexpected,
        firstError,
        peakRss,
        cpuMsPerRequest: (cpu * 1000) / Math.max(1, ok),
    };
}

const log = (text) => console.error(`[${args.target}] ${text}`);
const mib = (bytes) => (bytes / 1048576).toFixed(0);

if (args.target === 'panelbot') {
    eventNumber = await setUpEvent();
    log(`event #${eventNumber} published with ${args.capacity} seats`);
    if (prefill > 0) await prefillRegistrations();
}

/**
 * How late the mail is: the age in seconds of the oldest due, unsent outbox message, from PanelBot's /health. A build
 * whose delivery falls behind during the rounds does less work in them, so its answers per second read better than
 * they are; this figure and the drain below show that. (An invitation that replaces a pending one to the same person
 * keeps that one's due time, so with people answering again and again the age reads high: the drain is the measure.)
 */
async function outboxLag() {
    const response = await fetch(new URL('/health', args.url));
    const body = await response.json();
    const seconds = /waiting (\d+) s/.exec(body.checks?.outbox?.description ?? '')?.[1];
    if (seconds === undefined) throw new Error(`/health names no outbox age: ${JSON.stringify(body)}`);
    return Number(seconds);
}

/** Waits (up to 5 minutes) until no due mail is older than half a second, and says how long that took and the CPU it cost. */
async function drainOutbox() {
    const cpuBefore = cpuSeconds();
    const started = Date.now();
    let drained = false;
    while (!(drained = (await outboxLag()) === 0) && Date.now() - started < 300_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { drained, seconds: (Date.now() - started) / 1000, cpuSeconds: cpuSeconds() - cpuBefore };
}

/** N invokes "no" from people who take no part in the rounds. */
async function prefillRegistrations() {
    const started = Date.now();
    let i = 0;
    let bad = 0;
    const result = await autocannon({
        url: messagesUrl, connections, pipelining: 1, timeout: 60, amount: prefill,
        headers: { 'content-type': 'application/json' },
        requests: [{
            method: 'POST',
            setupRequest: (request) => {
                const n = i++;
                const body = {
                    type: 'invoke', name: 'adaptiveCard/action', id: `p${n}`, channelId: 'msteams', serviceUrl,
                    from: { id: `prefill-${n}`, name: `Prefill ${n}` }, recipient: { id: 'bot' },
                    conversation: conversationOf({ id: `prefill-${n}` }),
                    value: { action: { type: 'Action.Execute', verb: 'rsvp', data: { event: eventNumber, answer: 'no' } } },
                };
                return { ...request, body: JSON.stringify(body) };
            },
            onResponse: (status, body) => { if (status !== 200 || !body.includes(expected)) bad++; },
        }],
    });
    if (result['2xx'] !== prefill || bad > 0) throw new Error(`prefill: ${result['2xx']} of ${prefill} answered, ${bad} wrong`);
    log(`prefilled ${prefill} registrations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const warmupSeconds = Number(args.warmup);
if (warmupSeconds > 0) {
    log(`warm-up ${warmupSeconds} s`);
    const w = await drive({ duration: warmupSeconds });
    log(`warm-up: ${w.ok} requests, ${w.rps.toFixed(0)} req/s, ${w.errors} errors${w.firstError ? ` (${w.firstError})` : ''}, ` +
        `${w.non2xx} non-2xx, ${w.unexpected} unexpected`);
}
const rounds = [];
for (let r = 1; r <= Number(args.rounds); r++) {
    const round = await drive({ amount });
    round.outboxLag = args.target === 'panelbot' ? await outboxLag() : null;
    rounds.push(round);
    log(`round ${r}: ${round.rps.toFixed(0)} req/s, p50 ${round.p50.toFixed(2)} ms, p99 ${round.p99.toFixed(2)} ms, ` +
        `${round.errors} errors, ${round.non2xx} non-2xx, ${round.unexpected} unexpected, RSS peak ${mib(round.peakRss)} MiB` +
        (round.outboxLag === null ? '' : `, oldest due mail ${round.outboxLag} s old`));
    if (round.firstUnexpected) log(`first unexpected answer: ${round.firstUnexpected}`);
    if (round.firstError) log(`first error: ${round.firstError}`);
}
const drain = args.target === 'panelbot' ? await drainOutbox() : null;
if (drain) log(`outbox ${drain.drained ? 'drained' : 'still not drained'} ${drain.seconds.toFixed(1)} s after the last round, ${drain.cpuSeconds.toFixed(2)} s of CPU`);
const state = args.target === 'panelbot' ? await organiserSays(`attendees #${eventNumber}`).then((t) => t.split('\n')[0]) : null;
if (state) log(state);

const pick = (key) => median(rounds.map((r) => r[key]));
const result = {
    target: args.target,
    rounds,
    median: {
        rps: pick('rps'), p50: pick('p50'), p99: pick('p99'), peakRss: pick('peakRss'), cpuMsPerRequest: pick('cpuMsPerRequest'),
        outboxLag: args.target === 'panelbot' ? pick('outboxLag') : null,
    },
    totals: {
        requests: rounds.reduce((s, r) => s + r.requests, 0),
        errors: rounds.reduce((s, r) => s + r.errors, 0),
        non2xx: rounds.reduce((s, r) => s + r.non2xx, 0),
        unexpected: rounds.reduce((s, r) => s + r.unexpected, 0),
    },
    vmHwm: procStatus('VmHWM'),
    drain,
    state,
    settings: { users, amount, connections, warmupSeconds, rounds: rounds.length, registrations: prefill },
};
writeFileSync(args.out, JSON.stringify(result, null, 2));
