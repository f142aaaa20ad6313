<#
.SYNOPSIS
    The demo: start the local emulator, send a few hundred measurements through Send-LibratoMetric,
    read them back with Get-LibratoMetric and Get-LibratoMeasurement, show them, and stop the emulator.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Librato.psd1') -Force
Import-Module (Join-Path $PSScriptRoot 'LibratoEmulator.psm1') -Force

$emulator = Start-LibratoEmulator -Path $EmulatorPath
try {
    Write-Host "Librato emulator running at $($emulator.Url)" -ForegroundColor Green
    $token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
    Connect-Librato -Email $emulator.Email -Token $token -Endpoint $emulator.Url | Out-Host

    # Ten whole minutes up to the last minute's start: the same data rolls up to the same numbers in every run.
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    $now -= $now % 60
    $start = $now - 600
    $random = [Random]::new(42)

    # Gauges with sources: CPU of four web servers, one point every 5 seconds for 10 minutes.
    $gauges = foreach ($server in 'web-1', 'web-2', 'web-3', 'web-4') {
        for ($t = $start; $t -lt $now; $t += 5) {
            [pscustomobject]@{ Name = 'demo.cpu.percent'; Value = [math]::Round(20 + 60 * $random.NextDouble(), 1); Source = $server; Time = $t }
        }
    }

    # Tagged measurements: request latency by region and host.
    $tagged = foreach ($region in 'us-east', 'eu-west') {
        for ($t = $start; $t -lt $now; $t += 15) {
            [pscustomobject]@{ Name = 'demo.http.latency'; Value = [math]::Round(80 + 40 * $random.NextDouble(), 1); Tags = @{ region = $region; service = 'api' }; Time = $t }
        }
    }

    # A counter: requests served by the load balancer, monotonically increasing.
    $total = 0
    $counter = for ($t = $start; $t -lt $now; $t += 30) {
        $total += $random.Next(500, 1500)
        [pscustomobject]@{ Name = 'demo.requests.total'; Value = $total; Source = 'lb-1'; Type = 'counter'; Time = $t }
    }

    $all = @($gauges) + @($tagged) + @($counter)
    Write-Host "`nSending $($all.Count) measurements through Send-LibratoMetric..." -ForegroundColor Green
    $sent = $all | Send-LibratoMetric -PassThru
    Write-Host "Sent $(@($sent).Count) measurements in batches of 300." -ForegroundColor Green

    Write-Host "`nThe metrics, read back with Get-LibratoMetric:" -ForegroundColor Green
    Get-LibratoMetric 'demo.*' | Format-Table -AutoSize | Out-Host

    Write-Host 'CPU per server, rolled up to one point a minute:' -ForegroundColor Green
    $cpu = Get-LibratoMetric demo.cpu.percent -StartTime $start -Resolution 60
    $cpu.Measurements | Select-Object -Last 8 | Format-Table -AutoSize | Out-Host
    $cpu.Measurements | Group-Object Source | ForEach-Object {
        $stats = $_.Group | Measure-Object -Property Count -Sum
        [pscustomobject]@{ Source = $_.Name; Points = [int]$stats.Sum; Minutes = $_.Count; Average = [math]::Round(($_.Group | Measure-Object Value -Average).Average, 1) }
    } | Format-Table -AutoSize | Out-Host

    Write-Host 'Tagged latency, read back with Get-LibratoMeasurement and averaged per region:' -ForegroundColor Green
    $latency = Get-LibratoMeasurement demo.http.latency -StartTime $start -Resolution 60
    $latency | Select-Object -Last 4 | Format-Table -AutoSize | Out-Host
    $latency | Group-Object { $_.Tags.region } | ForEach-Object {
        [pscustomobject]@{ Region = $_.Name; Minutes = $_.Count; Average = [math]::Round(($_.Group | Measure-Object Value -Average).Average, 1) }
    } | Format-Table -AutoSize | Out-Host

    Write-Host 'The last five counter readings:' -ForegroundColor Green
    (Get-LibratoMetric demo.requests.total -Count 5 -Resolution 1).Measurements | Format-Table -AutoSize | Out-Host

    $cpuBack = (Get-LibratoMetric demo.cpu.percent -StartTime $start -Resolution 1).Measurements.Count
    $counterBack = (Get-LibratoMetric demo.requests.total -StartTime $start -Resolution 1).Measurements.Count
    $latencyBack = @(Get-LibratoMeasurement demo.http.latency -StartTime $start -Resolution 1).Count
    $stats = Invoke-LibratoEmulatorControl -Emulator $emulator -Path 'stats'
    Write-Host ("Read back {0} of {1} CPU points, {2} of {3} latency, {4} of {5} counter." -f `
        $cpuBack, @($gauges).Count, $latencyBack, @($tagged).Count, $counterBack, @($counter).Count) -ForegroundColor Green
    if ($cpuBack -ne @($gauges).Count -or $latencyBack -ne @($tagged).Count -or $counterBack -ne @($counter).Count -or $stats.measurements -ne $all.Count) {
        throw 'The measurements read back differ from those sent.'
    }
}
finally {
    Disconnect-Librato
    $emulator | Stop-LibratoEmulator
    Write-Host 'Emulator stopped.' -ForegroundColor Green
}
