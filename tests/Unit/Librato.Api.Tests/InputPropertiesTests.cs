using System;
using System.Collections;
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
        [Fact]
        public void A_PowerShell_hashtable_is_read_by_looking_up_its_keys_in_any_case()
        {
            var read = new InputProperties();
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["name"] = "m", ["VALUE"] = 1.5, ["Source"] = "s", ["time"] = 1796644800L };
            read.Use((IDictionary)table);
            Assert.True(read.ReadByLookUp);
            Assert.Equal(("m", 1.5, "s", 1796644800L), (read[InputField.Name], read[InputField.Value], read[InputField.Source], read[InputField.Time]));
            Assert.Null(read[InputField.Tags]);
        }

        [Fact]
        public void Every_property_a_hashtable_can_hold_is_found_by_look_up()
        {
            var read = new InputProperties();
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            for (var slot = 0; slot < InputProperties.Names.Length; slot++)
            {
                table[InputProperties.Names[slot]] = "v" + slot;
            }

            read.Use((IDictionary)table);
            Assert.True(read.ReadByLookUp);
            for (var slot = 0; slot < InputProperties.Names.Length; slot++)
            {
                Assert.Equal("v" + slot, read[slot]);
            }
        }

        [Fact]
        public void A_hashtable_the_look_ups_cannot_account_for_is_enumerated_with_the_same_result()
        {
            var read = new InputProperties();

            // Exact case first in a case-sensitive table: "name" is no look-up's key.
            read.Use((IDictionary)new Hashtable(StringComparer.Ordinal) { ["name"] = "lower", ["Name"] = "exact", ["Value"] = 1 });
            Assert.False(read.ReadByLookUp);
            Assert.Equal(("exact", 1), (read[InputField.Name], read[InputField.Value]));

            read.Use((IDictionary)new Hashtable(StringComparer.Ordinal) { ["name"] = "lower", ["value"] = 2 });
            Assert.False(read.ReadByLookUp);
            Assert.Equal(("lower", 2), (read[InputField.Name], read[InputField.Value]));

            // A key of no property, a null value.
            read.Use((IDictionary)new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Name"] = "m", ["Value"] = 3, ["Host"] = "h" });
            Assert.False(read.ReadByLookUp);
            Assert.Equal(("m", 3), (read[InputField.Name], read[InputField.Value]));

            read.Use((IDictionary)new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Name"] = "m", ["Value"] = null, ["Source"] = "s" });
            Assert.False(read.ReadByLookUp);
            Assert.Equal(("m", null, "s"), (read[InputField.Name], read[InputField.Value], read[InputField.Source]));

            // A key PowerShell wrapped: found either way (a wrapped string hashes and compares as the string).
            read.Use((IDictionary)new Hashtable { [new PSObject("Name")] = "wrapped", ["Value"] = 4 });
            Assert.Equal(("wrapped", 4), (read[InputField.Name], read[InputField.Value]));
        }
    }
}
