// The real Apollo Client against a running Inkwell. Run by ApolloClientTest (src/test/java/.../edge),
// which starts Inkwell, registers an account and reads this script's output:
//
//   node client.mjs <graphql url> <username> <password>
//
// Each case below is an async function that throws on failure. Every case runs (a failing one
// does not stop the others) and prints one line, {"case": name, "ok": true|false, "error": ...};
// the script exits 1 if any case failed. To add a case, add an entry to `cases`: `recording()`
// gives a fetch that keeps every request and response it made, so a case can assert what went
// over the wire (methods, URLs, bodies, statuses, headers).
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { BatchHttpLink } from "@apollo/client/link/batch-http";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const [uri, username, password] = process.argv.slice(2);
if (!uri || !username || !password) {
  console.error("usage: node client.mjs <graphql url> <username> <password>");
  process.exit(2);
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** A fetch that records each exchange: {method, url, body, requestHeaders, status, headers}. */
function recording() {
  const exchanges = [];
  const fetchAndRecord = async (url, init = {}) => {
    const response = await fetch(url, init);
    exchanges.push({
      method: init.method ?? "GET",
      url: new URL(String(url)),
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      requestHeaders: new Headers(init.headers),
      status: response.status,
      headers: response.headers,
    });
    return response;
  };
  return { fetch: fetchAndRecord, exchanges };
}

function client(link) {
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

/** A query no earlier run has registered, so that the first request really registers it. */
function freshQuery() {
  const marker = "run_" + randomUUID().replaceAll("-", "");
  return gql`query LatestPosts { posts(first: 3) { nodes { id title } } ${marker}: __typename }`;
}

async function signIn() {
  const { data } = await client(new HttpLink({ uri })).mutate({
    mutation: gql`mutation SignIn($login: String!, $password: String!) {
      login(input: { login: $login, password: $password }) { token }
    }`,
    variables: { login: username, password },
  });
  return data.login.token;
}

const cases = {
  async "persisted query: the first request registers, the second is one hash-only GET"() {
    const wire = recording();
    const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true })
      .concat(new HttpLink({ uri, fetch: wire.fetch }));
    const query = freshQuery();

    const first = await client(link).query({ query, fetchPolicy: "network-only" });
    assert.ok(Array.isArray(first.data.posts.nodes));
    assert.equal(wire.exchanges.length, 2, "the unknown hash, then the document with its hash");
    const [miss, registration] = wire.exchanges;
    assert.equal(miss.method, "GET");
    assert.equal(miss.url.searchParams.get("query"), null);
    assert.equal(registration.method, "POST");
    assert.match(registration.body.query, /LatestPosts/);
    assert.equal(registration.body.extensions.persistedQuery.sha256Hash, sha256(registration.body.query));

    wire.exchanges.length = 0;
    const second = await client(link).query({ query, fetchPolicy: "network-only" });
    assert.deepEqual(second.data, first.data);
    assert.equal(wire.exchanges.length, 1, "one request");
    const [hashOnly] = wire.exchanges;
    assert.equal(hashOnly.method, "GET");
    assert.equal(hashOnly.status, 200);
    assert.equal(hashOnly.url.searchParams.get("query"), null, "no document in the URL");
    const extensions = JSON.parse(hashOnly.url.searchParams.get("extensions"));
    assert.equal(extensions.persistedQuery.sha256Hash, registration.body.extensions.persistedQuery.sha256Hash);
  },

  async "batch: three operations go in one request and are all answered"() {
    const wire = recording();
    const apollo = client(new BatchHttpLink({ uri, fetch: wire.fetch, batchMax: 10, batchInterval: 50 }));
    const [latest, tags, user] = await Promise.all([
      apollo.query({ query: gql`query Latest { posts(first: 2) { nodes { id title author { username } } } }` }),
      apollo.query({ query: gql`query Tags { tags(first: 5) { nodes { id name } } }` }),
      apollo.query({
        query: gql`query Someone($name: String!) { user(username: $name) { id username } }`,
        variables: { name: username },
      }),
    ]);
    assert.equal(wire.exchanges.length, 1, "one HTTP request");
    const [batch] = wire.exchanges;
    assert.equal(batch.method, "POST");
    assert.equal(batch.status, 200);
    assert.ok(Array.isArray(batch.body) && batch.body.length === 3, "a JSON array of three operations");
    assert.deepEqual(batch.body.map((operation) => operation.operationName), ["Latest", "Tags", "Someone"]);
    assert.ok(Array.isArray(latest.data.posts.nodes));
    assert.ok(Array.isArray(tags.data.tags.nodes));
    assert.equal(user.data.user.username, username);
  },

  async "cache headers: a hash-only GET is public with an ETag and revalidates with 304; POST is no-store"() {
    const wire = recording();
    const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true })
      .concat(new HttpLink({ uri, fetch: wire.fetch }));
    const query = freshQuery();
    await client(link).query({ query, fetchPolicy: "network-only" });
    const [miss, registration] = wire.exchanges;
    assert.equal(miss.headers.get("cache-control"), "no-store", "PersistedQueryNotFound is not for caches");
    assert.equal(registration.method, "POST");
    assert.equal(registration.headers.get("cache-control"), "no-store");

    wire.exchanges.length = 0;
    await client(link).query({ query, fetchPolicy: "network-only" });
    const [get] = wire.exchanges;
    assert.equal(get.method, "GET");
    assert.equal(get.status, 200);
    assert.match(get.headers.get("cache-control"), /^public, max-age=\d+$/);
    const etag = get.headers.get("etag");
    assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/, "a weak ETag (one tag for the gzip and the plain body)");
    assert.match(get.headers.get("vary"), /Authorization, Accept, Accept-Encoding/);

    // Apollo Client does not revalidate by itself; the HTTP cache under it (a browser's, a CDN)
    // sends the same GET with If-None-Match, and gets 304 without a body.
    const revalidated = await fetch(get.url, {
      headers: { accept: get.requestHeaders.get("accept"), "if-none-match": etag },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), "");
    assert.equal(revalidated.headers.get("etag"), etag);
  },

  async "cache headers: a signed-in GET is private, no-store"() {
    const token = await signIn();
    const wire = recording();
    const link = new HttpLink({ uri, fetch: wire.fetch, useGETForQueries: true,
      headers: { authorization: `Bearer ${token}` } });
    const { data } = await client(link).query({ query: gql`query Me { me { username } }`, fetchPolicy: "network-only" });
    assert.equal(data.me.username, username);
    const [get] = wire.exchanges;
    assert.equal(get.method, "GET");
    assert.equal(get.headers.get("cache-control"), "private, no-store");
  },

  async "a write, signed in, then a fresh read sees it"() {
    const newest = gql`query Newest { posts(first: 5) { nodes { id title author { username } } } }`;
    // Read first, so that the server's response cache holds the feed from before the write.
    for (let i = 0; i < 2; i++) {
      await client(new HttpLink({ uri })).query({ query: newest, fetchPolicy: "network-only" });
    }
    const token = await signIn();
    const signedIn = ApolloLink.from([
      new ApolloLink((operation, forward) => {
        operation.setContext(({ headers = {} }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
        return forward(operation);
      }),
      new HttpLink({ uri }),
    ]);
    const title = "Written by Apollo " + randomUUID();
    const { data } = await client(signedIn).mutate({
      mutation: gql`mutation Write($input: CreatePostInput!) { createPost(input: $input) { id title published } }`,
      variables: { input: { title, content: "Sent by @apollo/client.", published: true } },
    });
    assert.equal(data.createPost.title, title);

    // A new client (an empty cache), anonymous: the published post is in the first page.
    const read = await client(new HttpLink({ uri })).query({ query: newest, fetchPolicy: "network-only" });
    const found = read.data.posts.nodes.find((post) => post.id === data.createPost.id);
    assert.ok(found, "the new post is in the feed");
    assert.equal(found.title, title);
    assert.equal(found.author.username, username);
  },
};

let failed = 0;
for (const [name, run] of Object.entries(cases)) {
  try {
    await run();
    console.log(JSON.stringify({ case: name, ok: true }));
  } catch (error) {
    failed++;
    console.log(JSON.stringify({ case: name, ok: false, error: String(error?.stack ?? error) }));
  }
}
process.exit(failed === 0 ? 0 : 1);
