using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Platform.Search.Embedded.Json;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// Maps a tenant's JSON document to a Lucene document: the source as stored JSON, the internal key and tenant as
/// untokenised terms, every scalar under <c>s:path</c> (lower-cased string) or <c>n:path</c> (double) for filters,
/// presence markers for EXISTS / IS NULL / IS EMPTY, and all text in <c>_all</c> for candidate selection.
/// </summary>
internal static class DocumentMapper
{
    /// <summary>Lucene's limit for one binary doc value is 32766 bytes; larger sources go to a stored field.</summary>
    private const int MaxDocValueBytes = 32_000;

    /// <summary>Maps the document; throws <c>invalid_document_value</c> for a term Lucene could not index.</summary>
    public static Document Map(string tenant, string id, JsonObject document)
    {
        var doc = new Document
        {
            new StringField(FieldNames.Key, FieldNames.DocumentKey(tenant, id), Field.Store.NO),
            new StringField(FieldNames.Tenant, tenant, Field.Store.NO),
            new StringField(FieldNames.Id, id, Field.Store.YES),
        };

        var source = JsonSerializer.SerializeToUtf8Bytes(document);
        doc.Add(source.Length <= MaxDocValueBytes
            ? new BinaryDocValuesField(FieldNames.SourceValues, new BytesRef(source))
            : new StoredField(FieldNames.Source, Encoding.UTF8.GetString(source)));

        var markers = new HashSet<(string, LeafKind)>();
        var keywords = new HashSet<(string, string)>();
        foreach (var leaf in JsonLeaves.Flatten(source))
        {
            // Attribute paths are terms of the marker fields (values are cut to fit by NormalizeKeyword).
            TermLimit.Check(leaf.Path, id, leaf.Path);
            switch (leaf.Kind)
            {
                case LeafKind.Present:
                    if (markers.Add((leaf.Path, leaf.Kind)))
                    {
                        doc.Add(new StringField(FieldNames.Exists, leaf.Path, Field.Store.NO));
                    }

                    break;
                case LeafKind.Null:
                    if (markers.Add((leaf.Path, leaf.Kind)))
                    {
                        doc.Add(new StringField(FieldNames.Null, leaf.Path, Field.Store.NO));
                    }

                    break;
                case LeafKind.Empty:
                    if (markers.Add((leaf.Path, leaf.Kind)))
                    {
                        doc.Add(new StringField(FieldNames.Empty, leaf.Path, Field.Store.NO));
                    }

                    break;
                case LeafKind.String:
                case LeafKind.Bool:
                    var keyword = FieldNames.NormalizeKeyword(leaf.Text);
                    if (keywords.Add((leaf.Path, keyword)))
                    {
                        doc.Add(new StringField(FieldNames.Keyword(leaf.Path), keyword, Field.Store.NO));
                    }

                    doc.Add(new TextField(FieldNames.AllText, leaf.Text, Field.Store.NO));
                    break;
                case LeafKind.Number:
                    doc.Add(new DoubleField(FieldNames.Numeric(leaf.Path), leaf.Number, Field.Store.NO));
                    doc.Add(new TextField(FieldNames.AllText, leaf.Text, Field.Store.NO));
                    break;
            }
        }

        return doc;
    }
}
