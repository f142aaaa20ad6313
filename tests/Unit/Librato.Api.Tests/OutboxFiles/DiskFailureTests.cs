using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Librato.Api;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Librato.Api.Tests.OutboxFiles
{
    /// <summary>The outbox on a real full or read-only disk: what was written stays whole, and every failure is said.</summary>
    public sealed class DiskFailureTests
    {
        private readonly FakeTimeProvider clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

        private static Measurement M(int i) => new Measurement("m", i) { Source = "s" + i, Time = 1796644800 };

        private static string[] Outboxes(string folder) => Directory.GetFiles(folder, "*" + Api.Outbox.Extension);

        [TinyDiskFact]
        public void A_commit_that_fills_the_disk_is_cut_back_and_the_file_takes_nothing_more()
        {
            using var disk = TinyDisk.Mount("64k");
            var path = Path.Combine(disk.Path, "a" + Api.Outbox.Extension);
            var file = OutboxFile.Create(path, 1);
            file.Append(M(0));
            file.Commit();
            var kept = new FileInfo(path).Length;
            disk.Fill();

            for (var i = 1; i <= 300; i++)
            {
                file.Append(M(i));
            }

            Assert.ThrowsAny<IOException>(() => file.Commit());
            Assert.True(file.IsBroken);
            Assert.Equal(kept, new FileInfo(path).Length);
            Assert.True(file.IsDurable(0));
            Assert.False(file.IsDurable(1));

            // Nothing waits to be written: committing again is nothing; a new line is refused.
            file.Commit();
            file.Append(M(999));
            var again = Assert.Throws<IOException>(() => file.Commit());
            Assert.Equal("An earlier write to this outbox file failed.", again.Message);
            file.Dispose();

            using var reopened = OutboxFile.Open(path);
            Assert.Equal(new[] { "s0" }, reopened.Read().Measurements.Select(m => m.Source));
        }

        [TinyDiskFact]
        public void A_journal_on_a_full_disk_stops_writing_ahead_says_so_once_and_keeps_what_it_wrote()
        {
            using var disk = TinyDisk.Mount("64k");
            var journal = new OutboxJournal(new Api.Outbox(disk.Path), clock);
            var first = journal.Append(M(0));
            journal.Commit();
            disk.Fill();
            for (var i = 1; i <= 300; i++)
            {
                Assert.NotNull(journal.Append(M(i)).File);
            }

            journal.Commit();

            Assert.IsAssignableFrom<IOException>(journal.Failure);
            var notice = Assert.Single(journal.TakeNotices());
            Assert.Equal(SenderNoticeKind.WriteAheadStopped, notice.Kind);
            Assert.StartsWith($"The outbox '{disk.Path}' cannot be written (", notice.Message);
            Assert.EndsWith("; measurements are no longer written ahead, so those that cannot be sent are reported instead of kept.", notice.Message);
            Assert.Null(journal.Append(M(1000)).File);
            journal.Commit();
            Assert.Empty(journal.TakeNotices());
            Assert.True(first.File!.IsDurable(first.Position));

            Assert.Equal(1, journal.Close());
            var content = OutboxJson.Read(File.ReadAllBytes(Assert.Single(Outboxes(disk.Path))));
            Assert.Equal(new[] { "s0" }, content.Measurements.Select(m => m.Source));
        }

        [TinyDiskFact]
        public void An_acknowledgement_the_full_disk_refuses_is_said_and_its_measurements_wait_for_a_later_run()
        {
            using var disk = TinyDisk.Mount("1m");
            var journal = new OutboxJournal(new Api.Outbox(disk.Path), clock);
            var refs = Enumerable.Range(0, 3000).Select(i => journal.Append(M(i))).ToList();
            journal.Commit();
            disk.Fill();

            // Every other position: an acknowledgement line of 1,500 ranges, longer than the file's last page can hold.
            var batch = new PendingBatch(refs.Select((r, i) => M(i)).ToList(), refs, journal);
            var outcome = new BatchOutcome(batch.Items, batch.Items, Array.Empty<MeasurementRefusal>(), Array.Empty<Measurement>(), null, true)
            {
                Resolved = Enumerable.Range(0, 1500).Select(i => 2 * i).ToList(),
            };
            journal.Acknowledge(batch, outcome);

            var notice = Assert.Single(journal.TakeNotices());
            Assert.Equal(SenderNoticeKind.OutboxNotUpdated, notice.Kind);
            Assert.Matches(@"^The outbox file '.+' could not record that 1500 measurement\(s\) were delivered \(.+\); a later run may send them again\.$", notice.Message);
            Assert.Equal(3000, journal.Close());
        }

        [TinyDiskFact]
        public void A_spool_that_does_not_fit_leaves_no_file_behind()
        {
            using var disk = TinyDisk.Mount("64k");
            var outbox = new Api.Outbox(disk.Path);
            var filler = disk.Fill();

            // Room for the first line of a new file only.
            using (var s = new FileStream(filler, FileMode.Open))
            {
                s.SetLength(s.Length - 4096);
            }

            Assert.ThrowsAny<IOException>(() => outbox.Spool(Enumerable.Range(0, 300).Select(M).ToList(), clock));
            Assert.Empty(Outboxes(disk.Path));

            // And on a disk with no room at all, the file cannot even be started.
            disk.Fill();
            Assert.ThrowsAny<IOException>(() => outbox.Spool(new[] { M(0) }, clock));
            Assert.Empty(Outboxes(disk.Path));
        }

        [TinyDiskFact]
        public void A_read_only_outbox_is_not_claimed_and_says_to_check_the_permissions()
        {
            using var disk = TinyDisk.Mount("64k");
            var outbox = new Api.Outbox(disk.Path);
            outbox.Spool(new[] { M(0) }, clock);
            File.WriteAllText(Path.Combine(disk.Path, "0" + Api.Outbox.Extension), "garbage\n");
            disk.MakeReadOnly();
            var notices = new List<SenderNotice>();

            Assert.Empty(outbox.Claim(clock, notices.Add));

            Assert.Equal(2, notices.Count);
            Assert.All(notices, n => Assert.Equal(SenderNoticeKind.OutboxFileNotClaimed, n.Kind));
            Assert.Matches(
                "^The outbox file '0.outbox.jsonl' cannot be claimed \\(.+\\); it stays in '" + disk.Path + "' and is not sent\\. Check the folder's permissions\\.$",
                notices[0].Message);
            Assert.Equal(2, outbox.Count);
        }

        [TinyDiskFact]
        public void A_journal_that_cannot_start_a_file_says_so()
        {
            using var disk = TinyDisk.Mount("64k");
            disk.MakeReadOnly();
            var journal = new OutboxJournal(new Api.Outbox(disk.Path), clock);
            Assert.Null(journal.Append(M(0)).File);
            Assert.Equal(SenderNoticeKind.WriteAheadStopped, Assert.Single(journal.TakeNotices()).Kind);
            Assert.Equal(0, journal.Close());
        }
    }
}
