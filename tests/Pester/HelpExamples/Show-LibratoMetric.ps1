# Setup of the examples of docs/cmdlets/Show-LibratoMetric.md.
$latency = {
    # The last hour of two web servers' latency, with a slow spell half an hour ago, in milliseconds.
    $spike = { param($Values, $At) for ($i = 0; $i -lt $Values.Count; $i++) { $Values[$i] + [math]::Max(0, 130 - 25 * [math]::Abs($i - $At)) } }
    Send-ExampleSeries api.latency (& $spike (Get-ExampleWave 61 -Base 48 -Swing 6 -Seed 1) 33) -Source web1
    Send-ExampleSeries api.latency (& $spike (Get-ExampleWave 61 -Base 42 -Swing 5 -Seed 2) 34) -Source web2
    Set-LibratoMetric api.latency -DisplayUnitsShort ms
}
@{
    1 = $latency
    2 = {
        # A day of two databases' connections at one point every 15 minutes.
        Send-ExampleSeries db.connections (Get-ExampleWave 97 -Base 54 -Swing 40 -Seed 1 -Period 60) -Every 900 -Tags @{ db = 'db-prod-1'; region = 'eu-west' }
        Send-ExampleSeries db.connections (Get-ExampleWave 97 -Base 46 -Swing 40 -Seed 9 -Period 60) -Every 900 -Tags @{ db = 'db-prod-1'; region = 'us-east' }
        Send-ExampleSeries db.connections (Get-ExampleWave 97 -Base 20 -Swing 5 -Seed 4) -Every 900 -Tags @{ db = 'db-test-1'; region = 'us-east' }
    }
    3 = {
        $depth = @(0) * 12 + @(40, 180, 310, 412, 398, 350, 260, 190, 120, 60, 17) + @(0) * 8
        Send-ExampleSeries queue.depth $depth -Source worker-1
    }
    4 = [scriptblock]::Create("$latency`nSend-ExampleSeries api.errors (@(0) * 40 + @(1, 3, 2, 0) + @(0) * 17) -Source web1")
    5 = {
        # Yesterday, one point every 5 minutes.
        $end = [int](($ExampleNow - $ExampleNow.Date).TotalMinutes) + 5
        Send-ExampleSeries api.latency (Get-ExampleWave 288 -Base 60 -Swing 15 -Seed 1 -Period 90) -Source web1 -Every 300 -EndMinutes $end
        Send-ExampleSeries api.latency (Get-ExampleWave 288 -Base 52 -Swing 12 -Seed 2 -Period 90) -Source web2 -Every 300 -EndMinutes $end
        Send-ExampleSeries api.errors (Get-ExampleWave 288 -Base 1 -Swing 1 -Seed 3 -Period 90) -Source web1 -Every 300 -EndMinutes $end
    }
}
