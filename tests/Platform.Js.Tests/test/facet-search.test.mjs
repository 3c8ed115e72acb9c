// Facet search (`POST /indexes/{uid}/facet-search`) through the SDK, with a tenant key and with a tenant token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateTenantToken } from "meilisearch/token";
import { twoTenants, client } from "./support.mjs";

test("searchForFacetValues counts only the tenant's documents, and the token rule", async () => {
  const f = await twoTenants();
  const r = await f.b.index(f.index).searchForFacetValues({ facetName: "color", facetQuery: "re" });
  assert.deepEqual(r.facetHits, [{ value: "red", count: 2 }]);
  assert.equal(r.facetQuery, "re");

  const token = await generateTenantToken({
    apiKey: f.keyA.key,
    apiKeyUid: f.keyA.uid,
    searchRules: { [f.index]: { filter: "color = red" } },
  });
  const t = await client(token).index(f.index).searchForFacetValues({ facetName: "brand" });
  assert.deepEqual(t.facetHits, [{ value: "acme", count: 1 }, { value: "other", count: 1 }]);
});
