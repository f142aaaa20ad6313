# Setup of the examples of docs/cmdlets/Set-LibratoMetric.md.
@{
    1 = { Send-LibratoMetric api.latency_ms 182 -Source web-01 }
    2 = {
        Send-LibratoMetric api.latency_ms 182 -Source web-01
        Send-LibratoMetric db.latency_ms 12 -Source db-01
    }
    3 = {
        foreach ($name in 'windows.disk.free_percent', 'windows.disk.used_percent', 'windows.disk.queue_length') {
            Send-LibratoMetric $name 1 -Tags @{ host = 'fs-01'; drive = 'd' }
        }
    }
    4 = @{}
    6 = {
        Send-LibratoMetric sql.deadlocks_per_minute 0 -Source sql-03
        Send-LibratoMetric sql.batch_requests_per_second 412 -Source sql-03
        @'
Name,Description,Units,Summarize
sql.deadlocks_per_minute,Deadlocks per minute,deadlocks,sum
sql.batch_requests_per_second,Batch requests per second,requests,average
'@ | Set-Content .\metric-definitions.csv
    }
    7 = @{ Setup = { Send-LibratoMetric web.requests.per_minute 1412 -Source web-01 }; Answers = 'y' }
    # The examples below show no output: their entries show that they print nothing.
    5 = {
        Send-LibratoMetric iis.requests_per_second 412 -Source web-01
        Send-LibratoMetric iis.current_connections 37 -Source web-01
        Set-LibratoMetric iis.current_connections -DisplayUnitsLong connections
    }
}
