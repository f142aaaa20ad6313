using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.PowerShell;
using Xunit;

namespace Librato.Api.Tests
{
    public class TagReaderTests
    {
        [Fact]
        public void An_unchanged_table_reuses_its_conversion()
        {
            var reader = new TagReader();
            var table = new Hashtable { ["host"] = "web-1", ["port"] = 8080 };

            Assert.True(reader.TryRead(table, out var first));
            Assert.True(reader.TryRead(PSObject.AsPSObject(table), out var second));

            Assert.Same(first, second);
            Assert.Equal("8080", second!["port"]);
        }

        [Fact]
        public void A_table_changed_in_between_is_read_again()
        {
            var reader = new TagReader();
            var table = new Hashtable { ["host"] = "web-1" };
            reader.TryRead(table, out var first);

            table["host"] = "web-2";
            reader.TryRead(table, out var replaced);
            table["zone"] = "b";
            reader.TryRead(table, out var added);
            table.Remove("zone");
            table["host"] = "web-3";
            reader.TryRead(table, out var swapped);

            Assert.Equal("web-1", first!["host"]);
            Assert.Equal("web-2", replaced!["host"]);
            Assert.Equal(new Dictionary<string, string> { ["host"] = "web-2", ["zone"] = "b" }, added);
            Assert.Equal(new Dictionary<string, string> { ["host"] = "web-3" }, swapped);
        }

        [Fact]
        public void Tables_with_equal_content_each_convert_and_large_tables_still_convert()
        {
            var reader = new TagReader();
            var large = new Hashtable();
            for (var i = 0; i < 40; i++)
            {
                large["t" + i] = i;
            }

            reader.TryRead(new Hashtable { ["a"] = "1" }, out var one);
            reader.TryRead(new Hashtable { ["a"] = "1" }, out var other);
            reader.TryRead(large, out var many);
            large["t0"] = "changed";
            reader.TryRead(large, out var manyChanged);

            Assert.Equal(one, other);
            Assert.Equal(40, many!.Count);
            Assert.Equal("changed", manyChanged!["t0"]);
        }

        [Fact]
        public void A_key_replaced_by_its_other_case_and_a_changed_ordered_table_are_read_again()
        {
            var reader = new TagReader();
            var value = "web-1";
            var table = new Hashtable(System.StringComparer.OrdinalIgnoreCase) { ["host"] = value };
            reader.TryRead(table, out _);
            table.Remove("host");
            table["Host"] = value;
            reader.TryRead(table, out var recased);
            Assert.Equal(new Dictionary<string, string> { ["Host"] = "web-1" }, recased);

            var ordered = new System.Collections.Specialized.OrderedDictionary { ["host"] = "web-1", ["zone"] = "a" };
            reader.TryRead(ordered, out var first);
            reader.TryRead(ordered, out var again);
            ordered["zone"] = "b";
            reader.TryRead(ordered, out var changed);
            Assert.Same(first, again);
            Assert.Equal(new Dictionary<string, string> { ["host"] = "web-1", ["zone"] = "b" }, changed);
        }

        [Fact]
        public void Anything_but_a_dictionary_is_refused_and_nothing_is_no_tags()
        {
            var reader = new TagReader();
            Assert.False(reader.TryRead("host=web-1", out _));
            Assert.True(reader.TryRead(null, out var none));
            Assert.Null(none);
        }
    }
}
