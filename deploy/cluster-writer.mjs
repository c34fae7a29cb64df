// The cluster run's writer: signs in once, then in a loop writes a post through nginx and at once
// reads it back as its author, through nginx (so possibly on the other instance, and on a replica
// when the replica has replayed the write). A read that does not show the write is a stale read.
// Every operation is appended to a JSON-lines log, tagged with the phase the driver is in.
//   node deploy/cluster-writer.mjs <graphql url> <phase file> <log file> <stop file>
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const [url, phaseFile, logFile, stopFile] = process.argv.slice(2);
const phase = () => (existsSync(phaseFile) ? readFileSync(phaseFile, 'utf8').trim() : 'start');

async function call(query, variables, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const started = Date.now();
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30000) });
    const text = await response.text();
    let body;
    try { body = JSON.parse(text); } catch { return { kind: `http ${response.status}`, ms: Date.now() - started }; }
    if (response.status !== 200) return { kind: `http ${response.status}`, ms: Date.now() - started };
    if (body.errors) {
      const classification = body.errors[0]?.extensions?.classification ?? 'unclassified';
      return { kind: classification, message: body.errors[0]?.message, ms: Date.now() - started };
    }
    return { data: body.data, ms: Date.now() - started };
  } catch (error) {
    return { kind: error.name === 'TimeoutError' ? 'timeout' : 'network', ms: Date.now() - started };
  }
}

const log = (entry) => appendFileSync(logFile, JSON.stringify({ t: Date.now(), phase: phase(), ...entry }) + '\n');

const name = `writer${Date.now() % 100000000}`;
let token;
while (!token) {
  const registered = await call('mutation($u: String!, $e: String!) { register(input: {username: $u, email: $e, password: "cluster-writer-pw"}) { token } }',
    { u: name, e: `${name}@example.com` });
  token = registered.data?.register?.token;
  if (!token) await new Promise((resolve) => setTimeout(resolve, 500));
}

let writes = 0;
for (let n = 1; !existsSync(stopFile); n++) {
  const title = `Cluster post ${n} by ${name}`;
  const written = await call('mutation($t: String!) { createPost(input: {title: $t, content: "Written under load", tags: ["cluster"], published: true}) { id } }',
    { t: title }, token);
  if (!written.data) {
    log({ op: 'write', ok: false, kind: written.kind, message: written.message, ms: written.ms });
    await new Promise((resolve) => setTimeout(resolve, 100));
    continue;
  }
  writes++;
  log({ op: 'write', ok: true, ms: written.ms });
  const id = written.data.createPost.id;
  const read = await call('query($id: ID!) { post(id: $id) { title } me { postCount } }', { id }, token);
  if (!read.data) {
    log({ op: 'read', ok: false, kind: read.kind, message: read.message, ms: read.ms });
    continue;
  }
  const stale = read.data.post?.title !== title || read.data.me.postCount < writes;
  log({ op: 'read', ok: true, stale, ms: read.ms });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
