using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Librato.PowerShell;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>
    /// The engine internals <see cref="PipelineInput"/> reads: these fail when a PowerShell release changes them, which
    /// would quietly put Send-LibratoMetric back on the slower per-item path.
    /// </summary>
    public class PipelineInputTests
    {
        private static System.Management.Automation.PowerShell CreateShell()
        {
            var state = InitialSessionState.CreateDefault2();
            state.Commands.Add(new SessionStateCmdletEntry("Test-PipelineInput", typeof(TestPipelineInputCommand), null));
            return System.Management.Automation.PowerShell.Create(state);
        }

        [Fact]
        public void A_piped_list_is_read_in_one_ProcessRecord_with_nulls_kept()
        {
            using var ps = CreateShell();
            var input = Enumerable.Range(0, 1000).Select(i => i % 100 == 0 ? null : (object)i).ToList();

            var result = (Hashtable)ps.AddScript("param($items) $items | Test-PipelineInput").AddArgument(input).Invoke().Single().BaseObject;

            Assert.True((bool)result["Opened"]!);
            Assert.Equal(1, result["Calls"]);
            Assert.Equal(input, (List<object?>)result["Items"]!);
        }

        [Fact]
        public void A_piped_expression_is_read_in_one_ProcessRecord()
        {
            using var ps = CreateShell();

            var result = (Hashtable)ps.AddScript("1..500 | Test-PipelineInput").Invoke().Single().BaseObject;

            Assert.True((bool)result["Opened"]!);
            Assert.Equal(1, result["Calls"]);
            Assert.Equal(Enumerable.Range(1, 500).Cast<object>(), (List<object?>)result["Items"]!);
        }

        [Fact]
        public void Input_pushed_by_a_command_keeps_the_engine_path()
        {
            using var ps = CreateShell();

            var result = (Hashtable)ps.AddScript("1..5 | ForEach-Object { $_ } | Test-PipelineInput").Invoke().Single().BaseObject;

            Assert.False((bool)result["Opened"]!);
            Assert.Equal(5, result["Calls"]);
            Assert.Equal(Enumerable.Range(1, 5).Cast<object>(), (List<object?>)result["Items"]!);
        }

        [Fact]
        public void A_host_input_stream_keeps_the_engine_path()
        {
            // PowerShell.Invoke(input) feeds the pipeline from a data collection that a host may still be writing to.
            using var ps = CreateShell();

            var result = (Hashtable)ps.AddCommand("Test-PipelineInput").Invoke(new object[] { 1, 2, 3 }).Single().BaseObject;

            Assert.False((bool)result["Opened"]!);
            Assert.Equal(3, result["Calls"]);
        }

        [Cmdlet("Test", "PipelineInput")]
        [OutputType(typeof(Hashtable))]
        public sealed class TestPipelineInputCommand : PSCmdlet
        {
            private readonly List<object?> items = new List<object?>();
            private int calls;
            private bool? opened;

            [Parameter(ValueFromPipeline = true)]
            [AllowNull]
            public PSObject? InputObject { get; set; }

            protected override void ProcessRecord()
            {
                calls++;
                items.Add(InputObject?.BaseObject);
                if (opened.HasValue)
                {
                    return;
                }

                var rest = PipelineInput.TryOpen(this);
                opened = rest != null;
                while (rest != null && rest.TryTake(out var item))
                {
                    items.Add(item is PSObject pso ? pso.BaseObject : item);
                }
            }

            protected override void EndProcessing() =>
                WriteObject(new Hashtable { ["Opened"] = opened ?? false, ["Calls"] = calls, ["Items"] = items });
        }
    }
}
