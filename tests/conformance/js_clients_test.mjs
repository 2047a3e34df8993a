// Conformance of aliasing-sim with the official JavaScript clients, installed by npm from
// tests/conformance/package.json (pinned) into tests/conformance/node_modules (git-ignored):
//   @elastic/elasticsearch 9.x against the 9.x simulator (it sends compatible-with=9 and checks the product header),
//   @opensearch-project/opensearch 3.x against the OpenSearch 2.19 simulator.
// Each drives the unmodified client through what `aliasing` does: info, create, cat indices, an atomic swap with
// must_exist, async force-merge + task, replicas + health (408 on timeout), delete. Every step checks its result.
// Exit 0 = conformant, 1 = a check failed, 77 = node or the clients are missing (skip).
//   node tests/conformance/js_clients_test.mjs --sim build/bin/aliasing-sim
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let Elastic, OpenSearch;
try {
  Elastic = require("@elastic/elasticsearch");
  OpenSearch = require("@opensearch-project/opensearch");
} catch (error) {
  console.log("SKIP: the JavaScript clients are not installed (scripts/install-deps.sh runs npm ci in tests/conformance)");
  process.exit(77);
}

const sim = process.argv[process.argv.indexOf("--sim") + 1];

function startSim(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(sim, ["--port", "0", "--quiet", "--replica-delay-ms", "2000", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    createInterface({ input: child.stdout }).once("line", (url) => resolve({ child, url: url.trim() }));
    child.once("error", reject);
  });
}

function expect(condition, what) {
  if (!condition) throw new Error("FAILED: " + what);
  console.log("  ok  " + what);
}

async function drive(name, client, distribution, prefix = "", real = false) {
  console.log(name);
  const [oldIndex, newIndex, live] = [prefix + "c-old", prefix + "c-new", prefix + "live"];
  const info = await client.info();
  const body = info.body ?? info;
  expect(distribution === "opensearch" ? body.version.distribution === "opensearch" : body.version.build_flavor === "default",
         "info() names the product " + body.version.number);
  const indices = client.indices;
  await indices.create({ index: oldIndex, body: { settings: { number_of_shards: 1, number_of_replicas: 0 }, aliases: { [live]: {} } } });
  await indices.create({ index: newIndex, body: { settings: { number_of_shards: 1, number_of_replicas: 0 } } });
  const cat = await client.cat.indices({ index: prefix + "c-*", format: "json", bytes: "b" });
  expect((cat.body ?? cat).length === 2, "cat.indices lists both indices");
  const merge = await indices.forcemerge({ index: newIndex, max_num_segments: 1, wait_for_completion: false });
  const task = (merge.body ?? merge).task;
  expect(typeof task === "string", "forcemerge(wait_for_completion=false) returns a task");
  const done = await client.tasks.get({ task_id: task, wait_for_completion: true, timeout: "10s" });
  expect((done.body ?? done).completed === true, "tasks.get reports the merge completed");
  await indices.putSettings({ index: newIndex, body: { index: { number_of_replicas: 1 } } });
  let health;
  try {
    health = await client.cluster.health({ index: newIndex, wait_for_status: "green", timeout: "50ms" });
    health = health.body ?? health;
  } catch (error) {
    expect(error.meta?.statusCode === 408, "health timeout is 408 with the body");
    health = error.meta.body;
  }
  if (!real) expect(health.status === "yellow" && health.timed_out === true, "health body says yellow, timed_out");
  await indices.putSettings({ index: newIndex, body: { index: { number_of_replicas: 0 } } });
  const swap = await indices.updateAliases({ body: { actions: [
    { remove: { index: oldIndex, alias: live, must_exist: true } }, { add: { index: newIndex, alias: live } }] } });
  expect((swap.body ?? swap).acknowledged === true, "updateAliases swaps atomically with must_exist");
  let moved = null;
  try {
    await indices.updateAliases({ body: { actions: [
      { remove: { index: oldIndex, alias: live, must_exist: true } }, { add: { index: oldIndex, alias: live } }] } });
  } catch (error) {
    moved = error.meta?.statusCode;
  }
  expect(moved === 404, "a second swap from the old index fails 404 and changes nothing");
  const alias = await indices.getAlias({ name: live });
  expect(Object.keys(alias.body ?? alias).join() === newIndex, "getAlias shows only the new index");
  await indices.delete({ index: oldIndex });
  const exists = await indices.exists({ index: oldIndex });
  expect((typeof exists === "boolean" ? exists : exists.body) === false, "delete removed the old index");
}

