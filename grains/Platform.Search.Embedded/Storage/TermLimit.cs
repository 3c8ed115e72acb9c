using System.Text;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Storage;

/// <summary>
/// Lucene refuses a document holding an untokenised term longer than 32766 UTF-8 bytes ("immense term"), after it
/// has taken the batch's earlier documents. The mapper checks every such term first, so a batch fails as a whole,
/// with a code the client can act on (docs/errors.md), before the writer sees any of it.
/// </summary>
internal static class TermLimit
{
    /// <summary>Lucene's <c>IndexWriter.MAX_TERM_LENGTH</c>.</summary>
    public const int MaxTermBytes = 32_766;

    /// <summary>Throws <c>invalid_document_value</c> when <paramref name="term"/> is too long to index.</summary>
    public static void Check(string term, string id, string path)
    {
        // Cheap first: a UTF-8 encoding takes at most 3 bytes per UTF-16 unit.
        if (term.Length * 3 <= MaxTermBytes) return;
        var bytes = Encoding.UTF8.GetByteCount(term);
        if (bytes > MaxTermBytes)
        {
            throw new SearchEngineException(ErrorCodes.InvalidDocumentValue,
                $"Document `{id}`: the attribute name `{Shorten(path)}` is {bytes} bytes long; the embedded engine accepts attribute names of at most {MaxTermBytes} bytes.");
        }
    }

    private static string Shorten(string path) => path.Length <= 64 ? path : path[..64] + "…";
}
