using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Librato.Api;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Librato.Api.Tests.OutboxFiles
{
    /// <summary>The outbox's smaller promises: names, acknowledgements at their edges, closing, and refusals set aside.</summary>
    public sealed class OutboxDetailTests : IDisposable
    {
        private const string Header = "{\"librato_outbox\":2}\n";
        private readonly ScratchFolder scratch = new ScratchFolder("outbox-detail");

        private string folder => scratch.Path;
        private readonly FakeTimeProvider clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

        public OutboxDetailTests() => Directory.CreateDirectory(folder);

        public void Dispose() => scratch.Dispose();

        private static Measurement M(int i) => new Measurement("m", i) { Source = "s" + i, Time = 1796644800 };

        private string Write(string name, string content)
        {
            var path = Path.Combine(folder, name + Api.Outbox.Extension);
            File.WriteAllText(path, content);
            return path;
        }

        [Fact]
        public void Files_are_named_by_time_then_sequence_so_that_names_sort_oldest_first()
        {
            var outbox = new Api.Outbox(folder);
            var names = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                names.Add(outbox.Spool(new[] { M(i) }, clock));
            }

            clock.Advance(TimeSpan.FromMilliseconds(1.5));
            names.Add(outbox.Spool(new[] { M(3) }, clock));

            Assert.All(names, n => Assert.Matches(@"^\d{8}T\d{13}-\d{6}-[0-9a-f]{8}\.outbox\.jsonl$", n));
            Assert.StartsWith("20261207T1200000015000-", names[3], StringComparison.Ordinal);
            Assert.Equal(names, names.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(4, outbox.Count);
        }

        [Fact]
        public void An_outbox_that_does_not_exist_or_is_a_file_counts_nothing()
        {
            Assert.Equal(0, new Api.Outbox(Path.Combine(folder, "none")).Count);
            var file = Path.Combine(folder, "file");
            File.WriteAllText(file, "x");
            Assert.Equal(0, new Api.Outbox(file).Count);
            Assert.Empty(new Api.Outbox(Path.Combine(folder, "none")).Claim(clock, n => throw new InvalidOperationException(n.Message)));
        }

        [Fact]
        public void A_file_that_does_not_read_is_moved_aside_under_its_own_name()
        {
            Write("1", "\n" + Header);
            var notices = new List<SenderNotice>();
            var outbox = new Api.Outbox(folder);

            Assert.Empty(outbox.Claim(clock, notices.Add));

            var moved = Path.GetFileName(Assert.Single(Directory.GetFiles(outbox.QuarantineDirectory)));
            Assert.Matches(@"^1\.outbox\.jsonl\.[0-9a-f]{8}$", moved);
            var notice = Assert.Single(notices);
            Assert.Equal(SenderNoticeKind.OutboxFileQuarantined, notice.Kind);
            Assert.Matches(
                "^The outbox file '1.outbox.jsonl' could not be read \\(line 1: not JSON \\(.+\\)\\); it was moved to '" + outbox.QuarantineDirectory + "' and will not be sent\\.$",
                notice.Message);
            Assert.Empty(scratch.OutboxFiles());
        }

        [Fact]
        public void A_file_that_does_not_read_nor_move_stays_and_is_said()
        {
            var path = Write("1", "garbage\n");
            File.WriteAllText(Path.Combine(folder, Api.Outbox.QuarantineFolder), "a file where the folder would go");
            var notices = new List<SenderNotice>();
            var outbox = new Api.Outbox(folder);

            Assert.Empty(outbox.Claim(clock, notices.Add));

            var notice = Assert.Single(notices);
            Assert.Equal(SenderNoticeKind.OutboxFileNotClaimed, notice.Kind);
            Assert.Matches(
                "^The outbox file '1.outbox.jsonl' could not be read \\(line 1: not JSON \\(.+\\)\\) nor moved to '" + outbox.QuarantineDirectory + "' \\(.+\\); it is left where it is and not sent\\.$",
                notice.Message);
            Assert.True(File.Exists(path));

            // Not held: the next run may try again.
            using var free = OutboxFile.Open(path);
        }

        [Fact]
        public void A_claimed_file_with_nothing_left_is_removed_and_the_next_is_claimed()
        {
            Write("1", Header + "{\"name\":\"m\",\"value\":1}\n{\"ack\":[[0,0]]}\n");
            Write("2", Header + "{\"name\":\"m\",\"value\":2}\n");
            var claims = new Api.Outbox(folder).Claim(clock, n => throw new InvalidOperationException(n.Message)).ToList();
            var claim = Assert.Single(claims);
            Assert.Equal("2" + Api.Outbox.Extension, claim.Name);
            claim.Dispose();
            Assert.Single(scratch.OutboxFiles());

            // Released: another claim takes it.
            Assert.Single(new Api.Outbox(folder).Claim(clock, n => { }).ToList()).Dispose();
        }

        private (OutboxClaim Claim, PendingBatch Batch, BatchOutcome Outcome) RefuseTheMiddleOne(List<SenderNotice> notices)
        {
            Write("1", Header + "{\"name\":\"m\",\"value\":0,\"source\":\"s0\"}\n{\"name\":\"m\",\"value\":1,\"source\":\"s1\"}\n{\"name\":\"m\",\"value\":2,\"source\":\"s2\"}\n");
            var claim = Assert.Single(new Api.Outbox(folder).Claim(clock, notices.Add).ToList());
            var items = claim.Content.Measurements.ToList();
            var batch = new PendingBatch(items, Enumerable.Range(0, 3).Select(i => new JournalRef(claim.File, i)).ToList(), claim);
            var error = new LibratoApiException(LibratoErrorKind.InvalidRequest, "POST", "v1/metrics", 400, new[] { "'m' is a counter" });
            var outcome = new BatchOutcome(
                items,
                new[] { items[0], items[2] },
                new[] { new MeasurementRefusal(items[1], "'m' is a counter", error) },
                Array.Empty<Measurement>(),
                null,
                true)
            {
                Resolved = new[] { 0, 1, 2 },
            };
            return (claim, batch, outcome);
        }

        [Fact]
        public void Refused_measurements_of_a_claimed_file_are_set_aside_and_acknowledged()
        {
            var notices = new List<SenderNotice>();
            var (claim, batch, outcome) = RefuseTheMiddleOne(notices);
            using (claim)
            {
                claim.Acknowledge(batch, outcome);
                Assert.True(claim.File.AllResolved);
            }

            var notice = Assert.Single(notices);
            Assert.Equal(SenderNoticeKind.OutboxMeasurementsRefused, notice.Kind);
            var quarantined = Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(folder, Api.Outbox.QuarantineFolder))));
            Assert.Equal(
                $"1 measurement(s) from the outbox file '1.outbox.jsonl' were refused ('m' is a counter); they were moved to '{Path.Combine(folder, Api.Outbox.QuarantineFolder)}' as '{quarantined}' and will not be sent again.",
                notice.Message);
            Assert.Equal(new[] { "s1" }, OutboxJson.Read(File.ReadAllBytes(Path.Combine(folder, Api.Outbox.QuarantineFolder, quarantined))).Measurements.Select(m => m.Source));
        }

        [Fact]
        public void Refused_measurements_that_cannot_be_set_aside_stay_unacknowledged()
        {
            File.WriteAllText(Path.Combine(folder, Api.Outbox.QuarantineFolder), "a file where the folder would go");
            var notices = new List<SenderNotice>();
            var (claim, batch, outcome) = RefuseTheMiddleOne(notices);
            using (claim)
            {
                claim.Acknowledge(batch, outcome);
                Assert.Equal(1, claim.File.Unresolved);
            }

            var notice = Assert.Single(notices);
            Assert.Equal(SenderNoticeKind.OutboxNotUpdated, notice.Kind);
            Assert.Matches(
                "^1 measurement\\(s\\) from the outbox file '1.outbox.jsonl' were refused \\('m' is a counter\\) and could not be moved to '.+' \\(.+\\); they stay in the outbox\\.$",
                notice.Message);
            var content = OutboxJson.Read(File.ReadAllBytes(scratch.OutboxFiles()[0]));
            Assert.Equal(new[] { true, false, true }, content.Acknowledged);
        }

        [Fact]
        public void Batches_of_one_file_settling_on_many_threads_at_once_leave_a_file_that_reads_back_whole()
        {
            // A delivery has several requests in flight; their answers settle on pool threads at the same moments.
            const int Batches = 3000, Size = 5;
            var lines = new StringBuilder(Header);
            for (var i = 0; i < Batches * Size; i++)
            {
                lines.Append("{\"name\":\"m\",\"value\":").Append(i).Append("}\n");
            }

            var path = Write("1", lines.ToString());
            var notices = new List<SenderNotice>();
            using (var claim = Assert.Single(new Api.Outbox(folder).Claim(clock, notices.Add).ToList()))
            {
                var items = claim.Content.Measurements;
                var invalid = new[] { new MeasurementRefusal(items[0], "too old", null) };
                using var start = new Barrier(4);
                var threads = Enumerable.Range(0, 4).Select(t => new System.Threading.Thread(() =>
                {
                    start.SignalAndWait();
                    for (var b = t; b < Batches; b += 4)
                    {
                        if (b == 0)
                        {
                            // The measurements the delivery set aside before sending, while the first answers arrive.
                            claim.SetAside(invalid, new[] { 0 });
                            continue;
                        }

                        var positions = Enumerable.Range(b * Size, Size).ToList();
                        var batch = new PendingBatch(positions.Select(p => items[p]).ToList(), positions.Select(p => new JournalRef(claim.File, p)).ToList(), claim);
                        var outcome = new BatchOutcome(batch.Items, batch.Items, Array.Empty<MeasurementRefusal>(), Array.Empty<Measurement>(), null, true)
                        {
                            Resolved = Enumerable.Range(0, Size).ToList(),
                        };
                        claim.Acknowledge(batch, outcome);
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                Assert.Equal(Size - 1, claim.File.Unresolved);
            }

            Assert.Equal(SenderNoticeKind.OutboxMeasurementsRefused, Assert.Single(notices).Kind);
            var content = OutboxJson.Read(File.ReadAllBytes(path));
            Assert.Equal(Enumerable.Range(0, Batches * Size).Select(i => i == 0 || i >= Size), content.Acknowledged);
        }

        [Fact]
        public void Acknowledging_writes_buffered_lines_first_and_ignores_positions_it_does_not_hold()
        {
            var path = Path.Combine(folder, "a" + Api.Outbox.Extension);
            using var file = OutboxFile.Create(path, 1);
            var p0 = file.Append(M(0));
            var p1 = file.Append(M(1));

            // Not committed yet: acknowledging commits them first, so what is acknowledged is on disk.
            file.Acknowledge(new[] { p1, 7, -1, 2 });
            Assert.False(file.AllResolved);
            Assert.Equal(1, file.Unresolved);
            var length = new FileInfo(path).Length;

            // Acknowledged again: nothing written.
            file.Acknowledge(new[] { p1 });
            Assert.Equal(length, new FileInfo(path).Length);

            file.Acknowledge(new[] { p0 });
            Assert.True(file.AllResolved);
            file.Dispose();
            var content = OutboxJson.Read(File.ReadAllBytes(path));
            Assert.Equal(new[] { true, true }, content.Acknowledged);
        }

        [Fact]
        public void Reading_cuts_a_long_unfinished_tail_so_that_no_old_bytes_follow_new_lines()
        {
            var complete = Header + "{\"name\":\"m\",\"value\":1}\n";
            var path = Write("a", complete + "{\"name\":\"m\",\"value\":2,\"description\":\"" + new string('x', 500));
            using (var file = OutboxFile.Open(path))
            {
                var content = file.Read();
                Assert.Single(content.Measurements);
                Assert.Equal(Encoding.UTF8.GetByteCount(complete), new FileInfo(path).Length);

                // Reading again gives the same state.
                file.Read();
                Assert.Equal(1, file.Unresolved);
                file.Acknowledge(new[] { 0 });
                Assert.True(file.AllResolved);
            }

            Assert.Equal(new[] { true }, OutboxJson.Read(File.ReadAllBytes(path)).Acknowledged);
        }

        [Fact]
        public void A_removed_file_takes_no_more_lines()
        {
            var path = Path.Combine(folder, "a" + Api.Outbox.Extension);
            var file = OutboxFile.Create(path, 1);
            Assert.True(file.Remove(out var failure));
            Assert.Null(failure);
            Assert.False(File.Exists(path));
            file.Append(M(0));
            var ex = Assert.Throws<ObjectDisposedException>(() => file.Commit());
            Assert.Contains("This outbox file was released.", ex.Message);
            file.Dispose();
        }

        private sealed class HeldFileException : FileNotFoundException
        {
            public HeldFileException(int hresult) => HResult = hresult;
        }

        private sealed class DeniedException : UnauthorizedAccessException
        {
            public DeniedException(int hresult) => HResult = hresult;
        }

        [Theory]
        [InlineData(unchecked((int)0x80070020), true)]
        [InlineData(unchecked((int)0x80070021), true)]
        [InlineData(11, true)]
        [InlineData(35, true)]
        [InlineData(13, false)]
        [InlineData(unchecked((int)0x80070005), false)]
        public void Only_the_systems_own_lock_errors_mean_another_run_holds_a_file(int hresult, bool inUse)
        {
            Assert.Equal(inUse, OutboxFile.IsInUse(new IOException("held", hresult)));
            Assert.False(OutboxFile.IsInUse(new HeldFileException(hresult)));
            Assert.False(OutboxFile.IsInUse(new DeniedException(hresult)));
        }

        [Fact]
        public void A_journal_closes_with_what_is_buffered_written_and_a_second_close_finds_nothing()
        {
            var journal = new OutboxJournal(new Api.Outbox(folder), clock);
            journal.Append(M(0));
            journal.Append(M(1));

            Assert.Equal(2, journal.Close());
            Assert.Equal(0, journal.Close());
            Assert.Null(journal.Append(M(2)).File);
            Assert.Equal(2, OutboxJson.Read(File.ReadAllBytes(Assert.Single(scratch.OutboxFiles()))).Measurements.Count);
        }

        [Fact]
        public void A_journal_writes_a_full_file_before_it_starts_the_next()
        {
            var journal = new OutboxJournal(new Api.Outbox(folder), clock, fileCapacity: 2);
            journal.Append(M(0));
            journal.Append(M(1));
            journal.Append(M(2));
            journal.CloseForExit();

            var files = scratch.OutboxFiles();
            Assert.Equal(2, files.Length);
            Assert.Equal(new[] { "s0", "s1" }, OutboxJson.Read(File.ReadAllBytes(files[0])).Measurements.Select(m => m.Source));
            Assert.Equal(new[] { "s2" }, OutboxJson.Read(File.ReadAllBytes(files[1])).Measurements.Select(m => m.Source));
        }

        [Fact]
        public void After_the_process_exit_a_journal_takes_nothing_and_closing_keeps_nothing()
        {
            var unused = new OutboxJournal(new Api.Outbox(folder), clock);
            unused.CloseForExit();
            Assert.Null(unused.Append(M(0)).File);
            Assert.Empty(scratch.OutboxFiles());

            var used = new OutboxJournal(new Api.Outbox(folder), clock);
            used.Append(M(0));
            used.CloseForExit();
            used.CloseForExit();
            Assert.Null(used.Append(M(1)).File);
            Assert.Equal(0, used.Close());
            Assert.Single(OutboxJson.Read(File.ReadAllBytes(Assert.Single(scratch.OutboxFiles()))).Measurements);
        }

        [Theory]
        [InlineData("{\"name\":\"m\",\"value\":1,\"type\":\"gauge\"}", "type", "Gauge")]
        [InlineData("{\"name\":\"m\",\"value\":1,\"type\":\"counter\"}", "type", "Counter")]
        [InlineData("{\"name\":\"m\",\"value\":1,\"time\":253402300799}", "time", "253402300799")]
        [InlineData("{\"name\":\"m\",\"value\":1,\"time\":0}", "time", "0")]
        [InlineData("{\"name\":\"m\",\"sum\":1,\"count\":0}", "count", "0")]
        [InlineData("{\"name\":\"first\",\"name\":\"second\",\"value\":1}", "name", "first")]
        public void Field_values_at_their_edges_read_back(string line, string field, string expected)
        {
            var m = Assert.Single(OutboxJson.Read(Encoding.UTF8.GetBytes(Header + line + "\n")).Measurements);
            var actual = field switch
            {
                "type" => m.Type.ToString(),
                "time" => m.Time!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "count" => m.Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => m.Name,
            };
            Assert.Equal(expected, actual);
        }

        [Theory]
        [InlineData("{\"name\":\"m\",\"value\":1,\"type\":\"Gauge\"}", "line 2: type \"Gauge\" of 'm', which is neither \"gauge\" nor \"counter\"")]
        [InlineData("{\"name\":\"m\",\"value\":1,\"time\":253402300800}", "line 2: time 253402300800 of 'm', which is not a whole number of epoch seconds from 0 to 253402300799")]
        [InlineData("{\"name\":\"m\",\"sum\":1,\"count\":-1}", "line 2: count -1 of 'm', which is not a whole number from 0")]
        [InlineData("{\"name\":\"m\",\"value\":\"12345678901234567890123456789012345678\"}", "line 2: value \"12345678901234567890123456789012345678\" of 'm', which is not a finite number")]
        [InlineData("{\"name\":\"m\",\"value\":\"123456789012345678901234567890123456789\"}", "line 2: value \"123456789012345678901234567890123456789... of 'm', which is not a finite number")]
        public void Field_values_past_their_edges_are_refused_naming_the_line_and_the_value(string line, string message)
        {
            var ex = Assert.Throws<InvalidDataException>(() => OutboxJson.Read(Encoding.UTF8.GetBytes(Header + line + "\n")));
            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void A_file_that_starts_with_an_empty_line_is_not_an_outbox_file()
        {
            var ex = Assert.Throws<InvalidDataException>(() => OutboxJson.Read(Encoding.UTF8.GetBytes("\n" + Header)));
            Assert.StartsWith("line 1: not JSON (", ex.Message);
        }
    }
}
