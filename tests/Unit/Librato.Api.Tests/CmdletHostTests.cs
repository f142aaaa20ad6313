using System;
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
