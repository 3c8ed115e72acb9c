using Lucene.Net.Index;
using Lucene.Net.Search;
using Platform.Search.Embedded.Storage;

namespace Platform.Search.Embedded.Querying;

/// <summary>
/// Builds the Lucene query that selects candidates for a text query. It is deliberately a superset of what the
/// in-process matcher accepts (it looks at every attribute through <c>_all</c>): ranking, searchable-attribute
/// restriction and negations are decided in process.
/// </summary>
internal static class CandidateQuery
{
    public static Query Build(ParsedQuery query, IReadOnlyList<int> removalOrder, Engine.MatchingStrategy strategy)
    {
        if (query.Terms.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var all = new BooleanQuery();
        if (strategy == Engine.MatchingStrategy.All)
        {
            foreach (var term in query.Terms)
            {
                all.Add(ForTerm(term), Occur.MUST);
            }
        }
        else
        {
            // With `last`/`frequency`, a hit needs at least the word that is dropped last.
            all.Add(ForTerm(query.Terms[removalOrder[^1]]), Occur.MUST);
        }

        return all;
    }

    public static Query ForTerm(QueryTerm term)
    {
        if (term.IsPhrase)
        {
            if (term.Words.Length == 1)
            {
                return new TermQuery(new Term(FieldNames.AllText, term.Word));
            }

            var phrase = new PhraseQuery();
            foreach (var w in term.Words)
            {
                phrase.Add(new Term(FieldNames.AllText, w));
            }

            return phrase;
        }

        var t = new Term(FieldNames.AllText, term.Word);
        if (!term.IsPrefix && term.MaxTypos == 0)
        {
            return new TermQuery(t);
        }

        var any = new BooleanQuery { { new TermQuery(t), Occur.SHOULD } };
        if (term.IsPrefix)
        {
            any.Add(new PrefixQuery(t), Occur.SHOULD);
        }

        if (term.MaxTypos > 0)
        {
            // The constant-score filter rewrite takes every term within the distance: a cap on expansions (the fuzzy
            // query's own top-terms rewrite) would be counted over all tenants' words, and others' words could push
            // out this tenant's (docs/security.md#cross-tenant-statistics).
            any.Add(new FuzzyQuery(t, term.MaxTypos, 0, 50, true) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE }, Occur.SHOULD);
        }

        return any;
    }
}
