# Every default view at 80 and 120 columns, and the Demo's tables, against the text in Goldens/. What changes from run
# to run (times, the emulator's port, temporary paths) is replaced by fixed text of the same width before comparing,
# so the layout itself is what is compared. To accept a deliberate change: $env:LIBRATO_UPDATE_GOLDENS = 1, run, review
# the diff of Goldens/.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:SavedTz = $env:TZ
    $env:TZ = 'America/Chicago'
    [System.TimeZoneInfo]::ClearCachedData()
    $script:GoldenRoot = Join-Path $PSScriptRoot 'Goldens'

    function script:ConvertTo-Stable {
        # -Times for views of times taken now (a connection, a failure, a window up to now); the others show fixed times.
        param([string] $Text, [switch] $Times)
        if ($Times) {
            $Text = $Text -replace '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d', '2026-12-07 10:57:00' -replace '(?<= to )\d\d:\d\d:\d\d', '11:27:00'
        }
        $Text = $Text -replace 'UTC-0[56]:00', 'UTC-06:00' -replace '(?<=:00) -0[56]:00', ' -06:00'
        $Text = $Text -replace '127\.0\.0\.1:\d+', '127.0.0.1:40000'
        # The outbox folder is the last column, cut where the table ends: the temporary folder's path varies.
        $Text -replace '(?m)(?<= )(/|[A-Za-z]:\\)\S*librato-golden-\S*$', '<outbox>'
    }

    function script:Show-Table {
        param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end { (($all | Out-String -Width $Width) -split "`r?`n" | ForEach-Object TrimEnd) -join "`n" -replace '^\n+|\n+$', '' }
    }

    function script:Assert-Golden {
        # The text, made stable, is what Goldens/<Name>.<Width>.txt holds; no line passes the width.
        param([string] $Name, [int] $Width, [string] $Text)
        $stable = (ConvertTo-Stable $Text -Times:($Name -in 'session', 'failed', 'pictures', 'demo')) -replace "`r", ''
        $path = Join-Path $GoldenRoot "$Name.$Width.txt"
        if ($env:LIBRATO_UPDATE_GOLDENS -eq '1') {
            [System.IO.File]::WriteAllText($path, $stable + "`n")
        }
        $stable -split "`n" | Where-Object { $_.Length -gt $Width } | Should -BeNullOrEmpty -Because "every line of $Name fits $Width columns"
        $stable | Should -BeExactly ([System.IO.File]::ReadAllText($path) -replace "`r", '' -replace '\n$', '')
    }
}

AfterAll {
    $env:TZ = $SavedTz
    [System.TimeZoneInfo]::ClearCachedData()
}

