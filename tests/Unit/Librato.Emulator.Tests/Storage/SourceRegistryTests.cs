using System.Linq;
using Librato.Emulator.Storage;
using Xunit;

namespace Librato.Emulator.Tests.Storage;

public sealed class SourceRegistryTests
{
    [Fact]
    public void ASourceSeenInSubmissionsKeepsItsFirstSpellingAndBecomesOneRecord()
    {
        var registry = new SourceRegistry();
        registry.TouchAll(new[] { "Web-1", "db-1" });
        registry.Touch("WEB-1");

        var found = registry.Find("web-1");
        var again = registry.GetOrCreate("WEB-1", "ignored", out bool created);

        Assert.NotNull(found);
        Assert.Equal("Web-1", found!.Name);
        Assert.Null(found.DisplayName);
        Assert.False(created);
        Assert.Same(found, again);
        Assert.Equal(new[] { "Web-1", "db-1" }, registry.Snapshot().Select(s => s.Name).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void ADisplayNameGivenToASeenSourceIsWhatEveryReaderGets()
    {
        var registry = new SourceRegistry();
        registry.Touch("db-1");

        registry.GetOrCreate("db-1", null, out _).DisplayName = "Database";

        Assert.Equal("Database", registry.Find("DB-1")!.DisplayName);
        Assert.Equal("Database", registry.Snapshot().Single().DisplayName);
        Assert.Null(registry.Find("db-2"));
    }

    [Fact]
    public void CreatingANewSourceSaysSo()
    {
        var registry = new SourceRegistry();

        var source = registry.GetOrCreate("api-1", "API", out bool created);

        Assert.True(created);
        Assert.Equal("API", registry.Find("API-1")!.DisplayName);
        Assert.Same(source, registry.Find("api-1"));
        registry.Clear();
        Assert.Empty(registry.Snapshot());
    }
}
