BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Assert-LegacySeedRefused {
        # AppOptics: the source-based seed data was refused on the client, none of it reached the emulator, and
        # the tagged seed data sent in the same run went through.
        $LegacySeedErrors | Should -HaveCount 6
        $LegacySeedErrors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsNoSources*' }
        $LegacySeedErrors[0].TargetObject.Name | Should -Be 'temperature'
        @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/metrics' }) | Should -HaveCount 0
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.PSObject.Properties.Name | Should -Not -Contain 'temperature'
        $stats.per_metric.'db.latency'.measurements | Should -Be 30
    }
}

Describe 'Get-LibratoMeasurement (<Api>)' -ForEach @(@{ Api = 'Librato' }, @{ Api = 'AppOptics' }) {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Api $Api
        Connect-TestEmulator $Emulator | Out-Null
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $script:Start = $now - ($now % 60) - 600
        $points = foreach ($region in 'us-east', 'us-west', 'eu-west') {
            foreach ($db in 'db-prod-1', 'db-stg-1') {
                for ($i = 0; $i -lt 5; $i++) {
                    [pscustomobject]@{ Name = 'db.latency'; Value = 10 * ($i + 1); Tags = @{ region = $region; db = $db }; Time = $Start + 60 * $i }
                }
            }
        }
        $points | Send-LibratoMetric
        # Legacy data for composites; AppOptics refuses every one of these.
        $script:LegacySeedErrors = @()
        foreach ($city in 'austin', 'sf') {
            for ($i = 0; $i -lt 3; $i++) {
                Send-LibratoMetric -Name temperature -Value (20 + $i) -Source $city -Time ($Start + 60 * $i) -ErrorVariable +seedErrors -ErrorAction SilentlyContinue
            }
        }
        $script:LegacySeedErrors = @($seedErrors)
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    It 'seeds the source-based data in Librato only' {
        if ($Api -eq 'AppOptics') {
            Assert-LegacySeedRefused
        }
        else {
            $LegacySeedErrors | Should -HaveCount 0
            (Get-EmulatorStats $Emulator).per_metric.temperature.measurements | Should -Be 6
        }
    }

    Context 'tagged series' {
        It 'emits one object per point with the tags of its series' {
            $points = Get-LibratoMeasurement db.latency -StartTime $Start -Resolution 60
            $points | Should -HaveCount 30
            $points[0] | Should -BeOfType ([Librato.Api.LibratoMeasurement])
            $points[0].Metric | Should -Be 'db.latency'
            $points[0].Tags.region | Should -Not -BeNullOrEmpty
            ($points | Measure-Object Value -Sum).Sum | Should -Be (6 * 150)
        }

        It 'filters by tags, with wildcards and several values' {
            (Get-LibratoMeasurement db.latency -StartTime $Start -Tag @{ region = 'us-*' }) | Should -HaveCount 20
            (Get-LibratoMeasurement db.latency -StartTime $Start -Tag @{ region = 'us-east', 'eu-west'; db = '*prod*' }) | Should -HaveCount 10
        }

        It 'groups series with a group function' {
            $grouped = Get-LibratoMeasurement db.latency -StartTime $Start -GroupBy region -GroupByFunction sum
            $grouped | Should -HaveCount 15
            $grouped | ForEach-Object { $_.Tags.Keys | Should -Be 'region' }
            ($grouped | Where-Object { $_.Tags.region -eq 'us-east' } | Sort-Object Time)[0].Value | Should -Be 20
        }

        It 'searches tags with an expression' {
            (Get-LibratoMeasurement db.latency -StartTime $Start -TagSearch 'region=us-east and db=*prod*') | Should -HaveCount 5
        }

        It 'returns every summary field with -SummaryFunction all' {
            $p = Get-LibratoMeasurement db.latency -StartTime $Start -Tag @{ region = 'us-east'; db = 'db-prod-1' } -SummaryFunction all | Select-Object -First 1
            $p.Count | Should -Be 1
            $p.Sum | Should -Be 10
            $p.Min | Should -Be 10
            $p.Max | Should -Be 10
        }

        It 'works with Sort-Object, Measure-Object and Export-Csv' {
            $file = Join-Path $TestDrive 'points.csv'
            Get-LibratoMeasurement db.latency -StartTime $Start -Tag @{ region = 'eu-west' } | Sort-Object Value -Descending | Export-Csv $file
            $rows = Import-Csv $file
            $rows | Should -HaveCount 10
            [double]$rows[0].Value | Should -Be 50
        }

        It 'reports a missing metric with Librato.MetricNotFound' {
            Get-LibratoMeasurement no.such -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
        }
    }

    Context 'composites' {
        It 'evaluates a composite over sources, as the original README does (AppOptics: no sources to compose)' {
            if ($Api -eq 'AppOptics') {
                Assert-LegacySeedRefused
                return
            }

            $points = Get-LibratoMeasurement -Compose 'mean(s("temperature", "*", {function: "mean", period: "60"}))' -StartTime $Start -Resolution 60
            $points | Should -HaveCount 3
            $points.Value | Should -Be @(20, 21, 22)
        }

        It 'evaluates a composite over tags with -Tagged' {
            $points = Get-LibratoMeasurement -Compose 'sum(s("db.latency", {"region": "us-east"}))' -Tagged -StartTime $Start -Resolution 60
            $points | Should -HaveCount 5
            ($points | Sort-Object Time)[0].Value | Should -Be 20
        }

        It 'reports a composite the API cannot parse with Librato.InvalidComposite' {
            Get-LibratoMeasurement -Compose 'sum(s("x"' -StartTime $Start -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidComposite*'
        }
    }

    Context 'Get-LibratoMetric summaries' {
        BeforeAll {
            function script:Assert-NoSourceData {
                # AppOptics: the seed data these summaries read was refused, so the metric does not exist there.
                param([hashtable] $Summary)
                Assert-LegacySeedRefused
                Get-LibratoMetric temperature -StartTime $Start -Resolution 60 @Summary -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
                $errs[0].TargetObject | Should -Be 'temperature'
            }
        }

        It 'summarizes sources into all with -GroupBy (AppOptics: no such metric)' {
            if ($Api -eq 'AppOptics') { Assert-NoSourceData @{ GroupBy = 'sum' }; return }
            $m = Get-LibratoMetric temperature -StartTime $Start -Resolution 60 -GroupBy sum
            $m.Measurements.Source | Select-Object -Unique | Should -Be 'all'
            ($m.Measurements | Sort-Object Time)[0].Value | Should -Be 40
        }

        It 'adds the all source with -SummarizeSources (AppOptics: no such metric)' {
            if ($Api -eq 'AppOptics') { Assert-NoSourceData @{ SummarizeSources = $true }; return }
            $m = Get-LibratoMetric temperature -StartTime $Start -Resolution 60 -SummarizeSources
            ($m.Measurements.Source | Select-Object -Unique | Sort-Object) | Should -Be @('all', 'austin', 'sf')
        }

        It 'gives one point per source with -SummarizeTime (AppOptics: no such metric)' {
            if ($Api -eq 'AppOptics') { Assert-NoSourceData @{ SummarizeTime = $true }; return }
            $m = Get-LibratoMetric temperature -StartTime $Start -Resolution 60 -SummarizeTime
            $m.Measurements | Should -HaveCount 2
        }
    }
}
