# Each example of the original library's README (Basic Usage to Updating Metric Attributes, and Client-side
# Aggregation), done the PowerShell way and checked against what the emulator stored.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Basic usage' {
    BeforeAll { Reset-Emulator $Emulator }

    It 'iterates over every metric with transparent pagination' {
        1..120 | ForEach-Object { [pscustomobject]@{ Name = "basic.m$_"; Value = $_ } } | Send-LibratoMetric
        (Get-LibratoMetric | ForEach-Object Name) | Should -HaveCount 120
    }

    It 'submits a gauge with a description, creating the metric' {
        Send-LibratoMetric temperature 10 -Description 'temperature at home'
        $m = Get-LibratoMetric temperature
        $m.Type | Should -Be 'gauge'
        $m.Description | Should -Be 'temperature at home'
        $m.Measurements | Should -HaveCount 0
    }

    It 'submits a counter' {
        Send-LibratoMetric connections 20 -Type counter -Description 'server connections'
        (Get-LibratoMetric connections).Type | Should -Be 'counter'
    }

    It 'lists names with descriptions' {
        $line = Get-LibratoMetric | Where-Object Name -EQ 'temperature' | ForEach-Object { "$($_.Name): $($_.Description)" }
        $line | Should -Be 'temperature: temperature at home'
    }

    It 'retrieves the last measurement under unassigned' {
        $m = Get-LibratoMetric temperature -Count 1 -Resolution 1
        $p = $m.Measurements[0]
        $p.Source | Should -Be 'unassigned'
        $p.Value | Should -Be 10
        $p.Count | Should -Be 1
        $p.Sum | Should -Be 10
        $p.Min | Should -Be 10
        $p.Max | Should -Be 10
        $p.SumSquares | Should -Be 100
    }

    It 'iterates over up to 100 measurements of a source' {
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        1..150 | ForEach-Object { [pscustomobject]@{ Name = 'temperature'; Value = $_; Source = 'sf'; Time = $now - 150 + $_ } } | Send-LibratoMetric
        $points = (Get-LibratoMetric temperature -Count 100 -Resolution 1 -Source sf).Measurements
        $points | Should -HaveCount 100
        $points[-1].Value | Should -Be 150
        $points | ForEach-Object { "$($_.Value): $($_.Time)" } | Select-Object -First 1 | Should -Match '^51: '
    }

    It 'gets a composite across sources for the last hours' {
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $hour = $now - ($now % 3600) - 3600
        'austin', 'nyc' | ForEach-Object { Send-LibratoMetric -Name city.temperature -Value 40 -Source $_ -Time ($hour + 60) }
        $compose = 'mean(s("city.temperature", "*", {function: "mean", period: "3600"}))'
        $series = Get-LibratoMeasurement -Compose $compose -StartTime ($now - 8 * 3600) -Resolution 60
        $series | Should -Not -BeNullOrEmpty
        ($series | Where-Object { $_.Time -eq [DateTimeOffset]::FromUnixTimeSeconds($hour).UtcDateTime }).Value | Should -Be 40
    }

    It 'saves a composite metric' {
        New-LibratoCompositeMetric humidity 'sum(s("all.*", "*"))' -Description 'a test composite' | Out-Null
        (Get-LibratoMetric humidity).Composite | Should -Be 'sum(s("all.*", "*"))'
    }

    It 'deletes a metric' {
        Remove-LibratoMetric temperature -Force
        Get-LibratoMetric temperature -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Sending measurements in batch mode' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'queues and submits gauges and counters with sources' {
        $q = New-LibratoQueue
        $q.Add('temperature', 22.1, 'upstairs')
        $q.Add('temperature', 23.1, 'dowstairs')
        $q.AddCounter('num_requests', 100, 'server1')
        $q.AddCounter('num_requests', 102, 'server2')
        Submit-LibratoQueue $q
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.temperature.measurements | Should -Be 2
        $stats.per_metric.num_requests.measurements | Should -Be 2
    }

    It 'submits at the end of a block even when it throws' {
        { Use-LibratoQueue { $_.Add('temperature', 22.1, 'upstairs'); throw 'potentially dangerous operation'; $_.AddCounter('num_requests', 100, 'server1') } } |
            Should -Throw
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.temperature.measurements | Should -Be 1
        $stats.per_metric.PSObject.Properties.Name | Should -Not -Contain 'num_requests'

        Use-LibratoQueue { $_.Add('temperature', 22.1, 'upstairs'); $_.AddCounter('num_requests', 100, 'server1') }
        (Get-EmulatorStats $Emulator).per_metric.num_requests.measurements | Should -Be 1
    }

    It 'auto-submits at the 400th measurement' {
        $q = New-LibratoQueue -AutoSubmitCount 400
        1..400 | ForEach-Object { $q.Add('auto', $_, "s$_") }
        (Get-EmulatorStats $Emulator).measurements | Should -Be 400
    }
}

