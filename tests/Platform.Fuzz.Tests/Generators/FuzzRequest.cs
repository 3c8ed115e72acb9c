using System.Text;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>One generated HTTP request, kept as raw parts so that bytes and headers reach the server unvalidated.</summary>
public sealed record FuzzRequest(
    string Method, string Target, string? Authorization, IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType, byte[]? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
        if (Authorization is not null) message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return message;
    }

    /// <summary>Short enough for a failure message, long enough to reproduce by hand.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Clip(Target, 400));
        text.Append(" | Authorization: ").Append(Authorization is null ? "(none)" : Clip(Authorization, 200));
        foreach (var (name, value) in Headers) text.Append(" | ").Append(name).Append(": ").Append(Clip(value, 100));
        if (Body is not null)
        {
            text.Append(" | Content-Type: ").Append(ContentType ?? "(none)")
                .Append(" | body (").Append(Body.Length).Append(" bytes): ")
                .Append(Clip(Encoding.UTF8.GetString(Body), 600));
        }

        return text.ToString();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : $"{text[..max]}…(+{text.Length - max})";
}
