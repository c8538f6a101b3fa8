namespace KnowledgeGraph.Tests.Reliability;

/// <summary>
/// Runs code on a thread with a small stack (256 KB), so that unbounded recursion shows as a stack overflow of
/// that input within a small limit instead of a deep one: a test that uses it fails (the host dies) if a path
/// of the library recurses once per element of its input.
/// </summary>
internal static class SmallStack
{
    /// <summary>The stack size of the thread: a quarter of the default on Windows, a sixth of it on Linux.</summary>
    public const int Size = 256 * 1024;

    /// <summary>Runs <paramref name="action"/> on a small-stack thread and returns what it threw, or null.</summary>
    public static Exception? Run(Action action)
    {
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            },
            Size);
        thread.Start();
        thread.Join();
        return error;
    }

    /// <summary>Runs <paramref name="func"/> on a small-stack thread; its result, or what it threw.</summary>
    public static (T? Result, Exception? Error) Call<T>(Func<T> func)
    {
        T? result = default;
        var error = Run(() => result = func());
        return (result, error);
    }
}