Describe 'Submitting tagged measurements' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'submits with tags' {
        Send-LibratoMetric temperature 22 -Tags @{ city = 'austin'; station = '27' }
        $p = Get-LibratoMeasurement temperature -Resolution 1 -Tag @{ city = 'austin' }
        $p.Value | Should -Be 22
        $p.Tags.station | Should -Be '27'
    }

    It 'queues tagged measurements' {
        $q = New-LibratoQueue
        $q.Add('temperature', 12, @{ city = 'sf'; station = '12' })
        $q.Add('temperature', 14, @{ city = 'new york'; station = '1' })
        $q.Add('temperature', 22, @{ city = 'austin'; station = '112' })
        Submit-LibratoQueue $q
        (Get-EmulatorStats $Emulator).per_metric.temperature.series | Should -Be 3
        (Get-LibratoMeasurement temperature -Resolution 1 -Tag @{ city = 'new york' }).Value | Should -Be 14
    }
}

Describe 'Updating metric attributes' {
    It 'sets display_units_long on every listed metric by read-modify-write' {
        Reset-Emulator $Emulator
        'upd.a', 'upd.b' | ForEach-Object { Send-LibratoMetric $_ 1 }
        foreach ($metric in Get-LibratoMetric) {
            $attributes = (Get-LibratoMetric $metric.Name).Attributes
            $attributes['display_units_long'] = 'ms'
            Set-LibratoMetric $metric.Name -Attributes $attributes
        }
        Get-LibratoMetric | ForEach-Object { $_.Attributes['display_units_long'] | Should -Be 'ms' }
    }
}

Describe 'Client-side aggregation' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'aggregates with the four time settings of the original' {
        $recent = [DateTimeOffset]::UtcNow.AddMinutes(-20).ToUnixTimeSeconds()
        $cases = @(
            @{ Params = @{}; Expect = { param($t) $t -ge $recent } }
            @{ Params = @{ Source = 'my.source'; Period = 60 }; Expect = { param($t) $t % 60 -eq 0 } }
            @{ Params = @{ Period = 60; Time = $recent + 31 - ($recent % 60) }; Expect = { param($t) $t -eq $recent - ($recent % 60) } }
            @{ Params = @{ Time = $recent + 7 }; Expect = { param($t) $t -eq $recent + 7 } }
        )
        foreach ($case in $cases) {
            Reset-Emulator $Emulator
            $params = $case.Params
            $a = New-LibratoAggregator @params
            $a.Add('foo', 42)
            $a.Add('foo', 5)
            $a.Submit()
            $gauge = ((Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').body | ConvertFrom-Json).gauges[0]
            $gauge.count | Should -Be 2
            $gauge.sum | Should -Be 47
            $gauge.min | Should -Be 5
            $gauge.max | Should -Be 42
            & $case.Expect $gauge.measure_time | Should -BeTrue
            if ($params.Source) { $gauge.source | Should -Be 'my.source' }
        }
    }

    It 'adds an aggregator to a queue' {
        $a = New-LibratoAggregator
        $a.Add('foo', 42)
        $a.Add('foo', 5)
        $q = New-LibratoQueue
        $q.AddAggregator($a)
        Submit-LibratoQueue $q
        (Get-LibratoMetric foo -Count 1 -Resolution 1).Measurements[0].Value | Should -Be 23.5
    }
}