const runs = [
  ["@elastic/elasticsearch against Elasticsearch 9.1.5", ["--version", "9.1.5"], "elasticsearch",
   (url) => new Elastic.Client({ node: url })],
  ["@opensearch-project/opensearch against OpenSearch 2.19.1", ["--distribution", "opensearch", "--version", "2.19.1"],
   "opensearch", (url) => new OpenSearch.Client({ node: url })],
];
let failed = false;
const realUrl = process.env.ALIASING_TEST_ES_URL;
if (realUrl && process.env.ALIASING_AWS_SIGV4) {
  console.log("skipped: the JavaScript clients here do not sign with SigV4 (ALIASING_AWS_SIGV4 is set)");
  process.exit(77);
}
if (realUrl) {
  // A real cluster: the client for its product, names under a unique per-run prefix, refused if already used,
  // always cleaned up. Basic auth or an API key from ALIASING_ES_*; SigV4 is not supported by this test.
  const auth = process.env.ALIASING_ES_API_KEY ? { apiKey: process.env.ALIASING_ES_API_KEY }
    : process.env.ALIASING_ES_USERNAME ? { username: process.env.ALIASING_ES_USERNAME, password: process.env.ALIASING_ES_PASSWORD }
    : undefined;
  const root = await (await fetch(realUrl, auth?.username ? { headers: { Authorization: "Basic " +
    Buffer.from(auth.username + ":" + auth.password).toString("base64") } } : auth?.apiKey
    ? { headers: { Authorization: "ApiKey " + auth.apiKey } } : {})).json();
  const distribution = root.version?.distribution === "opensearch" ? "opensearch" : "elasticsearch";
  // @elastic/elasticsearch N.x sends compatible-with=N, which an Elasticsearch of another major refuses (400
  // media_type_header_exception): only a cluster of the installed client's major can be driven by it.
  const clientMajor = require("@elastic/elasticsearch/package.json").version.split(".")[0];
  const clusterMajor = String(root.version?.number ?? "").split(".")[0];
  if (distribution === "elasticsearch" && clusterMajor !== clientMajor) {
    console.log(`skipped: the installed @elastic/elasticsearch ${clientMajor}.x drives Elasticsearch ${clientMajor}.x ` +
                `only; ${realUrl} is Elasticsearch ${root.version?.number}`);
    process.exit(77);
  }
  const client = distribution === "opensearch" ? new OpenSearch.Client({ node: realUrl, auth })
                                               : new Elastic.Client({ node: realUrl, auth });
  const prefix = "aliasing-test-" + Math.random().toString(36).slice(2, 12) + "-";
  try {
    const existing = await client.cat.indices({ index: prefix + "*", format: "json" });
    expect((existing.body ?? existing).length === 0, "no index exists under " + prefix);
    await drive("official client against " + realUrl, client, distribution, prefix, true);
  } catch (error) {
    console.log(error.stack ?? String(error));
    failed = true;
  } finally {
    for (const index of [prefix + "c-old", prefix + "c-new"]) {
      await client.indices.delete({ index }).catch(() => {});
    }
  }
  process.exit(failed ? 1 : 0);
}
{
  // The 9.x client's compatible-with=9 is what real 8.x rejects, and so does the 8.x simulator.
  console.log("@elastic/elasticsearch 9.x against Elasticsearch 8.15.0");
  const { child, url } = await startSim(["--version", "8.15.0"]);
  try {
    let type = null;
    try {
      await new Elastic.Client({ node: url }).info();
    } catch (error) {
      type = error.meta?.body?.error?.type;
    }
    expect(type === "media_type_header_exception", "8.x answers 400 media_type_header_exception to compatible-with=9");
  } catch (error) {
    console.log(error.stack ?? String(error));
    failed = true;
  } finally {
    child.kill("SIGTERM");
  }
}
for (const [name, args, distribution, make] of runs) {
  const { child, url } = await startSim(args);
  try {
    await drive(name, make(url), distribution);
  } catch (error) {
    console.log(error.stack ?? String(error));
    failed = true;
  } finally {
    child.kill("SIGTERM");
  }
}
process.exit(failed ? 1 : 0);
