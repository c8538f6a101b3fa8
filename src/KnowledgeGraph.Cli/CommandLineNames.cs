namespace KnowledgeGraph.Cli;

/// <summary>
/// The command and option names of <c>kg</c>, read from its help text (a command is a word indented by two
/// spaces under "Commands:", an option any <c>--name</c> in the text), so a command or option documented there
/// joins "Did you mean" by itself.
/// </summary>
internal static class CommandLineNames
{
    private static readonly Lazy<(IReadOnlyList<string> Commands, IReadOnlyList<string> Options)> Names = new(() => Read(CliApp.HelpText));

    /// <summary>The commands, in the order of the help text.</summary>
    public static IReadOnlyList<string> Commands => Names.Value.Commands;

    /// <summary>The long options (<c>--graph</c>, …), in the order of the help text.</summary>
    public static IReadOnlyList<string> Options => Names.Value.Options;

    /// <summary>"unknown command 'stat'. Did you mean 'stats'? Commands: …".</summary>
    public static string UnknownCommand(string command) =>
        $"unknown command '{command}'.{EditDistance.DidYouMean(EditDistance.Closest(command, Commands, 2))} Commands: {string.Join(", ", Commands)}";

    /// <summary>"unknown option '--hosp'. Did you mean '--hops'?".</summary>
    public static string UnknownOption(string option)
    {
        string hint = EditDistance.DidYouMean(EditDistance.Closest(option, Options, 2));
        return $"unknown option '{option}'.{(hint.Length > 0 ? hint : " Options: " + string.Join(", ", Options))}";
    }

    internal static (IReadOnlyList<string> Commands, IReadOnlyList<string> Options) Read(string help)
    {
        var commands = new List<string>();
        var options = new List<string>();
        bool inCommands = false;
        foreach (string raw in help.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Length == 0)
            {
                inCommands = false;
            }
            else if (line == "Commands:")
            {
                inCommands = true;
            }
            else if (inCommands && line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 2 && char.IsAsciiLetterLower(line[2]))
            {
                string word = new([.. line[2..].TakeWhile(c => char.IsAsciiLetterLower(c) || c == '-')]);
                if (!commands.Contains(word))
                {
                    commands.Add(word);
                }
            }

            foreach (string token in line.Split([' ', '[', ']', '|', ',', '(', ')', ';', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                string option = new([.. token.TakeWhile(c => c == '-' || char.IsAsciiLetterLower(c))]);
                if (option.Length > 2 && option.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetterLower(option[2]) && !options.Contains(option))
                {
                    options.Add(option);
                }
            }
        }

        return (commands, options);
    }
}
