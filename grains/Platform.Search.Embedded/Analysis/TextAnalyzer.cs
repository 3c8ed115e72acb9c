using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Platform.Search.Embedded.Analysis;

/// <summary>A word of analysed text: normalised term plus its character span in the original text.</summary>
internal readonly record struct TextToken(string Term, int Start, int End);

/// <summary>
/// The one analyser used for indexing, for query words and for re-matching documents in process, so that the
/// Lucene candidate set is always a superset of what the in-process matcher accepts: Unicode word segmentation,
/// lower-casing, accent folding, no stop words, no stemming.
/// </summary>
internal sealed class TextAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Gap between values of a multi-valued field so phrases never span two values.</summary>
    public const int ValueGap = 100;

    public static TextAnalyzer Instance { get; } = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    public void Tokenize(string text, List<TextToken> into)
    {
        into.Clear();
        using var stream = GetTokenStream("_all", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            into.Add(new TextToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
    }

    public List<TextToken> Tokenize(string text)
    {
        var list = new List<TextToken>();
        Tokenize(text, list);
        return list;
    }
}
