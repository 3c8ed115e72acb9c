// Tenant tokens made by the SDK's own generateTenantToken (meilisearch/token), signed with a tenant API key,
// then used by a client built with the token: results stay inside the tenant and inside the token's rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateTenantToken } from "meilisearch/token";
import { twoTenants, client, createIndex, createTenant, createKey, owners, ids, docsA } from "./support.mjs";

for (const algorithm of ["HS256", "HS384", "HS512"]) {
  test(`${algorithm} token with array rules searches and multi-searches the tenant's documents`, async () => {
    const f = await twoTenants();
    const token = await generateTenantToken({
      apiKey: f.keyA.key,
      apiKeyUid: f.keyA.uid,
      searchRules: [f.index],
      algorithm,
    });
    const header = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
    assert.deepEqual(header, { alg: algorithm, typ: "JWT" });

    const sdk = client(token);
    const r = await sdk.index(f.index).search("", { limit: 50 });
    assert.deepEqual(ids(r.hits), [1, 2, 3]);
    assert.deepEqual(owners(r.hits), ["A"]);

    const get = await sdk.index(f.index).searchGet("lamp");
    assert.deepEqual(get.hits.map((h) => h.title), ["Alpha lamp"]);

    const multi = await sdk.multiSearch({ queries: [{ indexUid: f.index, q: "chair" }, { indexUid: f.index, q: "lamp" }] });
    assert.deepEqual(multi.results.map((x) => x.hits.map((h) => h.title)), [["Alpha chair"], ["Alpha lamp"]]);

    const federated = await sdk.multiSearch({ federation: {}, queries: [{ indexUid: f.index, q: "table" }, { indexUid: f.index, q: "lamp" }] });
    assert.deepEqual(federated.hits.map((h) => h.title).sort(), ["Alpha lamp", "Alpha table"]);
    assert.deepEqual(owners(federated.hits), ["A"]);
  });
}

test("object rule with a string filter confines search and multi-search to the filter", async () => {
  const f = await twoTenants();
  const token = await generateTenantToken({
    apiKey: f.keyB.key,
    apiKeyUid: f.keyB.uid,
    searchRules: { [f.index]: { filter: "color = red" } },
    algorithm: "HS384",
  });
  const sdk = client(token);

  const all = await sdk.index(f.index).search("", { limit: 50 });
  assert.deepEqual(ids(all.hits), [1, 4]);
  assert.deepEqual(owners(all.hits), ["B"]);
  assert.equal(all.estimatedTotalHits, 2);

  // The request filter is ANDed with the rule; it cannot widen it.
  const narrowed = await sdk.index(f.index).search("", { filter: "price > 20" });
  assert.deepEqual(ids(narrowed.hits), [4]);
  const widened = await sdk.index(f.index).search("", { filter: "color = red OR color = green OR color = blue" });
  assert.deepEqual(ids(widened.hits), [1, 4]);
  const facets = await sdk.index(f.index).search("", { facets: ["color", "brand"] });
  assert.deepEqual(facets.facetDistribution, { color: { red: 2 }, brand: { acme: 1, beta: 1 } });

  const multi = await sdk.multiSearch({
    queries: [
      { indexUid: f.index, q: "lamp" },
      { indexUid: f.index, q: "", filter: "brand = beta" },
    ],
  });
  assert.deepEqual(ids(multi.results[0].hits), [1, 4]);
  assert.deepEqual(ids(multi.results[1].hits), [4]);

  const federated = await sdk.multiSearch({ federation: {}, queries: [{ indexUid: f.index, q: "" }] });
  assert.deepEqual(ids(federated.hits), [1, 4]);
  assert.deepEqual(owners(federated.hits), ["B"]);
});

test("object rules with array filters, a null rule and the most specific pattern", async () => {
  const f = await twoTenants();
  const token = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: {
      "*": { filter: "price >= 30" },
      // exact entry wins over "*": red AND (acme OR other)
      [f.index]: { filter: ["color = red", ["brand = acme", "brand = other"]] },
    },
    algorithm: "HS512",
    expiresAt: new Date(Date.now() + 10 * 60 * 1000),
  });
  const sdk = client(token);

  const exact = await sdk.index(f.index).search("", { limit: 50 });
  assert.deepEqual(ids(exact.hits), [1, 3]);
  const star = await sdk.index(f.other).search("", { limit: 50 });
  assert.deepEqual(ids(star.hits), [3]);
  assert.deepEqual(owners(star.hits), ["A"]);

  const federated = await sdk.multiSearch({
    federation: {},
    queries: [{ indexUid: f.index, q: "" }, { indexUid: f.other, q: "" }],
  });
  assert.deepEqual(
    federated.hits.map((h) => `${h._federation.indexUid === f.index ? "index" : "other"}:${h.id}`).sort(),
    ["index:1", "index:3", "other:3"],
  );

  // A null rule on the exact index means "no extra filter" there, even though "*" carries one.
  const open = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: { "*": { filter: "price >= 30" }, [f.index]: null },
  });
  const openResult = await client(open).index(f.index).search("", { limit: 50 });
  assert.deepEqual(ids(openResult.hits), [1, 2, 3]);
  assert.deepEqual(owners(openResult.hits), ["A"]);
});

test("a prefix pattern in the rules authorizes the indexes it covers", async () => {
  const f = await twoTenants();
  // Both fixture indexes start with "idx-"; the pattern below covers f.index only (it keeps its counter part).
  const prefix = f.index.slice(0, f.index.lastIndexOf("-") + 1);
  assert.ok(!f.other.startsWith(prefix));
  const token = await generateTenantToken({
    apiKey: f.keyB.key,
    apiKeyUid: f.keyB.uid,
    searchRules: { [`${prefix}*`]: { filter: "brand = beta" } },
  });
  const r = await client(token).index(f.index).search("", { limit: 50 });
  assert.deepEqual(ids(r.hits), [2, 3, 4]);
  assert.deepEqual(owners(r.hits), ["B"]);
});

test("the tenant's own rules still apply under a token", async () => {
  const index = await createIndex();
  const tenant = await createTenant(undefined, { [index]: { filter: "brand = acme" } });
  const key = await createKey(tenant);
  const task = await client(key.key).index(index).addDocuments(docsA).waitTask();
  assert.equal(task.status, "succeeded");

  const token = await generateTenantToken({
    apiKey: key.key,
    apiKeyUid: key.uid,
    searchRules: { [index]: { filter: "color = red" } },
  });
  const r = await client(token).index(index).search("", { limit: 50 });
  assert.deepEqual(ids(r.hits), [1]);
});
