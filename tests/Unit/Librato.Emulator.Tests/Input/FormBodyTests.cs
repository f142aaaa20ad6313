using System.Text;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Xunit;

namespace Librato.Emulator.Tests.Input;

public sealed class FormBodyTests
{
    private static string Parse(string form) => FormBody.Parse(Encoding.UTF8.GetBytes(form)).GetRawText();

    [Theory]
    [InlineData("title=Deployed+v56&source=foo3.bar.com", """{"title":"Deployed v56","source":"foo3.bar.com"}""")]
    [InlineData("settings%5Broom%5D=Ops&settings%5Btoken%5D=a%26b", """{"settings":{"room":"Ops","token":"a\u0026b"}}""")]
    [InlineData("services[]=1&services[]=2", """{"services":["1","2"]}""")]
    [InlineData("links[0][rel]=a&links[0][href]=x&links[1][rel]=b", """{"links":[{"rel":"a","href":"x"},{"rel":"b"}]}""")]
    [InlineData("links[1][rel]=b&links[0][rel]=a", """{"links":[{"rel":"a"},{"rel":"b"}]}""")]
    [InlineData("tags[][name]=a&tags[][values][]=1&tags[][name]=b", """{"tags":[{"name":"a","values":["1"]},{"name":"b"}]}""")]
    [InlineData("c[0][tags][0][values][]=prod&c[0][tags][0][name]=env", """{"c":[{"tags":[{"values":["prod"],"name":"env"}]}]}""")]
    [InlineData("end_time=&title=x", """{"end_time":null,"title":"x"}""")]
    [InlineData("a=1&a=2", """{"a":"2"}""")]
    [InlineData("odd[=1", """{"odd[":"1"}""")]
    [InlineData("", "{}")]
    public void BracketsBuildObjectsAndArrays(string form, string expected)
    {
        Assert.Equal(expected, Parse(form));
    }

    [Fact]
    public void ObjectsWithOtherKeysStayObjects()
    {
        Assert.Equal("""{"attributes":{"0":"a","x":"b"}}""", Parse("attributes[0]=a&attributes[x]=b"));
    }

    [Theory]
    [InlineData("""  {"a":1}""", true, """{"a":1}""")]
    [InlineData("""{"a":""", false, "")]
    [InlineData("""[1]""", false, "")]
    [InlineData("a=1", true, """{"a":"1"}""")]
    [InlineData("   ", true, "{}")]
    public void ResourceBodiesAreJsonOrForm(string body, bool ok, string expected)
    {
        bool parsed = ResourceBody.TryRead(Encoding.UTF8.GetBytes(body), out var root);

        Assert.Equal(ok, parsed);
        if (ok)
        {
            Assert.Equal(expected, root.GetRawText());
        }
    }
}
