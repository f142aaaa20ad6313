BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    # Eight whole minutes that end at least a minute ago, so the default window (the last hour) holds them all.
    $script:Start = $now - ($now % 60) - 600
    $script:End = $Start + 7 * 60

    # Legacy: web1 rises 1..8, web2 stays at 8.
    $(for ($i = 0; $i -lt 8; $i++) {
            [pscustomobject]@{ Name = 'pic.legacy'; Source = 'web1'; Value = $i + 1; Time = $Start + 60 * $i }
            [pscustomobject]@{ Name = 'pic.legacy'; Source = 'web2'; Value = 8; Time = $Start + 60 * $i }
        }) | Send-LibratoMetric
    Set-LibratoMetric pic.legacy -DisplayUnitsShort ms

    # Tagged: host=a has a missing minute, host=b goes below zero.
    $(foreach ($p in @(@(0, 10), @(1, 20), @(3, 40))) {
            [pscustomobject]@{ Name = 'pic.tagged'; Tags = @{ host = 'a' }; Value = $p[1]; Time = $Start + 60 * $p[0] }
        }
        foreach ($p in @(@(0, -5), @(1, 0), @(2, 5), @(3, 0))) {
            [pscustomobject]@{ Name = 'pic.tagged'; Tags = @{ host = 'b' }; Value = $p[1]; Time = $Start + 60 * $p[0] }
        }) | Send-LibratoMetric

    # Twenty minutes of 0..19, to be squeezed into fewer columns.
    $script:LongStart = $Start - 1200
    $(for ($i = 0; $i -lt 20; $i++) {
            [pscustomobject]@{ Name = 'pic.long'; Source = 'x'; Value = $i; Time = $LongStart + 60 * $i }
        }) | Send-LibratoMetric

    # Two samples in each of two minutes, for the legacy summary functions.
    $(foreach ($t in 0, 20, 60, 80) {
            [pscustomobject]@{ Name = 'pic.samples'; Source = 's'; Value = $t; Time = $Start + $t }
        }) | Send-LibratoMetric

    function script:Reset-EmulatorRequests {
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'requests' -Method Delete | Out-Null
    }

    function script:Get-ShowRequests {
        Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '/v1/*' }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Show-LibratoMetric' {
    Context 'sparklines in the terminal' {
        It 'draws one picture per legacy source with sparkline, min, max, last and the display unit' {
            $pictures = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60
            $pictures | Should -HaveCount 2
            $pictures[0] | Should -BeOfType ([Librato.PowerShell.MetricPicture])
            $pictures.Series | Should -Be @('web1', 'web2')
            $pictures[0].Source | Should -Be 'web1'
            $pictures[0].Sparkline | Should -BeExactly '▁▂▃▄▅▆▇█'
            $pictures[0].Min | Should -Be 1
            $pictures[0].Max | Should -Be 8
            $pictures[0].Last | Should -Be 8
            $pictures[0].Count | Should -Be 8
            $pictures[0].Unit | Should -Be 'ms'
            $pictures[0].Picture | Should -BeExactly 'web1  ▁▂▃▄▅▆▇█  min 1 ms  max 8 ms  last 8 ms'
            # A flat series sits in the middle.
            $pictures[1].Sparkline | Should -BeExactly '▄▄▄▄▄▄▄▄'
            $pictures[1].Picture | Should -BeExactly 'web2  ▄▄▄▄▄▄▄▄  min 8 ms  max 8 ms  last 8 ms'
        }

        It 'draws tagged series with gaps for missing minutes and negative values' {
            $pictures = Show-LibratoMetric pic.tagged -StartTime $Start -EndTime ($Start + 180) -Resolution 60
            $pictures.Series | Should -Be @('host=a', 'host=b')
            $pictures[0].Tags.host | Should -Be 'a'
            $pictures[0].Sparkline | Should -BeExactly '▁▃ █'
            $pictures[0].Count | Should -Be 3
            $pictures[1].Sparkline | Should -BeExactly '▁▅█▅'
            $pictures[1].Min | Should -Be -5
            $pictures[1].Max | Should -Be 5
            $pictures[1].Last | Should -Be 0
            # The numbers line up across series.
            $pictures[0].Picture | Should -BeExactly 'host=a  ▁▃ █  min 10  max 40  last 40'
            $pictures[1].Picture | Should -BeExactly 'host=b  ▁▅█▅  min -5  max  5  last 0'
        }

        It 'reads legacy data first and tagged data only when there is none' {
            Reset-EmulatorRequests
            Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End | Out-Null
            @(Get-ShowRequests).path | Should -Be @('/v1/metrics/pic.legacy')
            Reset-EmulatorRequests
            Show-LibratoMetric pic.tagged -StartTime $Start -EndTime $End | Out-Null
            @(Get-ShowRequests).path | Should -Be @('/v1/metrics/pic.tagged', '/v1/measurements/pic.tagged')
        }

        It 'filters sources with -Source and tags with -Tag' {
            Reset-EmulatorRequests
            $web2 = Show-LibratoMetric pic.legacy -Source web2 -StartTime $Start -EndTime $End
            $web2.Series | Should -Be 'web2'
            (Get-ShowRequests).query | Should -Match 'source=web2'

            Reset-EmulatorRequests
            $b = Show-LibratoMetric pic.tagged -Tag @{ host = 'b' } -StartTime $Start -EndTime $End
            $b.Series | Should -Be 'host=b'
            (Get-ShowRequests | Where-Object path -Like '/v1/measurements/*').query | Should -Match 'tags%5Bhost%5D=b|tags\[host\]=b'

            (Show-LibratoMetric pic.tagged -TagSearch 'host=a' -StartTime $Start -EndTime $End).Series | Should -Be 'host=a'
        }

        It 'buckets more minutes than fit into equal columns' {
            $p = Show-LibratoMetric pic.long -StartTime $LongStart -EndTime ($LongStart + 19 * 60) -Resolution 60 -Width 20
            # 20 minutes into at most 8 columns: 3 minutes per column, 7 columns, each the mean of its minutes.
            $p.SecondsPerColumn | Should -Be 180
            $p.Sparkline.Length | Should -Be 7
            $p.Columns[0] | Should -Be 1
            $p.Columns[6] | Should -Be 18.5
            $p.Sparkline | Should -BeExactly '▁▂▃▅▆▇█'
            $p.Min | Should -Be 0
            $p.Max | Should -Be 19
        }

        It 'fits the sparkline into -Width' {
            $p = Show-LibratoMetric pic.long -StartTime $LongStart -EndTime ($LongStart + 19 * 60) -Resolution 60 -Width 40
            $p.Picture.Length | Should -BeLessOrEqual 40
            $p.Sparkline.Length | Should -Be 10
        }

        It 'draws with ASCII characters with -Ascii' {
            (Show-LibratoMetric pic.legacy -Source web1 -StartTime $Start -EndTime $End -Resolution 60 -Ascii).Sparkline | Should -BeExactly '_.-~=+*#'
        }

        It 'reads the last hour at a fitting resolution by default' {
            Reset-EmulatorRequests
            $p = Show-LibratoMetric pic.legacy -Source web1
            $p.Resolution | Should -Be 60
            ($p.EndTime - $p.StartTime).TotalMinutes | Should -BeGreaterOrEqual 60
            $p.Count | Should -Be 8
            (Get-ShowRequests).query | Should -Match 'resolution=60'
        }

        It 'takes -Duration' {
            $p = Show-LibratoMetric pic.legacy -Source web1 -Duration 86400
            $p.Resolution | Should -Be 900
            ($p.EndTime - $p.StartTime).TotalHours | Should -BeGreaterOrEqual 24
        }

        It 'picks the statistic of legacy points with -SummaryFunction' {
            $window = @{ StartTime = $Start; EndTime = $Start + 119; Resolution = 60 }
            (Show-LibratoMetric pic.samples @window).Columns | Should -Be @(10, 70)
            (Show-LibratoMetric pic.samples @window -SummaryFunction count).Columns | Should -Be @(2, 2)
            (Show-LibratoMetric pic.samples @window -SummaryFunction max).Columns | Should -Be @(20, 80)
            (Show-LibratoMetric pic.samples @window -SummaryFunction sum).Last | Should -Be 140
            (Show-LibratoMetric pic.samples @window -SummaryFunction stddev).Columns | Should -Be @(10, 10)
            $derivative = (Show-LibratoMetric pic.samples @window -SummaryFunction derivative).Columns
            [double]::IsNaN($derivative[0]) | Should -BeTrue
            $derivative[1] | Should -Be 60
        }

        It 'passes -SummaryFunction to tagged reads' {
            Reset-EmulatorRequests
            Show-LibratoMetric pic.tagged -Tag @{ host = 'a' } -SummaryFunction max -StartTime $Start -EndTime $End | Out-Null
            (Get-ShowRequests | Where-Object path -Like '/v1/measurements/*').query | Should -Match 'summary_function=max'
        }

        It 'takes names from the pipeline and metric objects by property name' {
            $pictures = 'pic.legacy', 'pic.tagged' | Show-LibratoMetric -StartTime $Start -EndTime $End -Resolution 60
            $pictures.Metric | Should -Be @('pic.legacy', 'pic.legacy', 'pic.tagged', 'pic.tagged')
            $fromObjects = Get-LibratoMetric 'pic.l*' | Show-LibratoMetric -StartTime $LongStart -EndTime $End -Resolution 60
            $fromObjects.Metric | Select-Object -Unique | Should -Be @('pic.legacy', 'pic.long')
        }

        It 'shows each metric once when it is named twice' {
            (Show-LibratoMetric pic.legacy, PIC.LEGACY -StartTime $Start -EndTime $End) | Should -HaveCount 2
        }

        It 'prints the drawings under a heading per metric' {
            $text = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60 | Out-String
            $text | Should -Match 'Metric: pic\.legacy'
            $text | Should -Match ([regex]::Escape('web1  ▁▂▃▄▅▆▇█  min 1 ms  max 8 ms  last 8 ms'))
            $text | Should -Match ([regex]::Escape('web2  ▄▄▄▄▄▄▄▄  min 8 ms  max 8 ms  last 8 ms'))
        }
    }

    Context 'charts in the terminal' {
        It 'draws a chart of -Height rows with the y range and time labels' {
            $p = Show-LibratoMetric pic.legacy -Source web1 -StartTime $Start -EndTime $End -Resolution 60 -Height 4
            $lines = $p.Picture -split '\r?\n'
            $lines | Should -HaveCount 7
            $lines[0] | Should -BeExactly 'web1  min 1 ms  max 8 ms  last 8 ms'
            $lines[1] | Should -Match '^8 ms ┤'
            $lines[4] | Should -Match '^1 ms ┤▁'
            $lines[4] | Should -Match '█$'
            $lines[5] | Should -Match '^\s+└─{8}$'
            $start = [DateTimeOffset]::FromUnixTimeSeconds($Start).ToLocalTime().ToString('HH:mm')
            $lines[6].Trim() | Should -BeLike "$start*"
            # The highest column is full to the top, the lowest has the smallest fill.
            $lines[1][-1] | Should -Be '█'
            $lines[2][7] | Should -Be ' '
        }

        It 'draws a chart of eight rows with -Chart, in ASCII with -Ascii' {
            $p = Show-LibratoMetric pic.tagged -Tag @{ host = 'b' } -StartTime $Start -EndTime ($Start + 180) -Resolution 60 -Chart -Ascii
            $lines = $p.Picture -split '\r?\n'
            $lines | Should -HaveCount 11
            $lines[1] | Should -Match '^ 5 \+'
            $lines[8] | Should -Match '^-5 \+'
            $lines[9] | Should -Match '^\s+\+-{4}$'
            ($p.Picture -replace '\r?\n', '') | Should -Match '^[\x20-\x7e]+$'
        }

        It 'draws the series of one metric on one scale, so a higher series is drawn higher, and each on its own with -IndependentScale' {
            $shared = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60 -Height 4
            $web2 = $shared[1].Picture -split '\r?\n'
            # web2 stays at 8, the top of the range both series share (1 to 8): every column is full, labels 8 and 1.
            $web2[1] | Should -Match '^8 ms ┤█{8}$'
            $web2[4] | Should -Match '^1 ms ┤█{8}$'
            $own = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60 -Height 4 -IndependentScale
            $flat = $own[1].Picture -split '\r?\n'
            # On its own scale a flat series is drawn halfway, with its one value beside it and no other label.
            ($flat | Where-Object { $_ -match '^8 ms ┤' }) | Should -HaveCount 1
            $flat | Should -Not -Match '^1 ms'
        }

        It 'labels the axis with the lowest and highest point, as printed above the chart' {
            $p = Show-LibratoMetric pic.samples -StartTime $Start -EndTime ($Start + 120) -Resolution 60 -Height 3 -Width 40
            $lines = $p.Picture -split '\r?\n'
            $lines[0] | Should -Match 'min (\S+)  max (\S+)'
            $null = $lines[0] -match 'min (\S+)\s+max (\S+)'
            $lines[1] | Should -Match ('^' + [regex]::Escape($Matches[2]) + ' ┤')
        }

        It 'draws a counter as its change from point to point unless a summary function is given' {
            $(foreach ($p in @(@(0, 100), @(1, 160), @(2, 230), @(3, 250))) {
                    [pscustomobject]@{ Name = 'pic.counter'; Source = 'lb'; Value = $p[1]; Time = $Start + 60 * $p[0]; Type = 'counter' }
                }) | Send-LibratoMetric
            $changes = Show-LibratoMetric pic.counter -StartTime $Start -EndTime ($Start + 240) -Resolution 60
            $changes.Min | Should -Be 20
            $changes.Max | Should -Be 70
            $changes.Last | Should -Be 20
            $totals = Show-LibratoMetric pic.counter -StartTime $Start -EndTime ($Start + 240) -Resolution 60 -SummaryFunction mean
            $totals.Max | Should -Be 250
        }

        It 'separates the charts of several series by a blank line' {
            $text = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60 -Height 2 | Out-String
            $text | Should -Match '(?m)^web1  min 1 ms'
            $text | Should -Match "\r?\n\r?\nweb2  min 8 ms"
        }
    }

    Context 'SVG files' {
        BeforeEach {
            $script:File = Join-Path $TestDrive 'cpu.svg'
            Remove-Item $File -ErrorAction SilentlyContinue
        }

        It 'writes an SVG with one polyline per series and returns the file' {
            $result = Show-LibratoMetric pic.legacy, pic.tagged -StartTime $Start -EndTime $End -Resolution 60 -OutFile $File
            $result | Should -BeOfType ([System.IO.FileInfo])
            $result.FullName | Should -Be $File
            # As Get-Item gives it, so PowerShell's file view shows its mode, size and folder, not an empty row.
            $result.PSParentPath | Should -Be (Get-Item -LiteralPath $File).PSParentPath
            ($result | Out-String) | Should -Match ([regex]::Escape((Get-Item -LiteralPath $File).Length.ToString()) + '\s+cpu\.svg')
            [xml]$svg = Get-Content -LiteralPath $File -Raw -Encoding utf8
            $svg.DocumentElement.LocalName | Should -Be 'svg'
            $svg.DocumentElement.NamespaceURI | Should -Be 'http://www.w3.org/2000/svg'
            $lines = @($svg.svg.polyline)
            $lines | Should -HaveCount 4
            $lines.'data-series' | Should -Be @('pic.legacy web1', 'pic.legacy web2', 'pic.tagged host=a', 'pic.tagged host=b')
            ($lines | ForEach-Object { @($_.points -split ' ').Count }) | Should -Be @(8, 8, 3, 4)
            $title = ($svg.svg.text | Where-Object class -EQ 'title').'#text'
            $title | Should -Be 'pic.legacy, pic.tagged'
            ($svg.svg.text | Where-Object class -EQ 'subtitle').'#text' | Should -Match 'UTC([+-]\d\d:\d\d)?$'
            $legend = @($svg.svg.g | Where-Object class -EQ 'legend').text
            @($legend | Where-Object class -EQ 'legend-label').'#text' | Should -Be @('pic.legacy web1', 'pic.legacy web2', 'pic.tagged host=a', 'pic.tagged host=b')
            # Each series' lowest, highest and latest value, as the console pictures print them.
            @($legend | Where-Object class -EQ 'legend-values') | Should -HaveCount 4
            @($legend | Where-Object class -EQ 'legend-values')[0].'#text' | Should -Match '^min \S+ ms   max \S+ ms   last \S+ ms$'
            Get-ChildItem $TestDrive -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        }

        It 'labels the y axis with the unit the series share' {
            Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -Resolution 60 -OutFile $File | Out-Null
            [xml]$svg = Get-Content -LiteralPath $File -Raw -Encoding utf8
            $labels = ($svg.svg.g | Where-Object class -EQ 'y-axis').text.'#text'
            # Round steps from a round low to a round high, not the data's own extremes.
            $labels | Should -Be @('8 ms', '6 ms', '4 ms', '2 ms', '0 ms')
            @($svg.svg.polyline).'data-series' | Should -Be @('web1', 'web2')
        }

        It 'writes the pictures as well with -PassThru' {
            $result = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile $File -PassThru
            @($result | Where-Object { $_ -is [Librato.PowerShell.MetricPicture] }) | Should -HaveCount 2
            @($result | Where-Object { $_ -is [System.IO.FileInfo] }) | Should -HaveCount 1
        }

        It 'replaces an existing file, unless -NoClobber' {
            Set-Content -LiteralPath $File -Value 'old'
            Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile $File | Out-Null
            (Get-Content -LiteralPath $File -Raw) | Should -Match '<svg'

            Set-Content -LiteralPath $File -Value 'old'
            Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile $File -NoClobber -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ExportFileExists*'
            (Get-Content -LiteralPath $File -Raw).Trim() | Should -Be 'old'
        }

        It 'writes nothing with -WhatIf' {
            $result = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile $File -WhatIf
            $result | Should -BeNullOrEmpty
            Test-Path -LiteralPath $File | Should -BeFalse
            Get-ChildItem $TestDrive -Force | Should -BeNullOrEmpty
        }

        It 'resolves a relative path against the current location' {
            Push-Location $TestDrive
            try {
                $result = Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile 'relative.svg'
                $result.FullName | Should -Be (Join-Path $TestDrive 'relative.svg')
                Test-Path (Join-Path $TestDrive 'relative.svg') | Should -BeTrue
            }
            finally {
                Pop-Location
            }
        }

        It 'reports a file it cannot write with Librato.FileWriteFailed' {
            $missing = Join-Path $TestDrive 'no/such/folder/chart.svg'
            Show-LibratoMetric pic.legacy -StartTime $Start -EndTime $End -OutFile $missing -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.FileWriteFailed*'
            $errs[0].TargetObject | Should -Be $missing
        }

        It 'writes no file when no series has points' {
            Show-LibratoMetric pic.legacy -Source nothing -StartTime $Start -EndTime $End -OutFile $File -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Test-Path -LiteralPath $File | Should -BeFalse
        }
    }

    Context 'errors' {
        It 'reports an unknown metric with Librato.MetricNotFound and goes on with the next' {
            $pictures = Show-LibratoMetric no.such.metric, pic.legacy -StartTime $Start -EndTime $End -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
            $errs[0].TargetObject | Should -Be 'no.such.metric'
            $pictures | Should -HaveCount 2
        }

        It 'reports a window without points with Librato.NoMeasurements' {
            Show-LibratoMetric pic.legacy -StartTime ($Start - 7200) -EndTime ($Start - 3600) -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.NoMeasurements*'
            $errs[0].TargetObject | Should -Be 'pic.legacy'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'reports filters that match nothing with Librato.NoMeasurements' {
            Show-LibratoMetric pic.tagged -Tag @{ host = 'zzz' } -StartTime $Start -EndTime $End -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.NoMeasurements*'
            $errs[0].Exception.Message | Should -Match "no series matches the filter. The series there are host="

        }

        It 'refuses a window that ends before it starts' {
            $err = { Show-LibratoMetric pic.legacy -StartTime $End -EndTime $Start } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidWindow*'
        }

        It 'does not combine -Source with -Tag' {
            { Show-LibratoMetric pic.legacy -Source web1 -Tag @{ host = 'a' } } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        }
    }
}
