using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Progress for long work only: nothing during the first two seconds (so short commands stay quiet), then at most
    /// four updates a second with the count and the rate, and a Completed record at the end when anything was shown.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private static readonly long Quiet = Stopwatch.Frequency * 2;
        private static readonly long Interval = Stopwatch.Frequency / 4;
        private readonly Cmdlet cmdlet;
        private readonly int activityId;
        private readonly string activity;
        private readonly string unit;
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private long lastShown = -Interval;
        private bool shown;

        public ProgressReporter(Cmdlet cmdlet, int activityId, string activity, string unit)
        {
            this.cmdlet = cmdlet;
            this.activityId = activityId;
            this.activity = activity;
            this.unit = unit;
        }

        public void Report(long done)
        {
            var now = watch.ElapsedTicks;
            if (now < Quiet || now - lastShown < Interval)
            {
                return;
            }

            lastShown = now;
            shown = true;
            var rate = done / watch.Elapsed.TotalSeconds;
            cmdlet.WriteProgress(new ProgressRecord(activityId, activity,
                string.Format(CultureInfo.InvariantCulture, "{0:N0} {1} ({2:N0} a second)", done, unit, rate)));
        }

        public void Complete()
        {
            if (shown)
            {
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                shown = false;
            }
        }
    }
}
