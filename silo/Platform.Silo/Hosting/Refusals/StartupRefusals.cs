using Microsoft.Extensions.Options;

namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// The process's top level: builds and runs the host, and turns a refusal to start (a <see cref="StartupRefusal"/>,
/// or a validator's <see cref="OptionsValidationException"/>) into one line on stderr and exit code 1 or 2 instead
/// of a stack trace and the runtime's abort (134). Any other exception is a bug and keeps its stack trace.
/// </summary>
public static class StartupRefusals
{
    public const string Prefix = "Refusing to start: ";

    public static int Run(Func<WebApplication> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            var app = build();
            // ValidateOnStart would run inside Run, where the host logs the failure with its stack trace first;
            // validating here, before anything starts, keeps the refusal to its one line.
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Run();
            return 0;
        }
        catch (StartupRefusal refusal)
        {
            return Refuse(refusal.Message, refusal.ExitCode);
        }
        catch (OptionsValidationException invalid)
        {
            return Refuse(Sentences(invalid), StartupRefusal.BadConfiguration);
        }
        catch (AggregateException several) when (several.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Refuse(string.Join(" ", several.InnerExceptions.Cast<OptionsValidationException>().Select(Sentences)), StartupRefusal.BadConfiguration);
        }
    }

    /// <summary>Each validator failure as a sentence (they name their key), rather than the exception's "a.; b." join.</summary>
    private static string Sentences(OptionsValidationException invalid) =>
        string.Join(" ", invalid.Failures.Select(failure => failure.TrimEnd() is var text && text.EndsWith('.') ? text : text + "."));

    private static int Refuse(string message, int exitCode)
    {
        // One line whatever the message holds, so log collectors keep it whole.
        Console.Error.WriteLine(Prefix + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
