# Setup of the examples of docs/cmdlets/Get-LibratoMeasurement.md.
$latency = {
    # One point a minute for the last hour, per web server, sent by source.
    Send-ExampleSeries api.latency (Get-ExampleWave 61 -Base 64 -Swing 8 -Seed 1) -Source web1
    Send-ExampleSeries api.latency (Get-ExampleWave 61 -Base 69 -Swing 8 -Seed 2) -Source web2
}
$queries = {
    # One point a minute for the last hour, per database host, tagged with its region.
    Send-ExampleSeries db.query_ms (Get-ExampleWave 61 -Base 12 -Swing 2 -Seed 1 -Decimals 1) -Tags @{ host = 'db-1'; region = 'us-east' }
    Send-ExampleSeries db.query_ms (Get-ExampleWave 61 -Base 16 -Swing 3 -Seed 2 -Decimals 1) -Tags @{ host = 'db-2'; region = 'us-east' }
    Send-ExampleSeries db.query_ms (Get-ExampleWave 61 -Base 21 -Swing 3 -Seed 3 -Decimals 1) -Tags @{ host = 'db-3'; region = 'eu-west' }
}
@{
    1 = $latency
    2 = $queries
    # The nightly backup last reported 26 hours ago.
    3 = { Send-LibratoMetric backup.duration 812 -Source nas-1 -Time (Get-ExampleTime (26 * 60)) }
    5 = {
        $seed = 0
        foreach ($server in @{ Host = 'web-01'; Region = 'us-east' }, @{ Host = 'web-02'; Region = 'us-east' }, @{ Host = 'web-03'; Region = 'eu-west' }) {
            $seed++
            Send-ExampleSeries web.requests.per_minute (Get-ExampleWave 5 -Base 1450 -Swing 120 -Seed $seed) -Tags @{ host = $server.Host; region = $server.Region }
        }
    }
    6 = [scriptblock]::Create("$latency`n$queries")
}
