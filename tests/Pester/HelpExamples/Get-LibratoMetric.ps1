# Setup of the examples of docs/cmdlets/Get-LibratoMetric.md.
$metrics = {
    Send-LibratoMetric app.queue.depth 42 -Source worker-01
    Send-LibratoMetric weather.temperature 22.5 -Tags @{ city = 'austin' }
    Send-ExampleSeries web.cpu.percent (Get-ExampleWave 30 -Base 45 -Swing 15 -Seed 1 -Decimals 1) -Source web-01 -Description 'CPU busy percent per web server'
    Send-ExampleSeries web.cpu.percent (Get-ExampleWave 30 -Base 40 -Swing 12 -Seed 2 -Decimals 1) -Source web-02
    # A counter: the running total of requests one load balancer served, read once a minute.
    $total = 1000
    Send-ExampleSeries web.requests.total @(foreach ($step in Get-ExampleWave 30 -Base 200 -Swing 40 -Seed 3) { ($total += $step) }) -Source lb-01 -Type counter
}
@{
    1 = $metrics
    2 = $metrics
    3 = $metrics
    4 = $metrics
    5 = $metrics
    7 = {
        foreach ($server in 1..3) {
            Send-ExampleSeries web.requests.per_minute (Get-ExampleWave 10 -Base 1400 -Swing 150 -Seed $server) -Source "web-0$server"
        }
    }
    8 = {
        $seed = 0
        foreach ($server in @{ Name = 'fs-01'; Free = 20 }, @{ Name = 'fs-02'; Free = 9 }, @{ Name = 'sql-03'; Free = 33 }) {
            $seed++
            $values = Get-ExampleWave 168 -Base $server.Free -Swing 2.5 -Seed $seed -Decimals 2 -Period 24
            Send-ExampleSeries windows.disk.free_percent $values -Source $server.Name -Every 3600 -EndMinutes ($ExampleNow.Minute)
        }
    }
    9 = @{ Setup = $metrics; Errors = $true }
}
