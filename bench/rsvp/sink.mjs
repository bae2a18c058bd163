// Stands in for the Teams connector (the activity's serviceUrl) so the bot's outgoing calls succeed the way they
// would in Teams: member look-ups return a profile with an email, posts and updates return a resource id.
// Usage: node sink.mjs PORT  — prints its request counts as JSON on SIGTERM.
import http from 'node:http';

const port = Number(process.argv[2] ?? 3979);
const counts = { memberLookups: 0, posts: 0, updates: 0, other: 0 };
const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/;

const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
        if (req.url === '/_counts') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(counts));
            return;
        }
        let body = { id: `sink-${counts.posts + counts.updates}` };
        const m = req.method === 'GET' ? member.exec(req.url) : null;
        if (m) {
            counts.memberLookups++;
            const id = decodeURIComponent(m[1]);
            body = { id, name: id, email: `${id}@example.org`, userPrincipalName: `${id}@example.org`, userRole: 'user' };
        } else if (req.method === 'POST') counts.posts++;
        else if (req.method === 'PUT') counts.updates++;
        else counts.other++;
        const text = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
    });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`sink listening on http://127.0.0.1:${port}`));
process.on('SIGTERM', () => {
    console.log(JSON.stringify(counts));
    process.exit(0);
});
