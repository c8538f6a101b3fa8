namespace KnowledgeGraph.Tests.IO.Consumers;

public class ToolTests
{
    [Fact]
    public void Require_MissingProgram_FailsNamingItAndTheInstall()
    {
        var ex = Assert.ThrowsAny<Exception>(() => Tool.Require("kg-no-such-program", "apt-get install -y kg-no-such-package"));
        Assert.Contains("'kg-no-such-program' is not installed", ex.Message);
        Assert.Contains(".ci/run installs it with: apt-get install -y kg-no-such-package", ex.Message);
    }
}
