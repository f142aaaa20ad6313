# Setup of the examples of docs/cmdlets/Remove-LibratoMetric.md.
@{
    1 = @{ Setup = { Send-LibratoMetric test.replay 3 -Source lab-01 }; Answers = 'y' }
    2 = {
        foreach ($name in 'legacyapp.jobs.failed', 'legacyapp.jobs.queued', 'legacyapp.latency_ms', 'app.queue.depth') {
            Send-LibratoMetric $name 1 -Source worker-01
        }
    }
    3 = {
        foreach ($name in 'cpu.a.90', 'cpu.b.90', 'cpu.keep.90', 'cpu.a.50') { Send-LibratoMetric $name 1 -Source web-01 }
    }
    4 = {
        0..24 | ForEach-Object { [pscustomobject]@{ Name = 'bulk.m{0:00}' -f $_; Value = $_; Source = 'load-01' } } | Send-LibratoMetric
    }
    5 = @{ Setup = { Send-LibratoMetric temp.reading 1 -Source lab-01 }; Errors = $true }
    6 = {
        foreach ($server in 'web-06', 'web-07') {
            foreach ($name in 'apache.{0}.requests', 'cpu.{0}.busy_percent', 'disk.{0}.free_percent', 'memory.{0}.free_mb') {
                Send-LibratoMetric ($name -f $server) 1
            }
        }
    }
}
