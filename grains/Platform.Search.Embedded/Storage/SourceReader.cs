using System.Text.Json.Nodes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// Reads documents' JSON for one search. Sources live in binary doc values (random access without the per-chunk
/// decompression of stored fields); the rare document too large for a doc value falls back to the stored field.
/// Not thread-safe: one per search.
/// </summary>
internal sealed class SourceReader(IndexSearcher searcher)
{
    private static readonly ISet<string> SourceOnly = new HashSet<string>(StringComparer.Ordinal) { FieldNames.Source };

    private readonly IList<AtomicReaderContext> _leaves = searcher.IndexReader.Leaves;
    private readonly Dictionary<int, BinaryDocValues?> _values = [];
    private readonly BytesRef _scratch = new();

    public JsonObject Load(int docId) => JsonNode.Parse(Bytes(docId).Span)!.AsObject();

    /// <summary>The flattened facts of a document, without building a JSON DOM.</summary>
    public List<Json.Leaf> LoadLeaves(int docId) => Json.JsonLeaves.Flatten(Bytes(docId));

    /// <summary>The source's UTF-8 bytes; valid until the next call.</summary>
    private ReadOnlyMemory<byte> Bytes(int docId)
    {
        var index = ReaderUtil.SubIndex(docId, _leaves);
        var leaf = _leaves[index];
        if (!_values.TryGetValue(index, out var values))
        {
            values = leaf.AtomicReader.GetBinaryDocValues(FieldNames.SourceValues);
            _values[index] = values;
        }

        if (values is not null)
        {
            values.Get(docId - leaf.DocBase, _scratch);
            if (_scratch.Length > 0)
            {
                return _scratch.Bytes.AsMemory(_scratch.Offset, _scratch.Length);
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(searcher.Doc(docId, SourceOnly).Get(FieldNames.Source));
    }
}
