using System.Diagnostics;
using System.Text;
using CsCheck;

namespace KnowledgeGraph.Tests.Reliability;

/// <summary>Mutations of a valid input: truncation, byte flips, inserted delimiters, deep nesting, huge numbers, invalid UTF-8, BOM, CRLF, empty.</summary>
internal static class Fuzz
{
    private static readonly byte[][] Inserts =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "\""u8.ToArray(),
        "\t"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ";"u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(), "&"u8.ToArray(),
        "null"u8.ToArray(), "-"u8.ToArray(), "999999999999999999999999999999"u8.ToArray(), "1e999"u8.ToArray(), "\\"u8.ToArray(),
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x00], [0xEF, 0xBB, 0xBF],
        Encoding.UTF8.GetBytes(new string('[', 5000)), Encoding.UTF8.GetBytes(new string('{', 3000)),
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>"u8.ToArray(), "MATCH"u8.ToArray(), "'"u8.ToArray(), "*"u8.ToArray(),
    ];

    /// <summary>A generator of mutated copies of <paramref name="valid"/>.</summary>
    public static Gen<byte[]> Mutations(byte[] valid) =>
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, Math.Max(0, valid.Length - 1)], Gen.Int[0, Inserts.Length - 1], Gen.Byte, (op, pos, insert, b) => Mutate(valid, op, pos, insert, b));

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="iterations"/> mutated inputs and fails if any throws something
    /// other than the documented exceptions, or takes longer than <paramref name="perInput"/>.
    /// </summary>
    public static (int Inputs, Dictionary<string, int> Outcomes) Run(byte[] valid, Action<byte[]> read, Type[] documented, int iterations, TimeSpan perInput)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        int inputs = 0;
        Mutations(valid).Sample(
            input =>
            {
                var sw = Stopwatch.StartNew();
                string outcome;
                try
                {
                    read(input);
                    outcome = "loaded";
                }
                catch (Exception ex) when (documented.Any(t => t.IsInstanceOfType(ex)))
                {
                    outcome = ex.GetType().Name;
                }

                sw.Stop();
                if (sw.Elapsed > perInput)
                {
                    throw new TimeoutException($"An input of {input.Length} bytes took {sw.Elapsed.TotalMilliseconds:F0} ms.");
                }

                lock (outcomes)
                {
                    inputs++;
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                }
            },
            iter: iterations,
            threads: 1);
        return (inputs, outcomes);
    }

    private static byte[] Mutate(byte[] valid, int op, int pos, int insert, byte b)
    {
        switch (op)
        {
            case 0: // truncate
                return valid[..pos];
            case 1: // flip a byte
                var flipped = (byte[])valid.Clone();
                if (flipped.Length > 0)
                {
                    flipped[pos] ^= (byte)(b | 1);
                }

                return flipped;
            case 2: // insert a delimiter or a hostile fragment
            case 3:
                return [.. valid[..pos], .. Inserts[insert], .. valid[pos..]];
            case 4: // delete a span
                return [.. valid[..pos], .. valid[Math.Min(valid.Length, pos + 1 + (b % 16))..]];
            case 5: // replace a byte by a random one
                var replaced = (byte[])valid.Clone();
                if (replaced.Length > 0)
                {
                    replaced[pos] = b;
                }

                return replaced;
            case 6: // CRLF line ends
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace("\n", "\r\n", StringComparison.Ordinal));
            case 7: // BOM, or a doubled BOM
                return b % 2 == 0 ? [0xEF, 0xBB, 0xBF, .. valid] : [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. valid];
            case 8: // empty or whitespace
                return b % 2 == 0 ? [] : " \n\t "u8.ToArray();
            default: // duplicate a span
                int end = Math.Min(valid.Length, pos + 1 + b);
                return [.. valid[..end], .. valid[pos..]];
        }
    }
}
