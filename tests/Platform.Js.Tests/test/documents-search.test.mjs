// Two tenants share one index and use the same document ids; every call goes through the official SDK with
// a tenant API key, and each tenant only ever sees its own documents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { twoTenants, owners, ids, docsA, docsB } from "./support.mjs";

test("addDocuments with a tenant key gives a task the SDK can wait on", async () => {
  const f = await twoTenants();
  const enqueued = await f.a.index(f.index).addDocuments([{ id: 9, title: "Alpha extra", owner: "A" }]);
  assert.equal(typeof enqueued.taskUid, "number");
  assert.equal(enqueued.indexUid, f.index);
  const task = await f.a.tasks.waitForTask(enqueued.taskUid);
  assert.equal(task.uid, enqueued.taskUid);
  assert.equal(task.status, "succeeded");
  assert.equal(task.type, "documentAdditionOrUpdate");
  assert.equal(task.indexUid, f.index);
  assert.equal(task.details?.receivedDocuments, 1);
  assert.equal(task.details?.indexedDocuments, 1);
});

test("getDocuments and getDocument return only the caller's documents, with colliding ids", async () => {
  const f = await twoTenants();
  const listA = await f.a.index(f.index).getDocuments({ limit: 100 });
  const listB = await f.b.index(f.index).getDocuments({ limit: 100 });
  assert.equal(listA.total, docsA.length);
  assert.equal(listB.total, docsB.length);
  assert.deepEqual(owners(listA.results), ["A"]);
  assert.deepEqual(owners(listB.results), ["B"]);
  assert.deepEqual(ids(listA.results), [1, 2, 3]);

  const oneA = await f.a.index(f.index).getDocument(1);
  const oneB = await f.b.index(f.index).getDocument(1);
  assert.deepEqual(oneA, docsA[0]);
  assert.deepEqual(oneB, docsB[0]);
  assert.equal(Object.hasOwn(oneA, "_tenant"), false);

  const filtered = await f.b.index(f.index).getDocuments({ filter: "color = red", fields: ["id", "owner"] });
  assert.deepEqual(ids(filtered.results), [1, 4]);
  assert.deepEqual(owners(filtered.results), ["B"]);
});

test("a document id that exists only for the other tenant is not found", async () => {
  const f = await twoTenants();
  const { MeilisearchApiError } = await import("meilisearch");
  await assert.rejects(f.a.index(f.index).getDocument(4), (error) => {
    assert.ok(error instanceof MeilisearchApiError);
    assert.equal(error.cause?.code, "document_not_found");
    assert.equal(error.response.status, 404);
    return true;
  });
});

test("search (POST and GET) is confined to the caller's tenant", async () => {
  const f = await twoTenants();
  const a = await f.a.index(f.index).search("lamp");
  assert.deepEqual(owners(a.hits), ["A"]);
  assert.equal(a.estimatedTotalHits, 1);
  assert.equal(a.query, "lamp");

  const b = await f.b.index(f.index).search("lamp", { filter: ["color = red"], sort: ["price:desc"] });
  assert.deepEqual(b.hits.map((h) => h.id), [4, 1]);
  assert.deepEqual(owners(b.hits), ["B"]);

  const all = await f.a.index(f.index).search(null, { limit: 50, facets: ["brand"] });
  assert.deepEqual(owners(all.hits), ["A"]);
  assert.equal(all.estimatedTotalHits, 3);
  assert.deepEqual(all.facetDistribution, { brand: { acme: 2, other: 1 } });

  const get = await f.b.index(f.index).searchGet("", { filter: "brand = acme", attributesToRetrieve: ["id", "owner"] });
  assert.deepEqual(get.hits, [{ id: 1, owner: "B" }]);

  const paged = await f.b.index(f.index).search("", { hitsPerPage: 2, page: 1 });
  assert.equal(paged.totalHits, 4);
  assert.equal(paged.totalPages, 2);
  assert.deepEqual(owners(paged.hits), ["B"]);
});

test("a filter cannot widen the search to the other tenant", async () => {
  const f = await twoTenants();
  const r = await f.a.index(f.index).search("", { filter: "owner = B OR brand = beta OR price = 41" });
  assert.equal(r.hits.length, 0);
  const r2 = await f.a.index(f.index).search("Beta");
  assert.equal(r2.hits.length, 0);
});

test("plain multi-search answers per query, each confined to the tenant", async () => {
  const f = await twoTenants();
  const r = await f.b.multiSearch({
    queries: [
      { indexUid: f.index, q: "lamp" },
      { indexUid: f.other, q: "table", filter: "color = blue" },
      { indexUid: f.index, q: "", limit: 1, sort: ["price:asc"] },
    ],
  });
  assert.equal(r.results.length, 3);
  assert.deepEqual(r.results.map((x) => x.indexUid), [f.index, f.other, f.index]);
  assert.deepEqual(ids(r.results[0].hits), [1, 4]);
  assert.deepEqual(r.results[1].hits.map((h) => h.title), ["Beta table elsewhere"]);
  assert.deepEqual(r.results[2].hits.map((h) => h.price), [11]);
  for (const result of r.results) assert.deepEqual(owners(result.hits), ["B"]);
});

test("federated multi-search merges the tenant's hits only", async () => {
  const f = await twoTenants();
  const r = await f.a.multiSearch({
    federation: { limit: 10 },
    queries: [
      { indexUid: f.index, q: "lamp" },
      { indexUid: f.other, q: "lamp", federationOptions: { weight: 0.5 } },
    ],
  });
  assert.equal(r.hits.length, 2);
  assert.equal(r.estimatedTotalHits, 2);
  assert.deepEqual(owners(r.hits), ["A"]);
  assert.deepEqual(r.hits.map((h) => h._federation.indexUid), [f.index, f.other]);
  assert.deepEqual(r.hits.map((h) => h._federation.queriesPosition), [0, 1]);
  assert.equal(r.limit, 10);
  assert.equal(r.offset, 0);
});

test("deleting a document id touches only the caller's document", async () => {
  const f = await twoTenants();
  const task = await f.a.index(f.index).deleteDocument(1).waitTask();
  assert.equal(task.status, "succeeded");
  assert.deepEqual(ids((await f.a.index(f.index).getDocuments()).results), [2, 3]);
  assert.deepEqual(ids((await f.b.index(f.index).getDocuments()).results), [1, 2, 3, 4]);
});
