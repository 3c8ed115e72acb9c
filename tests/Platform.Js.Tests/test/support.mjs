// Shared set-up for the JS client tests: operator calls with plain fetch (the operator routes are platform
// extensions the SDK does not know), unique names, and a two-tenant fixture on one shared index.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";

export const host = process.env.PLATFORM_URL;
export const masterKey = process.env.PLATFORM_MASTER_KEY;
if (!host || !masterKey) {
  throw new Error("PLATFORM_URL and PLATFORM_MASTER_KEY must be set (run.sh sets them)");
}

let counter = 0;
/** A name no other test uses: lowercase letters, digits and hyphens, valid as tenant and index uid. */
export function unique(prefix) {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString("hex")}`;
}

/** Calls an operator route with the master key; fails the test on an unexpected status. */
export async function operator(method, path, body, expectedStatus) {
  const response = await fetch(new URL(path, host), {
    method,
    headers: {
      Authorization: `Bearer ${masterKey}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text === "" ? undefined : JSON.parse(text);
  if (expectedStatus !== undefined) {
    assert.equal(response.status, expectedStatus, `${method} ${path} answered ${response.status}: ${text}`);
  } else {
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  }
  return json;
}

/** Waits for an operator task (the platform finishes work before it answers, so this is one call). */
export async function operatorTask(enqueued) {
  assert.equal(typeof enqueued?.taskUid, "number", `expected an enqueued task, got ${JSON.stringify(enqueued)}`);
  for (let i = 0; i < 100; i += 1) {
    const task = await operator("GET", `/tasks/${enqueued.taskUid}`);
    if (task.status !== "enqueued" && task.status !== "processing") {
      assert.equal(task.status, "succeeded", `task ${enqueued.taskUid} failed: ${JSON.stringify(task)}`);
      return task;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`task ${enqueued.taskUid} did not finish`);
}

/** Creates an index with `id` as primary key, `brand`/`color`/`price`/`owner` filterable and `price` sortable. */
export async function createIndex(uid = unique("idx")) {
  await operatorTask(await operator("POST", "/indexes", { uid, primaryKey: "id" }, 202));
  await operatorTask(
    await operator("PATCH", `/indexes/${uid}/settings`, {
      filterableAttributes: ["brand", "color", "price", "owner"],
      sortableAttributes: ["price"],
    }, 202),
  );
  return uid;
}

export async function createTenant(uid = unique("tenant"), rules) {
  const tenant = await operator("POST", "/tenants", rules === undefined ? { uid } : { uid, rules }, 201);
  assert.equal(tenant.uid, uid);
  return uid;
}

/** A key of the tenant; the answer is Meilisearch's key object (`key` is the secret, `uid` its id). */
export async function createKey(tenant, overrides = {}) {
  const key = await operator("POST", `/tenants/${tenant}/keys`, {
    actions: ["search", "documents.*", "tasks.get"],
    indexes: ["*"],
    expiresAt: null,
    ...overrides,
  }, 201);
  assert.match(key.key, /^[0-9a-f]{64}$/);
  assert.match(key.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  return key;
}

export function client(apiKey) {
  return new Meilisearch({ host, apiKey });
}

/** The documents each tenant writes: the same ids (1, 2, 3) on purpose, so that they collide. */
export const docsA = [
  { id: 1, title: "Alpha lamp", brand: "acme", color: "red", price: 10, owner: "A" },
  { id: 2, title: "Alpha chair", brand: "acme", color: "blue", price: 20, owner: "A" },
  { id: 3, title: "Alpha table", brand: "other", color: "red", price: 30, owner: "A" },
];
export const docsB = [
  { id: 1, title: "Beta lamp", brand: "acme", color: "red", price: 11, owner: "B" },
  { id: 2, title: "Beta chair", brand: "beta", color: "green", price: 21, owner: "B" },
  { id: 3, title: "Beta table", brand: "beta", color: "blue", price: 31, owner: "B" },
  { id: 4, title: "Beta lamp shade", brand: "beta", color: "red", price: 41, owner: "B" },
];

/**
 * One shared index (plus a second one), two tenants with a full key each, and each tenant's documents
 * written through the SDK with its own key. Every call gets fresh uids, so tests never share state.
 */
export async function twoTenants() {
  const index = await createIndex();
  const other = await createIndex();
  const tenantA = await createTenant(unique("ta"));
  const tenantB = await createTenant(unique("tb"));
  const keyA = await createKey(tenantA);
  const keyB = await createKey(tenantB);
  const a = client(keyA.key);
  const b = client(keyB.key);
  for (const [sdk, docs] of [[a, docsA], [b, docsB]]) {
    const task = await sdk.index(index).addDocuments(docs).waitTask();
    assert.equal(task.status, "succeeded", JSON.stringify(task));
    const task2 = await sdk.index(other).addDocuments(docs.map((d) => ({ ...d, title: `${d.title} elsewhere` }))).waitTask();
    assert.equal(task2.status, "succeeded", JSON.stringify(task2));
  }
  return { index, other, tenantA, tenantB, keyA, keyB, a, b };
}

/** Runs `fn`, expects it to reject with the SDK's API error, and returns that error. */
export async function apiError(fn) {
  const { MeilisearchApiError } = await import("meilisearch");
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof MeilisearchApiError, `expected MeilisearchApiError, got ${error?.name}: ${error?.message}`);
    return error;
  }
  assert.fail("expected the call to fail");
}

export const owners = (hits) => [...new Set(hits.map((h) => h.owner))].sort();
export const ids = (hits) => hits.map((h) => h.id).sort((x, y) => x - y);
