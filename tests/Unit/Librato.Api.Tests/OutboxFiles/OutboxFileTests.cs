using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Librato.Api;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Librato.Api.Tests.OutboxFiles
{
    public sealed class OutboxFileTests : IDisposable
    {
        private readonly ScratchFolder scratch = new ScratchFolder("outbox-tests");

        private string folder => scratch.Path;
        private readonly FakeTimeProvider clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

        public OutboxFileTests() => Directory.CreateDirectory(folder);

        public void Dispose() => scratch.Dispose();

        private static Measurement M(int i) => new Measurement("m", i) { Source = "s" + i, Time = 1796644800 };

        [Fact]
        public void A_file_is_held_by_one_claim_at_a_time_and_free_once_released()
        {
            var path = Path.Combine(folder, "a" + Api.Outbox.Extension);
            using (var file = OutboxFile.Create(path, 1))
            {
                var ex = Assert.ThrowsAny<IOException>(() => OutboxFile.Open(path));
                Assert.True(OutboxFile.IsInUse(ex), ex.HResult.ToString("X"));
            }

            using var again = OutboxFile.Open(path);
            Assert.NotNull(again.Read());
            Assert.False(OutboxFile.IsInUse(new FileNotFoundException()));
            Assert.False(OutboxFile.IsInUse(new UnauthorizedAccessException()));
        }

        [Fact]
        public void Appends_reach_the_disk_only_when_committed_and_acknowledgements_are_kept()
        {
            var path = Path.Combine(folder, "b" + Api.Outbox.Extension);
            var file = OutboxFile.Create(path, 1796644800);
            Assert.Equal(0, file.Append(M(0)));
            Assert.Equal(1, file.Append(M(1)));
            Assert.False(file.IsDurable(0));
            file.Commit();
            Assert.True(file.IsDurable(1));
            Assert.False(file.IsDurable(2));
            Assert.Equal(2, file.Unresolved);
            Assert.False(file.AllResolved);

            // Buffered and not committed: gone with the claim.
            file.Append(M(2));
            file.Dispose();
            var text = File.ReadAllText(path);
            Assert.StartsWith("{\"librato_outbox\":2,\"created\":1796644800}\n", text, StringComparison.Ordinal);
            Assert.Contains("\"s1\"", text);
            Assert.DoesNotContain("\"s2\"", text);

            using var again = OutboxFile.Open(path);
            Assert.Equal(2, again.Read().Measurements.Count);
            Assert.Equal(2, again.Append(M(2)));

            // Acknowledging writes the buffered line first: every position acknowledged is on disk.
            again.Acknowledge(new[] { 0, 1 });
            Assert.True(again.IsDurable(2));
            Assert.Equal(1, again.Unresolved);
            Assert.False(again.AllResolved);
            again.Acknowledge(new[] { 0, 7 });
            Assert.Equal(1, again.Unresolved);
            again.Acknowledge(new[] { 2 });
            Assert.True(again.AllResolved);
            again.Dispose();

            var content = OutboxJson.Read(File.ReadAllBytes(path));
            Assert.Equal(3, content.Measurements.Count);
            Assert.All(content.Acknowledged, Assert.True);
        }

        [Fact]
        public void Reading_cuts_off_an_unfinished_last_line_so_appends_start_clean()
        {
            var path = Path.Combine(folder, "c" + Api.Outbox.Extension);
            File.WriteAllText(path, "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1,\"source\":\"s0\"}\n{\"name\":\"m\",\"val");
            using (var file = OutboxFile.Open(path))
            {
                var content = file.Read();
                Assert.Single(content.Measurements);
                Assert.Equal(1, file.Unresolved);
                Assert.Equal(1, file.Append(M(1)));
                file.Acknowledge(new[] { 0 });
            }

            var back = OutboxJson.Read(File.ReadAllBytes(path));
            Assert.Equal(new[] { "s0", "s1" }, back.Measurements.Select(m => m.Source));
            Assert.Equal(new[] { true, false }, back.Acknowledged);
        }

        [Fact]
        public void A_journal_spreads_a_long_run_over_files_and_removes_the_ones_delivered()
        {
            var outbox = new Api.Outbox(folder);
            var journal = new OutboxJournal(outbox, clock, fileCapacity: 5);
            var refs = Enumerable.Range(0, 12).Select(i => journal.Append(M(i))).ToList();
            journal.Commit();
            Assert.Equal(3, scratch.OutboxFiles().Length);
            Assert.Equal(new[] { 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1 }, refs.Select(r => r.Position));

            // The first file's measurements are delivered: it is full, so it goes.
            Acknowledge(journal, refs.Take(5).ToList());
            Assert.Equal(2, scratch.OutboxFiles().Length);

            // Part of the second: it stays; the last file is the current one, kept until the run ends.
            Acknowledge(journal, refs.Skip(5).Take(2).ToList());
            Acknowledge(journal, refs.Skip(10).ToList());
            Assert.Equal(2, scratch.OutboxFiles().Length);
            Assert.Empty(journal.TakeNotices());

            Assert.Equal(3, journal.Close());
            var left = Assert.Single(scratch.OutboxFiles());
            var content = OutboxJson.Read(File.ReadAllBytes(left));
            Assert.Equal(new[] { "s7", "s8", "s9" }, Enumerable.Range(0, 5).Where(i => !content.Acknowledged[i]).Select(i => content.Measurements[i].Source));
            Assert.Equal(0, journal.Close());
            Assert.Null(journal.Append(M(99)).File);
        }

        [Fact]
        public void A_journal_that_cannot_write_says_so_once_and_takes_nothing_more()
        {
            var blocked = Path.Combine(folder, "not-a-folder");
            File.WriteAllText(blocked, "a file");
            var journal = new OutboxJournal(new Api.Outbox(blocked), clock);
            Assert.Null(journal.Append(M(0)).File);
            Assert.Null(journal.Append(M(1)).File);
            Assert.NotNull(journal.Failure);
            var notice = Assert.Single(journal.TakeNotices());
            Assert.Equal(SenderNoticeKind.WriteAheadStopped, notice.Kind);
            Assert.Contains("cannot be written", notice.Message);
            Assert.Empty(journal.TakeNotices());
            Assert.Equal(0, journal.Close());
        }

        [Fact]
        public void At_process_exit_what_is_buffered_is_written_and_the_files_released()
        {
            var journal = new OutboxJournal(new Api.Outbox(folder), clock);
            journal.Append(M(0));
            journal.Append(M(1));
            journal.CloseForExit();
            var content = OutboxJson.Read(File.ReadAllBytes(Assert.Single(scratch.OutboxFiles())));
            Assert.Equal(2, content.Measurements.Count);
            using var claim = OutboxFile.Open(scratch.OutboxFiles()[0]);
        }

        [Fact]
        public void A_spool_is_written_whole_or_not_at_all()
        {
            var outbox = new Api.Outbox(folder);
            var name = outbox.Spool(new[] { M(0), M(1) }, clock);
            Assert.StartsWith("20261207T120000", name, StringComparison.Ordinal);
            Assert.Equal(2, OutboxJson.Read(File.ReadAllBytes(Path.Combine(folder, name))).Measurements.Count);

            var blocked = Path.Combine(folder, "file");
            File.WriteAllText(blocked, "x");
            Assert.ThrowsAny<IOException>(() => new Api.Outbox(blocked).Spool(new[] { M(0) }, clock));
            Assert.Single(scratch.OutboxFiles());
        }

        [Fact]
        public void Claims_skip_files_in_use_quarantine_what_does_not_read_and_remove_what_is_done()
        {
            var outbox = new Api.Outbox(folder);
            File.WriteAllText(Path.Combine(folder, "1" + Api.Outbox.Extension), "garbage\n");
            File.WriteAllText(Path.Combine(folder, "2" + Api.Outbox.Extension), "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1}\n{\"ack\":[[0,0]]}\n");
            File.WriteAllText(Path.Combine(folder, "3" + Api.Outbox.Extension), "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1}\n{\"name\":\"m\",\"value\":2}\n{\"ack\":[[0,0]]}\n");
            using var held = OutboxFile.Create(Path.Combine(folder, "4" + Api.Outbox.Extension), 1);
            var notices = new List<SenderNotice>();

            var claims = outbox.Claim(clock, notices.Add).ToList();

            var claim = Assert.Single(claims);
            Assert.Equal("3" + Api.Outbox.Extension, claim.Name);
            Assert.Equal(new[] { 1 }, claim.Unsent());
            Assert.Equal(new[] { SenderNoticeKind.OutboxFileQuarantined, SenderNoticeKind.OutboxFileInUse }, notices.Select(n => n.Kind));
            Assert.Contains("line 1: not JSON", notices[0].Message);
            Assert.Single(Directory.GetFiles(outbox.QuarantineDirectory));
            Assert.False(File.Exists(Path.Combine(folder, "2" + Api.Outbox.Extension)));
            Assert.Equal(2, outbox.Count);
            claim.Dispose();
        }

        private static void Acknowledge(OutboxJournal journal, List<JournalRef> refs)
        {
            var batch = new PendingBatch(refs.Select((r, i) => M(i)).ToList(), refs, journal);
            var outcome = new BatchOutcome(batch.Items, batch.Items, Array.Empty<MeasurementRefusal>(), Array.Empty<Measurement>(), null, true)
            {
                Resolved = Enumerable.Range(0, refs.Count).ToList(),
            };
            journal.Acknowledge(batch, outcome);
        }
    }
}
