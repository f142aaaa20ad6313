BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Get-Warnings {
        # Runs a read and returns what it wrote to the warning stream, as text.
        param([scriptblock] $Read)
        @(& $Read 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
    }
}

Describe 'Reading points of either kind of series' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        Connect-TestEmulator $Emulator | Out-Null
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $script:Start = $now - ($now % 60) - 600
        # One metric by source, one tagged, and one of each kind whose only point is three hours old.
        foreach ($source in 'web1', 'web2') {
            for ($i = 0; $i -lt 5; $i++) {
                Send-LibratoMetric -Name api.latency -Value (10 * ($i + 1)) -Source $source -Time ($Start + 60 * $i)
            }
        }
        for ($i = 0; $i -lt 5; $i++) {
            Send-LibratoMetric -Name weather.temperature -Value (20 + $i) -Tags @{ city = 'austin'; station = '27' } -Time ($Start + 60 * $i)
        }
        Send-LibratoMetric -Name old.bysource -Value 1 -Source a -Time ($now - 3 * 3600)
        Send-LibratoMetric -Name old.tagged -Value 1 -Tags @{ host = 'h1' } -Time ($now - 3 * 3600)
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    Context 'one way to read' {
        It 'Get-LibratoMeasurement reads a metric by source: one point per object, with source, time and value' {
            $points = Get-LibratoMeasurement api.latency -WarningVariable warned
            $points | Should -HaveCount 10
            $warned | Should -BeNullOrEmpty
            $points | ForEach-Object { $_.Metric | Should -Be 'api.latency'; $_.Tags | Should -BeNullOrEmpty }
            ($points.Source | Sort-Object -Unique) | Should -Be @('web1', 'web2')
            $first = $points | Where-Object Source -EQ 'web2' | Sort-Object Time | Select-Object -First 1
            $first.Time | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($Start).UtcDateTime)
            $first.Value | Should -Be 10
            $first.Count | Should -Be 1
        }

        It 'Get-LibratoMetric reads a tagged metric into Measurements, with -Count keeping the last N of each series' {
            $metric = Get-LibratoMetric weather.temperature -Count 2
            $metric.Name | Should -Be 'weather.temperature'
            $metric.Measurements | Should -HaveCount 2
            $metric.Measurements.Value | Should -Be @(23, 24)
            $metric.Measurements[0].Tags.city | Should -Be 'austin'
            $metric.Resolution | Should -Be 60
        }

        It 'both read cmdlets take the same window parameters and series filters' {
            foreach ($command in 'Get-LibratoMeasurement', 'Get-LibratoMetric') {
                $parameters = (Get-Command $command).Parameters
                foreach ($name in 'StartTime', 'EndTime', 'Duration', 'Count', 'Resolution', 'Source', 'Tag', 'TagSearch') {
                    $parameters.Keys | Should -Contain $name -Because "$command should take -$name"
                }
            }
        }

        It 'reads the same points through either cmdlet, for either kind' {
            foreach ($name in 'api.latency', 'weather.temperature') {
                $viaMeasurement = Get-LibratoMeasurement $name -StartTime ([DateTimeOffset]::FromUnixTimeSeconds($Start).UtcDateTime) -Duration 10m
                $viaMetric = (Get-LibratoMetric $name -StartTime ([DateTimeOffset]::FromUnixTimeSeconds($Start).UtcDateTime) -Duration 10m).Measurements
                $viaMeasurement | Should -Not -BeNullOrEmpty
                ($viaMeasurement | ForEach-Object { "$($_.Time.ToString('o')) $($_.Value)" } | Sort-Object) |
                    Should -Be ($viaMetric | ForEach-Object { "$($_.Time.ToString('o')) $($_.Value)" } | Sort-Object)
            }
        }

        It 'filters series by source with -Source, wildcards included' {
            $points = Get-LibratoMeasurement api.latency -Source 'web2'
            $points | Should -HaveCount 5
            $points.Source | Sort-Object -Unique | Should -Be 'web2'
            (Get-LibratoMeasurement api.latency -Source 'web*') | Should -HaveCount 10
        }

        It 'filters tagged series with -Tag through Get-LibratoMetric' {
            (Get-LibratoMetric weather.temperature -Tag @{ city = 'aus*' }).Measurements | Should -HaveCount 5
        }

        It 'reads a window given as -StartTime and -Duration, the duration written as text' {
            $from = [DateTimeOffset]::FromUnixTimeSeconds($Start + 60).UtcDateTime
            $points = Get-LibratoMeasurement api.latency -Source web1 -StartTime $from -Duration '2m'
            ($points | Sort-Object Time).Value | Should -Be @(20, 30, 40)
        }

        It 'rolls points by source up with -Resolution and keeps them in the window of -EndTime and -Duration' {
            $points = Get-LibratoMeasurement api.latency -Source web1 -Resolution 3600 -Duration 1d
            $points | Should -Not -BeNullOrEmpty
            ($points | Measure-Object Count -Sum).Sum | Should -Be 5
        }

        It 'sets Value to the summary function asked for, for points by source too' {
            $points = Get-LibratoMeasurement api.latency -Source web1 -SummaryFunction derivative
            $points | Should -HaveCount 4
            $points.Value | Sort-Object -Unique | Should -Be 10
        }

        It 'refuses a window given three ways with Librato.InvalidWindow, before any request' {
            $before = @(Get-EmulatorRequests $Emulator).Count
            { Get-LibratoMeasurement api.latency -StartTime (Get-Date).AddHours(-1) -EndTime (Get-Date) -Duration 1h } |
                Should -Throw -ErrorId 'Librato.InvalidWindow*'
            @(Get-EmulatorRequests $Emulator).Count | Should -Be $before
        }
    }

    Context 'a read that finds nothing says why' {
        It 'names tagged series and -Tag when -Source was used on a tagged metric' {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement weather.temperature -Source web1 })
            $warnings | Should -HaveCount 1
            $warnings[0] | Should -BeLike "No points of 'weather.temperature' with -Source web1 *holds tagged series*city=austin,station=27*-Tag @{ city = 'austin' }*"
        }

        It 'names sources and -Source when -Tag was used on a metric by source' {
            $warnings = @(Get-Warnings { Get-LibratoMetric api.latency -Tag @{ city = 'x' } })
            $warnings[0] | Should -BeLike "*'api.latency' holds series by source*(web1, web2)*-Source web1*"
        }

        It 'suggests the filter of the other kind that holds what was typed (<Case>)' -ForEach @(
            @{ Case = 'a tag value that is a source'; Read = { Get-LibratoMeasurement api.latency -Tag @{ host = 'web2' } }; Expected = '*-Source web2.' }
            @{ Case = 'a source that is a tag value'; Read = { Get-LibratoMeasurement weather.temperature -Source 27 }; Expected = "*-Tag @{ station = '27' }." }
        ) {
            $warnings = @(Get-Warnings $Read)
            $warnings[0] | Should -BeLike $Expected
        }

        It 'names the resolutions series by source offer, without asking the API for one they do not (<Case>)' -ForEach @(
            @{ Case = 'any series'; Read = { Get-LibratoMeasurement api.latency -Resolution 300 } }
            @{ Case = 'with -Source'; Read = { Get-LibratoMeasurement api.latency -Source web1 -Resolution 300 -ErrorAction Stop } }
        ) {
            $warnings = @(Get-Warnings $Read)
            $warnings | Should -HaveCount 1
            $warnings[0] | Should -BeLike "*'api.latency' holds series by source, which offer the resolutions 1, 60, 900, 3600, 86400 (seconds) only, not 300. Use -Resolution 900*"
            @(Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics/api.latency' -and $_.query -match 'resolution=300' }) | Should -HaveCount 0
        }

        It 'says which names start alike when there is no such metric, and warns when a pattern matches none' {
            Get-LibratoMeasurement api.latncy -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception.Message | Should -Be "There is no metric named 'api.latncy'. Get-LibratoMetric 'api.*' lists the metrics whose names start alike."
            $warnings = @(Get-Warnings { Get-LibratoMetric 'api.lat*z' })
            $warnings | Should -Be @("No metric matches 'api.lat*z'. Get-LibratoMetric 'api.*' lists the metrics whose names start alike.")
        }

        It 'lists the series there are when the filter matches none' {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement api.latency -Source web9 })
            $warnings[0] | Should -BeLike '*no series matches the filter. The series there are web1, web2.'
        }

        It 'gives the latest point and a -Duration that reaches it when the window is after every point (<Name>)' -ForEach @(
            @{ Name = 'old.bysource'; Approximately = '' }, @{ Name = 'old.tagged'; Approximately = ' (to the hour)' }
        ) {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement $Name })
            $warnings[0] | Should -BeLike "*its latest point$Approximately is at * before the window. Use -Duration 4h to include it*"
            # What the warning says to type finds the point.
            Get-LibratoMeasurement $Name -Duration 4h -Resolution 3600 | Should -HaveCount 1
        }

        It 'gives the first point when the window is before every point' {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement api.latency -StartTime (Get-Date).AddDays(-3) -Duration 1h })
            $warnings[0] | Should -BeLike "*its first point is at *, after the window. Use -StartTime '*', or leave out -StartTime and -EndTime to read up to now."
            # What it says to type finds the points.
            $first = [regex]::Match($warnings[0], "-StartTime '([^']+)'").Groups[1].Value
            Get-LibratoMeasurement api.latency -StartTime $first -Duration 1h | Should -HaveCount 10
        }

        It 'says when the window is shorter than the resolution' {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement weather.temperature -StartTime (Get-Date).AddDays(-2) -Duration 30s -Resolution 3600 })
            $warnings[0] | Should -BeLike '*the window (30s) is shorter than the resolution (1h)*Use -Duration 1h or longer*'
        }

        It 'writes times in the warning as local times with their offset' {
            $warnings = @(Get-Warnings { Get-LibratoMeasurement old.bysource })
            $local = [DateTimeOffset]::Now.ToString('zzz')
            $warnings[0] | Should -Match ([regex]::Escape($local) + ' and')
        }

        It 'writes no warning, and goes on to the next name, when a metric does not exist' {
            $points = Get-LibratoMeasurement no.such.metric, api.latency -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warned
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
            $errs[0].TargetObject | Should -Be 'no.such.metric'
            $warned | Should -BeNullOrEmpty
            $points | Should -HaveCount 10
        }
    }
}

