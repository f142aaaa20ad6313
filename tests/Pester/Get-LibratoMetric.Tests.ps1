BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
}

Describe 'Get-LibratoMetric (<Api>)' -ForEach @(@{ Api = 'Librato' }, @{ Api = 'AppOptics' }) {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Api $Api
        Connect-TestEmulator $Emulator | Out-Null
        # AppOptics takes tagged measurements only; where the metric, not its sources, is under test, tag it.
        $script:Placed = if ($Api -eq 'AppOptics') { @{ Tags = @{ host = 'test' } } } else { @{} }
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    Context 'listing' {
        BeforeAll {
            Reset-Emulator $Emulator
            # 250 metrics: more than two pages of 100.
            1..250 | ForEach-Object { [pscustomobject]@{ Name = 'list.m{0:000}' -f $_; Value = $_ } } | Send-LibratoMetric @Placed
            Send-LibratoMetric -Name other.metric -Value 1 @Placed
        }

        It 'returns every metric across pages' {
            $all = Get-LibratoMetric
            $all | Should -HaveCount 251
            $all[0] | Should -BeOfType ([Librato.Api.LibratoMetric])
            ($all.Name | Select-Object -Unique) | Should -HaveCount 251
            $pages = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/metrics' }
            $pages.Count | Should -BeGreaterOrEqual 3
        }

        It 'filters by a wildcard pattern' {
            $some = Get-LibratoMetric -Name 'list.m1*'
            $some | Should -HaveCount 100
            $some.Name | ForEach-Object { $_ | Should -BeLike 'list.m1*' }
            Get-LibratoMetric 'other.*' | Select-Object -ExpandProperty Name | Should -Be 'other.metric'
        }

        It 'writes the first page before the last one is read' {
            $first = Get-LibratoMetric -Name 'list.*' | Select-Object -First 3
            # Select-Object -First stops the pipeline: only the first page was requested.
            $pages = Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' } | Select-Object -Last 1
            $pages.query | Should -Match 'offset=0'
            $first | Should -HaveCount 3
        }
    }

    Context 'one metric' {
        BeforeAll {
            Reset-Emulator $Emulator
            Send-LibratoMetric -Name temperature -Value 10 -Description 'temperature at home' @Placed
            if ($Api -eq 'AppOptics') {
                # A tagged submission carries no description (the API has no field for it): set it on the metric.
                Set-LibratoMetric temperature -Description 'temperature at home'
            }
        }

        It 'gets metadata by exact name' {
            $m = Get-LibratoMetric temperature
            $m.Name | Should -Be 'temperature'
            $m.Description | Should -Be 'temperature at home'
            $m.Type | Should -Be 'gauge'
            $m.Measurements | Should -HaveCount 0
            $m.Attributes['created_by_ua'] | Should -BeLike 'Librato.PowerShell/*'
        }

        It 'reports a missing metric with Librato.MetricNotFound and goes on with the next name' {
            $found = Get-LibratoMetric -Name no.such.metric, temperature -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].TargetObject | Should -Be 'no.such.metric'
            $found.Name | Should -Be 'temperature'
        }

        It 'takes names from the pipeline, including its own output' {
            (Get-LibratoMetric temperature | Get-LibratoMetric).Name | Should -Be 'temperature'
            ('temperature' | Get-LibratoMetric).Name | Should -Be 'temperature'
        }
    }

    Context 'with measurements' {
        BeforeAll {
            Reset-Emulator $Emulator
            $script:Start = $Now - 600
            # 240 points a source for two sources: more than one answer's worth.
            $points = foreach ($source in 'web-1', 'web-2') {
                for ($i = 0; $i -lt 240; $i++) {
                    [pscustomobject]@{ Name = 'series.cpu'; Value = $i; Source = $source; Time = $Start + $i }
                }
            }
            # AppOptics refuses all of these (sources; no tags): a tagged point sent among them must still arrive.
            $tagged = [pscustomobject]@{ Name = 'series.tagged'; Value = 5; Tags = @{ host = 'web-1' }; Time = $Start }
            @($points[0..119]) + $tagged + @($points[120..479]) | Send-LibratoMetric -ErrorVariable script:seedErrors -ErrorAction SilentlyContinue
            Send-LibratoMetric -Name series.plain -Value 10 -Time ($Now - 30) -ErrorVariable +script:seedErrors -ErrorAction SilentlyContinue

            function script:Assert-LegacySeedRefused {
                # What these source-based tests read never reached AppOptics; only the tagged point did.
                param([string] $Metric)
                $ids = @($seedErrors | ForEach-Object FullyQualifiedErrorId)
                $ids | Should -HaveCount 481
                @($ids -like 'Librato.AppOpticsNoSources*') | Should -HaveCount 480
                $ids[-1] | Should -BeLike 'Librato.AppOpticsTagsRequired*'
                $seedErrors[0].TargetObject | Should -Be $points[0]
                @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/metrics' }) | Should -HaveCount 0
                (Get-EmulatorStats $Emulator).per_metric.PSObject.Properties.Name | Should -Be 'series.tagged'
                (Get-LibratoMetric series.tagged).Name | Should -Be 'series.tagged'
                Get-LibratoMetric $Metric -Resolution 1 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
            }
        }

        It 'stores the seed in Librato, tagged point included' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.cpu; return }
            $seedErrors | Should -BeNullOrEmpty
            (Get-EmulatorStats $Emulator).per_metric.'series.tagged'.measurements | Should -Be 1
        }

        It 'reads every point, following the continuation, in source then time order (AppOptics: refused seed)' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.cpu; return }
            $m = Get-LibratoMetric series.cpu -StartTime $Start -Resolution 1
            $m.Measurements | Should -HaveCount 480
            $m.Resolution | Should -Be 1
            $web1 = $m.Measurements | Where-Object Source -EQ 'web-1'
            $web1 | Should -HaveCount 240
            $web1[0].Value | Should -Be 0
            $web1[239].Value | Should -Be 239
            $web1[0].Time | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Start).UtcDateTime)
            $m.Measurements[0].Source | Should -Be 'web-1'
            $m.Measurements[479].Source | Should -Be 'web-2'
        }

        It 'reads the last N points with -Count (AppOptics: refused seed)' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.cpu; return }
            $m = Get-LibratoMetric series.cpu -Count 5 -Resolution 1 -Source web-2
            $m.Measurements | Should -HaveCount 5
            $m.Measurements.Value | Should -Be @(235, 236, 237, 238, 239)
            $m.Measurements.Source | Select-Object -Unique | Should -Be 'web-2'
        }

        It 'rolls points up at a coarser resolution (AppOptics: refused seed)' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.cpu; return }
            $m = Get-LibratoMetric series.cpu -StartTime $Start -Resolution 60 -Source web-1
            ($m.Measurements | Measure-Object Count -Sum).Sum | Should -Be 240
            $m.Measurements | ForEach-Object { $_.Time.Second | Should -Be 0 }
        }

        It 'puts points without a source under unassigned, as the README of the original shows (AppOptics: refused)' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.plain; return }
            $m = Get-LibratoMetric series.plain -Count 1 -Resolution 1
            $m.Measurements[0].Source | Should -Be 'unassigned'
            $m.Measurements[0].Value | Should -Be 10
            $m.Measurements[0].Count | Should -Be 1
            $m.Measurements[0].SumSquares | Should -Be 100
        }

        It 'reads the last hour by default (AppOptics: refused seed)' {
            if ($Api -eq 'AppOptics') { Assert-LegacySeedRefused series.plain; return }
            $m = Get-LibratoMetric series.plain -Resolution 1
            $m.Measurements | Should -HaveCount 1
        }
    }
}
