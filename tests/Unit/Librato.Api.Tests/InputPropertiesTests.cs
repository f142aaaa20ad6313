using System;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.PowerShell;
using Xunit;

namespace Librato.Api.Tests
{
    public class InputPropertiesTests
    {
        private static PSObject Custom(params (string Name, object? Value)[] properties)
        {
            var o = new PSObject();
            foreach (var (name, value) in properties)
            {
                o.Properties.Add(new PSNoteProperty(name, value));
            }

            return o;
        }

        [Fact]
        public void Objects_of_different_shapes_in_a_row_each_read_their_own_properties()
        {
            var read = new InputProperties();
            read.Use(Custom(("Name", "a"), ("Value", 1), ("Source", "s")));
            Assert.Equal(("a", 1, "s"), (read[InputField.Name], read[InputField.Value], read[InputField.Source]));

            read.Use(Custom(("Value", 2), ("Name", "b"), ("Extra", "x")));
            Assert.Equal(("b", 2, null), (read[InputField.Name], read[InputField.Value], read[InputField.Source]));

            read.Use(Custom(("name", "c"), ("VALUE", 3)));
            Assert.Equal(("c", 3), (read[InputField.Name], read[InputField.Value]));
        }

        [Fact]
        public void Generic_and_case_sensitive_dictionaries_are_read_with_exact_case_first()
        {
            var read = new InputProperties();
            read.Use(new Dictionary<string, object> { ["value"] = 5, ["name"] = "lower", ["Name"] = "exact" });
            Assert.Equal("exact", read[InputField.Name]);
            Assert.Equal(5, read[InputField.Value]);

            read.Use(new Dictionary<string, object>(StringComparer.Ordinal) { ["Name"] = "exact", ["name"] = "lower" });
            Assert.Equal("exact", read[InputField.Name]);
            Assert.Null(read[InputField.Value]);
        }
    }
}