Describe 'Reading points on AppOptics, where every series is tagged' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Api AppOptics
        Connect-TestEmulator $Emulator | Out-Null
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        for ($i = 0; $i -lt 3; $i++) {
            Send-LibratoMetric -Name cpu.user -Value (5 + $i) -Tags @{ host = 'h1' } -Time ($now - 300 + 60 * $i)
        }
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    It 'reads the tagged series through both cmdlets without an error or a warning' {
        $points = Get-LibratoMeasurement cpu.user -ErrorVariable errs -WarningVariable warned
        $points | Should -HaveCount 3
        (Get-LibratoMetric cpu.user -Duration 1h -ErrorVariable +errs -WarningVariable +warned).Measurements | Should -HaveCount 3
        $errs | Should -BeNullOrEmpty
        $warned | Should -BeNullOrEmpty
    }
}

Describe 'Durations typed as text' {
    It 'reads <Text> as <Seconds> seconds' -ForEach @(
        @{ Text = '90s'; Seconds = 90 }, @{ Text = '5m'; Seconds = 300 }, @{ Text = '2h30m'; Seconds = 9000 },
        @{ Text = '1d'; Seconds = 86400 }, @{ Text = '60'; Seconds = 60 }, @{ Text = [timespan]'01:00:00'; Seconds = 3600 }
    ) {
        $attribute = [Librato.PowerShell.SecondsAttribute]::new()
        $attribute.Transform($null, $Text).TotalSeconds | Should -Be $Seconds
    }

    It 'reads what PowerShell makes of <Typed> typed as an argument as <Seconds> seconds' -ForEach @(
        @{ Typed = '30s'; Seconds = 30 }, @{ Typed = '1d'; Seconds = 86400 }, @{ Typed = '2h'; Seconds = 7200 }, @{ Typed = '90'; Seconds = 90 }
    ) {
        # As typed at a prompt: 30s is a [short] and 1d a [decimal] to the parser.
        function Test-Duration { param([Librato.PowerShell.Seconds()] [Nullable[timespan]] $Duration) $Duration }
        (Invoke-Expression "Test-Duration -Duration $Typed").TotalSeconds | Should -Be $Seconds
    }

    It 'writes <Seconds> seconds as <Text>' -ForEach @(
        @{ Seconds = 5; Text = '5s' }, @{ Seconds = 67; Text = '1m07s' }, @{ Seconds = 7380; Text = '2h03m' },
        @{ Seconds = 3600; Text = '1h' }, @{ Seconds = 93784; Text = '1d02h' }, @{ Seconds = 0; Text = '0s' }
    ) {
        [Librato.Api.DurationText]::Format([timespan]::FromSeconds($Seconds)) | Should -Be $Text
    }
}
