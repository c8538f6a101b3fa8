using System.Diagnostics;
using System.Text;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>Runs the real <c>kg</c> executable (kg.dll beside the tests, through <c>dotnet</c>) in a working folder.</summary>
internal static class KgProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "kg.dll");

    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        RunProgram(workingDirectory, "dotnet", [Dll, .. args]);

    /// <summary>Runs any program (for example kg under <c>script</c>, for a terminal) with the same settings and time limit.</summary>
    public static (int Code, string Out, string Err) RunProgram(string workingDirectory, string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " " + string.Join(' ', args) + " did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
