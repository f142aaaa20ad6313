using System.Text;
using Librato.Emulator.Input;
using Xunit;

namespace Librato.Emulator.Tests.Input;

public sealed class FormBodyTests
{
    private static string Convert(string form)
    {
        Assert.True(FormBody.TryConvert(Encoding.UTF8.GetBytes(form), out var json, out string? error), error);
        return Encoding.UTF8.GetString(json);
    }

    [Theory]
    [InlineData("a=1", """{"a":"1"}""")]
    [InlineData("names[]=a&names[]=b", """{"names":["a","b"]}""")]
    [InlineData("attributes[display_min]=0&attributes[color]=%23ff0000", """{"attributes":{"display_min":"0","color":"#ff0000"}}""")]
    [InlineData("settings[room]=Ops&settings[notify]=1", """{"settings":{"room":"Ops","notify":"1"}}""")]
    [InlineData("links[0][rel]=a&links[0][href]=http%3A%2F%2Fx%2Fy&links[1][rel]=b", """{"links":[{"rel":"a","href":"http://x/y"},{"rel":"b"}]}""")]
    [InlineData("gauges[0][name]=cpu&gauges[0][value]=1.5&gauges[0][source]=web", """{"gauges":[{"name":"cpu","value":"1.5","source":"web"}]}""")]
    [InlineData("gauges[cpu][value]=1&gauges[mem][value]=2", """{"gauges":{"cpu":{"value":"1"},"mem":{"value":"2"}}}""")]
    [InlineData("a[][x]=1&a[][y]=2&a[][x]=3", """{"a":[{"x":"1","y":"2"},{"x":"3"}]}""")]
    [InlineData("tags[host][]=a&tags[host][]=b", """{"tags":{"host":["a","b"]}}""")]
    public void BracketsBuildTheJsonAClientWouldSend(string form, string expected)
    {
        Assert.Equal(expected, Convert(form));
    }

    [Fact]
    public void IndexedObjectsBecomeListsInIndexOrder()
    {
        Assert.Equal("""{"g":["zero","one","ten"]}""", Convert("g[10]=ten&g[1]=one&g[0]=zero"));
        Assert.Equal("""{"g":{"0":"zero","x":"ex"}}""", Convert("g[0]=zero&g[x]=ex"));
    }

    [Fact]
    public void PlusAndPercentEscapesAreDecodedInKeysAndValues()
    {
        Assert.Equal("""{"display name":"CPU load é","a[b":"c"}""", Convert("display+name=CPU%20load+%C3%A9&a%5Bb=c"));
        Assert.Equal("""{"a":{"b":"c"}}""", Convert("a%5Bb%5D=c"));
    }

    [Fact]
    public void KeyWithoutValueIsNullAndEmptyValueIsEmpty()
    {
        Assert.Equal("""{"description":null,"display_name":""}""", Convert("description&display_name="));
    }

    [Fact]
    public void LaterValueReplacesEarlierOne()
    {
        Assert.Equal("""{"a":"2"}""", Convert("a=1&&a=2"));
    }

    [Theory]
    [InlineData("a=1&a[b]=2")]
    [InlineData("a[b]=2&a=1")]
    [InlineData("a[]=1&a[b]=2")]
    [InlineData("a[b]=1&a[]=2")]
    public void OneNameWithTwoShapesIsRejected(string form)
    {
        Assert.False(FormBody.TryConvert(Encoding.UTF8.GetBytes(form), out _, out string? error));
        Assert.StartsWith("Could not parse the form-encoded body: 'a' is given both as", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFormIsAnEmptyObject()
    {
        Assert.Equal("{}", Convert(string.Empty));
    }
}
