BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Get-SentGauges {
        Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics' | ForEach-Object { ($_.body | ConvertFrom-Json).gauges }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'New-LibratoAggregator' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'sends count, sum, min, max and squares, stored with the mean as value' {
        $a = New-LibratoAggregator
        $a.Add('foo', 42)
        $a.Add('foo', 5)
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $a.Submit()
        $g = Get-SentGauges
        $g.count | Should -Be 2
        $g.sum | Should -Be 47
        $g.min | Should -Be 5
        $g.max | Should -Be 42
        $g.measure_time | Should -BeGreaterOrEqual $before
        $point = (Get-LibratoMetric foo -Count 1 -Resolution 1).Measurements[0]
        $point.Value | Should -Be 23.5
        $point.Source | Should -Be 'unassigned'
        $a.Count | Should -Be 0
    }

    It 'floors now to the period and reports the source' {
        $a = New-LibratoAggregator -Source my.source -Period 60
        $a.Add('foo', 42)
        $a.Add('foo', 5)
        $a | Send-LibratoMetric
        $g = Get-SentGauges
        $g.source | Should -Be 'my.source'
        $g.measure_time % 60 | Should -Be 0
    }

    It 'floors a given time to the period' {
        $recent = [DateTimeOffset]::UtcNow.AddMinutes(-10).ToUnixTimeSeconds()
        $time = $recent - ($recent % 60) + 31
        $a = New-LibratoAggregator -Period 60 -Time $time
        $a.Add('foo', 42)
        $a.Add('foo', 5)
        $a.Submit()
        (Get-SentGauges).measure_time | Should -Be ($time - 31)
    }

    It 'keeps a given time as it is without a period' {
        $time = [DateTimeOffset]::UtcNow.AddMinutes(-10).ToUnixTimeSeconds() + 1
        $a = New-LibratoAggregator -Time $time
        $a.Add('foo', 42)
        $a.Submit()
        (Get-SentGauges).measure_time | Should -Be $time
    }

    It 'can be added to a queue, which empties it' {
        $a = New-LibratoAggregator
        $a.Add('agg.queued', 1)
        $a.Add('agg.queued', 3)
        $q = New-LibratoQueue
        $q.AddAggregator($a)
        $a.Count | Should -Be 0
        Submit-LibratoQueue $q
        (Get-SentGauges).sum | Should -Be 4
    }
}

Describe 'Send-LibratoMetric -Aggregate' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'summarizes piped values into one measurement per metric' {
        $file = Join-Path $TestDrive 'latencies.txt'
        Set-Content -Path $file -Value @('120', '80', '100', '', '250')
        Get-Content $file | Send-LibratoMetric -Name api.latency -Aggregate -Period 60 -ErrorVariable errs -ErrorAction SilentlyContinue
        $g = Get-SentGauges
        $g | Should -HaveCount 1
        $g.count | Should -Be 4
        $g.sum | Should -Be 550
        $g.min | Should -Be 80
        $g.max | Should -Be 250
        $g.measure_time % 60 | Should -Be 0
        $g.period | Should -Be 60
        $errs | Should -HaveCount 1
    }

    It 'groups by source and by period bucket' {
        $base = [DateTimeOffset]::UtcNow.AddMinutes(-30).ToUnixTimeSeconds()
        $base -= $base % 60
        @(
            [pscustomobject]@{ Name = 'agg.cpu'; Value = 1; Source = 'a'; Time = $base + 1 }
            [pscustomobject]@{ Name = 'agg.cpu'; Value = 3; Source = 'a'; Time = $base + 59 }
            [pscustomobject]@{ Name = 'agg.cpu'; Value = 5; Source = 'a'; Time = $base + 61 }
            [pscustomobject]@{ Name = 'agg.cpu'; Value = 7; Source = 'b'; Time = $base + 2 }
        ) | Send-LibratoMetric -Aggregate -Period 60
        $g = Get-SentGauges | Sort-Object source, measure_time
        $g | Should -HaveCount 3
        $g[0].source | Should -Be 'a'
        $g[0].sum | Should -Be 4
        $g[0].measure_time | Should -Be $base
        $g[1].sum | Should -Be 5
        $g[1].measure_time | Should -Be ($base + 60)
        $g[2].source | Should -Be 'b'
    }
}
