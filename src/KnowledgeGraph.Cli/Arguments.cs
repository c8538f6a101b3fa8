using System.Globalization;

namespace KnowledgeGraph.Cli;

/// <summary>A command-line error: bad option, missing value, wrong number of arguments.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The parsed command line of <c>kg</c>.</summary>
internal sealed class Arguments
{
    public string? Command { get; private set; }

    public List<string> Positional { get; } = [];

    public string? GraphFile { get; private set; }

    public bool Help { get; private set; }

    public List<string> Types { get; } = [];

    public int? Hops { get; private set; }

    public Direction? Direction { get; private set; }

    public string? Format { get; private set; }

    public string? Output { get; private set; }

    public List<string> Params { get; } = [];

    public string? Evaluate { get; private set; }

    public bool Explain { get; private set; }

    public string? Corpus { get; private set; }

    public List<string> Texts { get; } = [];

    public string? Record { get; private set; }

    public int? Round { get; private set; }

    public List<string> Read { get; } = [];

    public string? HeldOut { get; private set; }

    public string? Nodes { get; private set; }

    public string? Edges { get; private set; }

    public List<string> Workloads { get; } = [];

    public int? Repeat { get; private set; }

    public string? By { get; private set; }

    public int? Top { get; private set; }

    public int? Seed { get; private set; }

    public int? Samples { get; private set; }

    public string? Method { get; private set; }

    public List<string> Kinds { get; } = [];

    public string? Sparql { get; private set; }

    public string? GraphIri { get; private set; }

    public string? GraphStore { get; private set; }

    public bool Append { get; private set; }

    public static Arguments Parse(string[] args)
    {
        var a = new Arguments();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"option '{arg}' needs a value");
                }

                // An empty shell variable leaves the next option where the value should be.
                if (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2)
                {
                    throw new UsageException($"option '{arg}' needs a value; found the option '{args[i + 1]}'");
                }

                return args[++i];
            }

            if (a.TryCommandOption(arg, Value) || a.TryAnalysisOption(arg, Value) || a.TryGeneralOption(arg, Value))
            {
                continue;
            }

            if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new UsageException(CommandLineNames.UnknownOption(arg));
            }

            if (a.Command is null)
            {
                a.Command = arg;
            }
            else
            {
                a.Positional.Add(arg);
            }
        }

        return a;
    }

    /// <summary>The options every command reads: help, the graph, relation types, hops, direction, format, parameters, output.</summary>
    private bool TryGeneralOption(string arg, Func<string> value)
    {
        switch (arg)
        {
            case "-h" or "--help" or "help" when Command is null || arg != "help":
                Help = true;
                return true;
            case "--graph" or "-g":
                GraphFile = value();
                return true;
            case "--type" or "-t":
                Types.AddRange(value().Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            case "--hops" or "-k":
                Hops = Whole("--hops", value(), 1, 100);
                return true;
            case "--direction" or "-d":
                string d = value();
                Direction = d.ToLowerInvariant() switch
                {
                    "in" => KnowledgeGraph.Direction.In,
                    "out" => KnowledgeGraph.Direction.Out,
                    "both" => KnowledgeGraph.Direction.Both,
                    _ => throw new UsageException($"--direction expects in, out or both; found '{d}'"),
                };
                return true;
            case "--format" or "-f":
                Format = value();
                return true;
            case "--param" or "-p":
                Params.Add(value());
                return true;
            case "--output" or "-o":
                Output = value();
                return true;
            case "--evaluate":
                Evaluate = value();
                return true;
            case "--explain":
                Explain = true;
                return true;
            default:
                return false;
        }
    }

    private static int Whole(string option, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} expects a whole number from {min} to {max}; found '{text}'"));
        }

        return value;
    }

    /// <summary>The options of extract --corpus/--held-out, communities and central: true when <paramref name="arg"/> was one.</summary>
    private bool TryAnalysisOption(string arg, Func<string> value)
    {
        string Value() => value();
        switch (arg)
        {
            case "--corpus":
                Corpus = Value();
                return true;
            case "--texts":
                Texts.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            case "--record":
                Record = Value();
                return true;
            case "--read":
                Read.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            case "--held-out":
                HeldOut = Value();
                return true;
            case "--round":
                string round = Value();
                if (!int.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 1000)
                {
                    throw new UsageException($"--round expects a whole number from 0 to 1000; found '{round}'");
                }

                Round = n;
                return true;
            case "--by":
                By = Value();
                return true;
            case "--method":
                Method = Value();
                return true;
            case "--kind":
                Kinds.AddRange(Value().Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            case "--top":
                Top = Whole(arg, Value(), 1, 1_000_000);
                return true;
            case "--seed":
                Seed = Whole(arg, Value(), 0, int.MaxValue);
                return true;
            case "--samples":
                Samples = Whole(arg, Value(), 1, int.MaxValue);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The options of bench, push and sparql: true when <paramref name="arg"/> was one.</summary>
    private bool TryCommandOption(string arg, Func<string> value)
    {
        string Value() => value();
        switch (arg)
        {
            case "--nodes":
                Nodes = Value();
                return true;
            case "--edges":
                Edges = Value();
                return true;
            case "--workloads":
                Workloads.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            case "--sparql":
                Sparql = Value();
                return true;
            case "--graph-iri":
                GraphIri = Value();
                return true;
            case "--graph-store":
                GraphStore = Value();
                return true;
            case "--append":
                Append = true;
                return true;
            case "--repeat":
                string repeat = Value();
                if (!int.TryParse(repeat, NumberStyles.None, CultureInfo.InvariantCulture, out int r) || r < 1 || r > 1000)
                {
                    throw new UsageException($"--repeat expects a whole number from 1 to 1000; found '{repeat}'");
                }

                Repeat = r;
                return true;
            default:
                return false;
        }
    }

    public void ExpectPositional(int count, string usage)
    {
        if (Positional.Count != count)
        {
            throw new UsageException(Positional.Count < count
                ? $"'{Command}' needs {count} argument{(count == 1 ? string.Empty : "s")}: kg {usage}"
                : $"unexpected argument '{Positional[count]}'; usage: kg {usage}");
        }
    }
}
