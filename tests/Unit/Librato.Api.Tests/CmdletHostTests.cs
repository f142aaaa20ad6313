using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading.Tasks;
using Librato.Api;
using Librato.PowerShell;
using Librato.PowerShell.Commands;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>The cmdlets hosted in-process, against a real emulator (end-to-end runs live in the Pester suite).</summary>
    public class CmdletHostTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture emulator;

        public CmdletHostTests(EmulatorFixture emulator)
        {
            this.emulator = emulator;
        }

        private static System.Management.Automation.PowerShell CreateShell()
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { typeof(SendLibratoMetricCommand).Assembly.Location });
            return System.Management.Automation.PowerShell.Create(state);
        }

        private static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text)
            {
                s.AppendChar(c);
            }

            return s;
        }

        private LibratoSession Connect(System.Management.Automation.PowerShell ps)
        {
            ps.AddCommand("Connect-Librato")
                .AddParameter("Email", EmulatorFixture.Email)
                .AddParameter("Token", Secure(EmulatorFixture.Token))
                .AddParameter("Endpoint", emulator.BaseAddress)
                .AddParameter("PassThru");
            var session = (LibratoSession)ps.Invoke().Single().BaseObject;
            ps.Commands.Clear();
            return session;
        }

        [Fact]
        public async Task Piped_objects_are_sent_and_bad_ones_reported_with_their_ids()
        {
            using var ps = CreateShell();
            var session = Connect(ps);
            var name = "host." + Guid.NewGuid().ToString("N").Substring(0, 10);
            var input = new List<object>();
            for (var i = 0; i < 10; i++)
            {
                var o = new PSObject();
                o.Properties.Add(new PSNoteProperty("Name", i == 4 ? "bad name" : name));
                o.Properties.Add(new PSNoteProperty("Value", i == 7 ? (object)"NaN-ish" : i));
                o.Properties.Add(new PSNoteProperty("Source", "s" + i));
                input.Add(o);
            }

            ps.AddCommand("Send-LibratoMetric").AddParameter("Session", session).AddParameter("BatchSize", 3).AddParameter("PassThru");
            var output = ps.Invoke(input);

            Assert.Equal(8, output.Count);
            Assert.All(output, o => Assert.IsType<Measurement>(o.BaseObject));
            var errors = ps.Streams.Error.ToList();
            Assert.Equal(2, errors.Count);
            Assert.StartsWith(ErrorIds.ForValidation(ValidationCodes.InvalidMetricName), errors[0].FullyQualifiedErrorId);
            Assert.Same(input[4], errors[0].TargetObject);
            Assert.StartsWith(ErrorIds.ForValidation(ValidationCodes.InvalidValue), errors[1].FullyQualifiedErrorId);

            using var client = emulator.CreateClient();
            var read = await client.GetMetricAsync(name, new MetricReadQuery { StartTime = EpochTime.Now() - 60 });
            Assert.Equal(8, read.Metric.Measurements.Count);
        }

        [Fact]
        public void A_piped_list_and_the_same_items_pushed_one_by_one_give_the_same_results()
        {
            // A list piped in is read by Send-LibratoMetric itself; items an upstream command writes take the engine's
            // path. Both must send, pass through and refuse exactly the same items, with the same error targets.
            var name = "parity." + Guid.NewGuid().ToString("N").Substring(0, 10);
            var now = EpochTime.Now();
            var input = new List<object?>
            {
                new Hashtable { ["Name"] = name, ["Value"] = 1, ["Time"] = now - 10 },
                null,
                new object[] { new Hashtable { ["Name"] = name, ["Value"] = 2, ["Time"] = now - 9 }, 3.5 },
                new Hashtable { ["Name"] = "bad name", ["Value"] = 4, ["Time"] = now - 8 },
                "12.5",
                new Hashtable { ["Name"] = name, ["Value"] = "x", ["Time"] = now - 7 },
                new Hashtable { ["Name"] = name, ["Value"] = 5, ["Time"] = now - 6 },
            };

            (List<string> Sent, List<string> Errors, List<object?> Targets) Run(bool pushed)
            {
                using var ps = CreateShell();
                var session = Connect(ps);

                // ForEach-Object writes each item on its own (",$_" keeps a nested list whole, as a list item is).
                var upstream = pushed ? " | ForEach-Object { ,$_ }" : string.Empty;
                ps.AddScript("param($items, $session, $name) $items" + upstream + " | Send-LibratoMetric -Session $session -Name $name -PassThru")
                    .AddArgument(input).AddArgument(session).AddArgument(name);
                var output = ps.Invoke();
                return (
                    output.Select(o => (Measurement)o.BaseObject).Select(m => $"{m.Name}={m.Value}").ToList(),
                    ps.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList(),
                    ps.Streams.Error.Select(e => (object?)(e.TargetObject is PSObject p ? p.BaseObject : e.TargetObject)).ToList());
            }

            var listed = Run(pushed: false);
            var pushedOne = Run(pushed: true);

            Assert.Equal(new[] { $"{name}=1", $"{name}=12.5", $"{name}=2", $"{name}=3.5", $"{name}=5" }, listed.Sent.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(pushedOne.Sent.OrderBy(s => s, StringComparer.Ordinal), listed.Sent.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { ErrorIds.InvalidInputObject, ErrorIds.ForValidation(ValidationCodes.InvalidMetricName), ErrorIds.ForValidation(ValidationCodes.InvalidValue) }, listed.Errors);
            Assert.Equal(listed.Errors, pushedOne.Errors);
            Assert.Null(listed.Targets[0]);
            Assert.Same(input[3], listed.Targets[1]);
            Assert.Same(input[5], listed.Targets[2]);
            Assert.Same(input[3], pushedOne.Targets[1]);
        }

        [Fact]
        public void Every_cmdlet_declares_its_output_type()
        {
            var cmdlets = typeof(SendLibratoMetricCommand).Assembly.GetTypes()
                .Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Length > 0)
                .ToList();
            Assert.NotEmpty(cmdlets);
            foreach (var type in cmdlets)
            {
                Assert.True(type.IsSealed && type.IsPublic, type.Name + " should be public sealed");
                Assert.NotEmpty(type.GetCustomAttributes(typeof(OutputTypeAttribute), false));
            }
        }

        [Fact]
        public void Not_connected_is_one_terminating_error()
        {
            using var ps = CreateShell();
            ps.AddCommand("Disconnect-Librato").Invoke();
            ps.Commands.Clear();
            ps.AddCommand("Get-LibratoMetric");
            var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke());
            Assert.StartsWith(ErrorIds.NotConnected, ex.ErrorRecord.FullyQualifiedErrorId);
        }
    }
}