Describe 'Default views against their golden text' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        # As users connect: with the credential check, so the session says they were accepted.
        $script:Session = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) -Endpoint $Emulator.Url
        $long = 'payments.api.checkout.authorize.latency.p99.milliseconds'
        $at = [DateTimeOffset]::new(2026, 12, 7, 16, 57, 0, [TimeSpan]::Zero).ToUnixTimeSeconds()

        $script:Queue = New-LibratoQueue -BatchSize 300 -AutoSubmitCount 1000 -AutoSubmitInterval 60
        function New-Queued([string] $Name, [double] $Value, [long] $Time, [string] $Source, [hashtable] $Tags, [string] $Type = 'Gauge') {
            $measurement = [Librato.Api.Measurement]::new($Name, $Value)
            $measurement.Time = $Time
            $measurement.Type = $Type
            if ($Source) { $measurement.Source = $Source }
            if ($Tags) {
                $measurement.Tags = [Librato.Api.TagSet]::new()
                foreach ($k in $Tags.Keys) { $measurement.Tags[$k] = $Tags[$k] }
            }
            $measurement
        }
        $script:Queued = @(
            New-Queued $long 1234567.891 $at -Source 'web-frontend-01'
            New-Queued 'backup.bytes' 42 ($at + 60) -Source 'nas-1' -Type Counter
            New-Queued 'weather.temperature' 21.5 ($at + 120) -Tags @{ city = 'austin'; station = '27' }
        )
        $Queued | ForEach-Object { $Queue.Add($_) }
        $script:Failed = [Librato.Api.FailedBatch]::new([Librato.Api.Measurement[]]$Queued[0..1], "value: is not a number ($long)", $null)
        $script:Submitted = [Librato.Api.QueueSubmitResult]::new(600, 2, [Librato.Api.FailedBatch[]]@($Failed), 0, $null)

        $script:Aggregator = New-LibratoAggregator -Source web-1
        $Aggregator.Add('api.latency', 12.5)
        $Aggregator.Add('api.latency', 13)
        $script:Tagged = New-LibratoAggregator -Tags @{ region = 'us-east-1'; service = 'checkout' } -Period 60

        $script:Space = New-LibratoSpace 'Payments overview'
        $Space | Add-LibratoChart 'Checkout latency' -Metric $long -Source '*'
        $script:Chart = Get-LibratoChart -Space $Space.Id

        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $script:T0 = $now - ($now % 60) - 1800
        0..29 | ForEach-Object {
            [pscustomobject]@{ Name = 'api.latency'; Value = [math]::Round(100 + 10 * [math]::Sin($_ / 3), 2); Source = 'web-frontend-01'; Time = $T0 + 60 * $_ }
            [pscustomobject]@{ Name = 'api.latency'; Value = [math]::Round(130 + 10 * [math]::Cos($_ / 3), 2); Source = 'web-frontend-02'; Time = $T0 + 60 * $_ }
        } | Send-LibratoMetric
        $script:Pictures = Show-LibratoMetric api.latency -StartTime ([DateTimeOffset]::FromUnixTimeSeconds($T0).UtcDateTime) -EndTime ([DateTimeOffset]::FromUnixTimeSeconds($T0 + 1800).UtcDateTime)

        $script:Metrics = @(
            [Librato.Api.LibratoMetric]@{ Name = 'web.cpu.percent'; Description = 'CPU busy percent per web server'; Period = 60 }
            [Librato.Api.LibratoMetric]@{ Name = $long; Type = 'gauge' }
            [Librato.Api.LibratoMetric]@{ Name = 'web.requests.total'; Type = 'counter'; DisplayName = 'Requests served' }
        )
        $Metrics[1].Attributes['display_units_short'] = 'ms'
        $Metrics[1].Attributes['summarize_function'] = 'max'
        $point = [Librato.Api.LibratoMeasurement]@{ Metric = $long; Time = [DateTimeOffset]::FromUnixTimeSeconds($at).UtcDateTime; Value = 250.5; Source = 'web-frontend-01' }
        $script:Point = $point
        $script:Alert = [Librato.Api.LibratoAlert]@{ Id = 1234567; Name = 'payments.checkout.latency.high'; Active = $true }
        $Alert.Conditions = [System.Collections.Generic.List[Librato.Api.AlertCondition]]@(
            [Librato.Api.AlertCondition]@{ Type = 'above'; MetricName = $long; Threshold = 900; SummaryFunction = 'max'; Duration = 300 }
            [Librato.Api.AlertCondition]@{ Type = 'absent'; MetricName = 'web.requests.total'; Duration = 600 })
        $script:Service = [Librato.Api.LibratoService]@{ Id = 7; Title = 'ops-slack'; Type = 'slack' }
        $Service.Settings['url'] = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET'
        $Service.Settings['channel'] = '#ops'
        $script:Status = [Librato.Api.LibratoAlertStatus]@{ AlertId = 1234567; Name = 'payments.checkout.latency.high'; Status = 'cleared'; TriggeredAt = $point.Time; ClearedAt = $point.Time.AddMinutes(12) }
        $script:AnnotationStream = [Librato.Api.LibratoAnnotationStream]@{ Name = 'deploys'; DisplayName = 'Deployments' }

        $script:OutboxDir = Join-Path ([System.IO.Path]::GetTempPath()) ('librato-golden-' + [guid]::NewGuid().ToString('n'))
        $token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
        $outboxSession = Connect-Librato -Endpoint $Emulator.Url -Email $Emulator.Email -Token $token -OutboxPath $OutboxDir -PassThru
        $script:Delivered = Send-LibratoOutbox -Session $outboxSession
    }

    AfterAll {
        $Queue.Dispose()
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
        Remove-Item $OutboxDir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It '<Name> at <Width> columns' -ForEach @(
        foreach ($width in 80, 120) {
            foreach ($name in 'session', 'queue', 'queued', 'failed', 'submitted', 'aggregator', 'space', 'chart', 'streams', 'pictures', 'outbox',
                'metrics', 'alerts', 'services', 'annotation-streams', 'point-list', 'metric-list', 'service-list', 'status-list') {
                @{ Name = $name; Width = $width }
            }
        }
    ) {
        $objects = switch ($Name) {
            'session' { $Session }
            'queue' { $Queue }
            'queued' { $Queued }
            'failed' { $Failed }
            'submitted' { $Submitted }
            'aggregator' { $Aggregator; $Tagged }
            'space' { $Space }
            'chart' { $Chart }
            'streams' { $Chart.Streams }
            'pictures' { $Pictures }
            'outbox' { $Delivered }
            'metrics' { $Metrics }
            'alerts' { $Alert }
            'services' { $Service }
            'annotation-streams' { $AnnotationStream }
            'point-list' { $Point | Format-List }
            'metric-list' { $Metrics[1] | Format-List }
            'service-list' { $Service | Format-List }
            'status-list' { $Status | Format-List }
        }
        Assert-Golden -Name $Name -Width $Width -Text ($objects | Show-Table -Width $Width)
    }
}

Describe "The Demo's tables" {
    It 'prints what Goldens/demo.<Width>.txt holds at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        # Out-Host here stands in for the console: what the Demo shows, at the width of a console of that size.
        # Found by the Demo's script through the caller's scope, as the function is.
        $goldenShown = [System.Collections.Generic.List[string]]::new()
        function Out-Host {
            param([Parameter(ValueFromPipeline)] $InputObject)
            begin { $all = [System.Collections.Generic.List[object]]::new() }
            process { $all.Add($InputObject) }
            end { $goldenShown.Add(($all | Show-Table -Width $Width)) }
        }
        $lines = & (Join-Path $RepoRoot 'build/Demo.ps1') -ModulePath $ModulePath -EmulatorPath $EmulatorPath 6>&1 | ForEach-Object {
            if ($goldenShown.Count) { @($goldenShown); $goldenShown.Clear() }
            "$_"
        }
        $text = (@($lines) + @($goldenShown)) -join "`n"
        Assert-Golden -Name 'demo' -Width $Width -Text $text
    }
}
