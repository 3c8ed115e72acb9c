// Tokens the server must refuse, and how the SDK reports it: a MeilisearchApiError whose `cause` is the
// Meilisearch error body and whose `response` is the fetch Response.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateTenantToken } from "meilisearch/token";
import { twoTenants, client, createKey, operator, apiError, ids } from "./support.mjs";

const INVALID_KEY = "The provided API key is invalid.";

function assertAuthError(error, message) {
  assert.equal(error.response.status, 403);
  assert.equal(error.cause?.code, "invalid_api_key");
  assert.equal(error.cause?.type, "auth");
  assert.equal(error.cause?.link, "https://docs.meilisearch.com/errors#invalid_api_key");
  if (message instanceof RegExp) assert.match(error.message, message);
  else if (message !== undefined) assert.equal(error.message, message);
  assert.equal(error.cause?.message, error.message);
}

test("an expired token is refused with Meilisearch's expiry message", async () => {
  const f = await twoTenants();
  const exp = Math.floor(Date.now() / 1000) - 120;
  const token = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: [f.index],
    expiresAt: exp,
  });
  const sdk = client(token);
  const error = await apiError(() => sdk.index(f.index).search("lamp"));
  assertAuthError(error, /^Tenant token expired\. Was valid up to `\d+` and we're now `\d+`\.$/);
  const [validUpTo, now] = [...error.message.matchAll(/`(\d+)`/g)].map((m) => Number(m[1]));
  assert.equal(validUpTo, exp);
  assert.ok(now > exp);

  // Expiry is checked before the index: an expired token for an index it does not cover still says "expired".
  const elsewhere = await generateTenantToken({ apiKey: f.keyA.key, apiKeyUid: f.keyA.uid, searchRules: {}, expiresAt: new Date(Date.now() - 60_000) });
  assertAuthError(await apiError(() => client(elsewhere).index(f.index).search("")), /^Tenant token expired\./);

  // Reported without a per-query prefix in multi-search.
  const multi = await apiError(() => sdk.multiSearch({ queries: [{ indexUid: f.index, q: "" }] }));
  assertAuthError(multi, /^Tenant token expired\./);
});

test("a token whose payload was changed but whose signature was kept is refused", async () => {
  const f = await twoTenants();
  const token = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: { [f.index]: { filter: "color = blue" } },
  });
  assert.deepEqual(ids((await client(token).index(f.index).search("")).hits), [2]);

  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.searchRules = { [f.index]: null };
  const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;

  const error = await apiError(() => client(tampered).index(f.index).search(""));
  assertAuthError(error, "Could not decode tenant token, InvalidSignature.");
  const multi = await apiError(() => client(tampered).multiSearch({ federation: {}, queries: [{ indexUid: f.index }] }));
  assertAuthError(multi, "Could not decode tenant token, InvalidSignature.");
});

test("a token signed with another key's secret is refused", async () => {
  const f = await twoTenants();
  // Tenant B's secret with tenant A's key uid: the signature cannot verify.
  const token = await generateTenantToken({ apiKey: f.keyB.key, apiKeyUid: f.keyA.uid, searchRules: ["*"] });
  assertAuthError(await apiError(() => client(token).index(f.index).search("")), "Could not decode tenant token, InvalidSignature.");
});

test("a token used on an index it does not cover is refused with the index message", async () => {
  const f = await twoTenants();
  const token = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: { [f.index]: null, "zz-*": { filter: "color = red" } },
  });
  const sdk = client(token);
  const sorted = JSON.stringify([f.index, "zz-*"].sort()).replace(/","/g, '", "');
  assertAuthError(
    await apiError(() => sdk.index(f.other).search("")),
    `The provided tenant token cannot acces the index \`${f.other}\`, allowed indexes are ${sorted}.`,
  );
  assertAuthError(
    await apiError(() => sdk.index(f.other).searchGet("")),
    `The provided tenant token cannot acces the index \`${f.other}\`, allowed indexes are ${sorted}.`,
  );
  // In multi-search the refusal names the query, with the generic message.
  assertAuthError(
    await apiError(() => sdk.multiSearch({ queries: [{ indexUid: f.index }, { indexUid: f.other }] })),
    `Inside \`.queries[1]\`: ${INVALID_KEY}`,
  );
  assertAuthError(
    await apiError(() => sdk.multiSearch({ federation: {}, queries: [{ indexUid: f.other }, { indexUid: f.index }] })),
    `Inside \`.queries[0]\`: ${INVALID_KEY}`,
  );
});

test("a token whose key does not cover the index is refused with the key message", async () => {
  const f = await twoTenants();
  const narrow = await createKey(f.tenantA, { actions: ["search"], indexes: [f.index] });
  const token = await generateTenantToken({ apiKey: narrow.key, apiKeyUid: narrow.uid, searchRules: ["*"] });
  const sdk = client(token);
  assert.deepEqual(ids((await sdk.index(f.index).search("")).hits), [1, 2, 3]);
  assertAuthError(
    await apiError(() => sdk.index(f.other).search("")),
    `The API key used to generate this tenant token cannot acces the index \`${f.other}\`.`,
  );
});

test("a token is refused on documents and tasks routes even when its key may use them", async () => {
  const f = await twoTenants();
  const token = await generateTenantToken({ apiKey: f.keyA.key, apiKeyUid: f.keyA.uid, searchRules: ["*"] });
  const sdk = client(token);
  const index = sdk.index(f.index);
  assertAuthError(await apiError(() => index.getDocuments()), INVALID_KEY);
  assertAuthError(await apiError(() => index.getDocuments({ filter: "color = red" })), INVALID_KEY);
  assertAuthError(await apiError(() => index.getDocument(1)), INVALID_KEY);
  assertAuthError(await apiError(() => index.addDocuments([{ id: 7, owner: "A" }])), INVALID_KEY);
  assertAuthError(await apiError(() => index.deleteDocument(1)), INVALID_KEY);
  assertAuthError(await apiError(() => sdk.tasks.getTasks()), INVALID_KEY);
  // Nothing was written or deleted.
  assert.deepEqual(ids((await f.a.index(f.index).getDocuments()).results), [1, 2, 3]);
});

test("deleting the key makes a token that worked fail on the next call", async () => {
  const f = await twoTenants();
  const key = await createKey(f.tenantB, { actions: ["search"] });
  const token = await generateTenantToken({ apiKey: key.key, apiKeyUid: key.uid, searchRules: { [f.index]: { filter: "brand = beta" } } });
  const sdk = client(token);
  assert.deepEqual(ids((await sdk.index(f.index).search("")).hits), [2, 3, 4]);
  assert.equal((await sdk.multiSearch({ queries: [{ indexUid: f.index }] })).results[0].hits.length, 3);

  await operator("DELETE", `/tenants/${f.tenantB}/keys/${key.uid}`, undefined, 204);

  assertAuthError(await apiError(() => sdk.index(f.index).search("")), INVALID_KEY);
  assertAuthError(await apiError(() => sdk.multiSearch({ queries: [{ indexUid: f.index }] })), INVALID_KEY);
  assertAuthError(await apiError(() => sdk.multiSearch({ federation: {}, queries: [{ indexUid: f.index }] })), INVALID_KEY);
  // The key itself is gone too; tenant B's other key is untouched.
  assertAuthError(await apiError(() => client(key.key).index(f.index).search("")), INVALID_KEY);
  assert.equal((await f.b.index(f.index).search("")).hits.length, 4);
});
