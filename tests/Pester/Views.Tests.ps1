BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    # Tables are read in a fixed zone, so the golden text below holds on any machine.
    $script:SavedTz = $env:TZ
    $env:TZ = 'America/Chicago'
    [System.TimeZoneInfo]::ClearCachedData()

    function script:Show-Table {
        # What the default view prints at a width, without trailing blanks or the blank lines around it.
        param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width)
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { $all.Add($InputObject) }
        end {
            (($all | Out-String -Width $Width) -split "`r?`n" | ForEach-Object TrimEnd) -join "`n" -replace '^\n+|\n+$', ''
        }
    }

    function script:New-Point {
        param([string] $Metric, [datetime] $Time, [double] $Value, [string] $Source, [hashtable] $Tags)
        $point = [Librato.Api.LibratoMeasurement]::new()
        $point.Metric = $Metric
        $point.Time = [datetime]::SpecifyKind($Time, 'Utc')
        $point.Value = $Value
        if ($Tags) {
            $dictionary = [Librato.Api.TagSet]::new()
            foreach ($k in $Tags.Keys) { $dictionary[$k] = $Tags[$k] }
            $point.Tags = $dictionary
        }
        else { $point.Source = $Source }
        $point
    }

    $script:Long = 'payments.api.checkout.authorize.latency.p99.milliseconds'
    $script:Points = @(
        New-Point $Long ([datetime]'2026-12-07 16:57:00') 120.5 -Tags @{ region = 'ap-southeast-2'; service = 'checkout-authorizer'; env = 'production' }
        New-Point $Long ([datetime]'2026-12-07 16:58:00') 1234567.891 -Tags @{ region = 'us-east-1'; service = 'checkout-authorizer'; env = 'production' }
        New-Point 'api.latency' ([datetime]'2026-12-07 16:59:30') 0.25 -Source 'web-frontend-01'
    )
}

AfterAll {
    $env:TZ = $SavedTz
    [System.TimeZoneInfo]::ClearCachedData()
}

Describe 'Default views keep the numbers' {
    Context 'measurements' {
        It 'shows local time, value and a name shortened in the middle at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
            $short = @(
                New-Point $Long ([datetime]'2026-12-07 16:57:00') 120.5 -Tags @{ region = 'us-east-1' }
                New-Point $Long ([datetime]'2026-12-07 16:58:00') 1234567.891 -Tags @{ region = 'eu-west-1'; az = 'b' }
                $Points[2]
            )
            $short | Show-Table -Width $Width | Should -BeExactly @"
Times in UTC-06:00 (America/Chicago)

Time                     Value Metric                     Source/Tags
----                     ----- ------                     -----------
2026-12-07 10:57:00      120.5 payments.…p99.milliseconds region=us-east-1
2026-12-07 10:58:00  1234567.9 payments.…p99.milliseconds az=b region=eu-west-1
2026-12-07 10:59:30       0.25 api.latency                web-frontend-01
"@
        }

        It 'moves tags that do not fit to the next lines, each tag whole' {
            # Where the row would pass the console's edge, the tags break between tags, never inside one.
            [Librato.PowerShell.DisplayText]::Lines('env=production region=ap-southeast-2 service=checkout-authorizer', 30) |
                Should -BeExactly "env=production`nregion=ap-southeast-2`nservice=checkout-authorizer"
            [Librato.PowerShell.DisplayText]::Lines('env=production region=ap-southeast-2', 40) | Should -BeExactly 'env=production region=ap-southeast-2'
            [Librato.PowerShell.DisplayText]::Lines('env=production region=ap-southeast-2', 0) | Should -BeExactly 'env=production region=ap-southeast-2'
        }

        It 'keeps time and value on every row at 80 columns, and no line passes the edge' {
            $text = $Points | Show-Table -Width 80
            $lines = $text -split "`n"
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            foreach ($expected in '2026-12-07 10:57:00      120.5 payments.…p99.milliseconds', '2026-12-07 10:58:00  1234567.9', '2026-12-07 10:59:30       0.25 api.latency') {
                $lines | Where-Object { $_.StartsWith($expected) } | Should -HaveCount 1 -Because "the row '$expected' keeps its numbers"
            }
            # Tags that pass the edge continue on the next lines; none is lost.
            ($text -replace '\n\s+', '') | Should -Match 'service=checkout-authorizer'
        }

        It 'shortens names in the middle, at dots where it can' -ForEach @(
            @{ Text = 'payments.api.checkout.authorize.latency.p99.milliseconds'; Width = 22; Expected = 'payments.…milliseconds' }
            @{ Text = 'payments.api.checkout.authorize.latency.p99.milliseconds'; Width = 26; Expected = 'payments.…p99.milliseconds' }
            @{ Text = 'short.name'; Width = 22; Expected = 'short.name' }
            @{ Text = 'abcdefghijklmnopqrstuvwxyz'; Width = 11; Expected = 'abcde…vwxyz' }
        ) {
            [Librato.PowerShell.DisplayText]::Middle($Text, $Width) | Should -BeExactly $Expected
        }
    }

    Context 'metrics' {
        BeforeAll {
            $script:Plain = [Librato.Api.LibratoMetric]::new()
            $Plain.Name = 'web.requests.total'
            $Plain.Type = 'counter'
            $Plain.Attributes['summarize_function'] = 'sum'
            $Plain.Attributes['display_units_short'] = 'req'
            $script:Described = [Librato.Api.LibratoMetric]::new()
            $Described.Name = 'web.cpu.percent'
            $Described.Description = 'CPU busy percent per web server'
        }

        It 'fills the description from the attributes when a metric has none' {
            @($Described, $Plain) | Show-Table -Width 120 | Should -BeExactly @'
Name               Type    Description
----               ----    -----------
web.cpu.percent    gauge   CPU busy percent per web server
web.requests.total counter (in req, summarized by sum)
'@
        }

        It 'shows how many points were read and the latest when they were read with the metric' {
            $Plain.Measurements = [System.Collections.Generic.List[Librato.Api.LibratoMeasurement]]@($Points[2])
            $Plain.Resolution = 1
            $measured = [psobject]::new($Plain)
            $measured.PSObject.TypeNames.Insert(0, 'Librato.Api.LibratoMetric#Measurements')
            $measured | Show-Table -Width 120 | Should -BeExactly @'
Times in UTC-06:00 (America/Chicago)

Name                             Type    Points LastTime              LastValue
----                             ----    ------ --------              ---------
web.requests.total               counter      1 2026-12-07 10:59:30        0.25
'@
        }
    }

    Context 'alerts and services' {
        It 'shows every condition of an alert whole, one to a line' {
            $alert = [Librato.Api.LibratoAlert]::new()
            $alert.Id = 42
            $alert.Name = 'web.cpu.high'
            $alert.Active = $true
            $above = [Librato.Api.AlertCondition]@{ Type = 'above'; MetricName = 'web.cpu.percent'; Threshold = 90; SummaryFunction = 'average'; Duration = 300 }
            $absent = [Librato.Api.AlertCondition]@{ Type = 'absent'; MetricName = 'web.requests.count'; Duration = 600 }
            $alert.Conditions = [System.Collections.Generic.List[Librato.Api.AlertCondition]]@($above, $absent)
            $alert | Show-Table -Width 120 | Should -BeExactly @'
Id Name         Active Services Conditions
-- ----         ------ -------- ----------
42 web.cpu.high True   -        web.cpu.percent above 90 (average, for 5m)
                                web.requests.count absent for 10m
'@
        }

        It 'shows a point in Format-List with its local time and offset' {
            $text = $Points[2] | Format-List | Out-String -Width 120
            $text | Should -Match 'Time\s+: 2026-12-07 10:59:30 -06:00'
            $text | Should -Match 'Source\s+: web-frontend-01'
            $text | Should -Not -Match 'Tags\s+:'
        }

        It 'masks secret settings in the table and keeps them on the object' {
            $service = [Librato.Api.LibratoService]::new()
            $service.Id = 7
            $service.Title = 'ops-slack'
            $service.Type = 'slack'
            $service.Settings['url'] = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET'
            $service.Settings['channel'] = '#ops'
            $text = $service | Show-Table -Width 120
            $text | Should -Not -Match 'XXXXSECRET|T000'
            $text | Should -Match 'channel=#ops; url=https://hooks\.slack\.com/\*\*\*\*'
            $list = $service | Format-List | Out-String -Width 120
            $list | Should -Not -Match 'XXXXSECRET|T000'
            $list | Should -Match 'url=https://hooks\.slack\.com/\*\*\*\*'
            "$service" | Should -Be 'ops-slack'
            $service.Settings['url'] | Should -Be 'https://hooks.slack.com/services/T000/B000/XXXXSECRET'
        }
    }

    Context 'annotation streams' {
        It 'counts events only when they were read' {
            $stream = [Librato.Api.LibratoAnnotationStream]::new()
            $stream.Name = 'deploys'
            $stream | Show-Table -Width 120 | Should -BeExactly @'
Name    DisplayName
----    -----------
deploys deploys
'@
            $event = [Librato.Api.LibratoAnnotation]::new()
            $event.Title = 'v1.2'
            $event.StartTime = [datetime]::SpecifyKind([datetime]'2026-12-07 16:57:00', 'Utc')
            $stream.Events.Add($event)
            $read = [psobject]::new($stream)
            $read.PSObject.TypeNames.Insert(0, 'Librato.Api.LibratoAnnotationStream#Events')
            $read | Show-Table -Width 120 | Should -BeExactly @'
Times in UTC-06:00 (America/Chicago)

Name    Events LastEvent
----    ------ ---------
deploys      1 2026-12-07 10:57:00
'@
        }
    }

    Context 'alert states, conditions and annotation events' {
        BeforeAll {
            $script:At = [datetime]::SpecifyKind([datetime]'2026-12-07 16:57:00', 'Utc')
        }

        It 'fills every cell of alert states at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
            @(
                [Librato.Api.LibratoAlertStatus]@{ AlertId = 1234567; Name = 'web.cpu.high'; Status = 'triggered'; TriggeredAt = $At }
                [Librato.Api.LibratoAlertStatus]@{ AlertId = 42; Name = 'ops.heartbeat.missing'; Status = 'ok' }
            ) | Show-Table -Width $Width | Should -BeExactly @'
Times in UTC-06:00 (America/Chicago)

AlertId Name                  Status    Triggered           Cleared
------- ----                  ------    ---------           -------
1234567 web.cpu.high          triggered 2026-12-07 10:57:00 -
     42 ops.heartbeat.missing ok        -                   -
'@
        }

        It 'shows conditions with their numbers first and long metric names whole at <Width> columns' -ForEach @(
            @{ Width = 120; Expected = @'
Type   Threshold Summary       For Metric                                     Source/Tags
----   --------- -------       --- ------                                     -----------
above         90 max            5m web.cpu.percent                            web-*
absent         - -             10m payments.api.checkout.authorize.latency.p9 *
                                   9.milliseconds
'@ }
            @{ Width = 80; Expected = @'
Type   Threshold Summary       For Metric                 Source/Tags
----   --------- -------       --- ------                 -----------
above         90 max            5m web.cpu.percent        web-*
absent         - -             10m payments.api.checkout. *
                                   authorize.latency.p99.
                                   milliseconds
'@ }
        ) {
            @(
                [Librato.Api.AlertCondition]@{ Type = 'above'; MetricName = 'web.cpu.percent'; Threshold = 90; SummaryFunction = 'max'; Duration = 300; Source = 'web-*' }
                [Librato.Api.AlertCondition]@{ Type = 'absent'; MetricName = 'payments.api.checkout.authorize.latency.p99.milliseconds'; Duration = 600 }
            ) | Show-Table -Width $Width | Should -BeExactly $Expected
        }

        It 'marks an open event and one without a source at <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
            @(
                [Librato.Api.LibratoAnnotation]@{ Stream = 'deploys'; Id = 7; Title = 'Deploy api v1.2.3'; StartTime = $At; EndTime = $At.AddMinutes(4); Source = 'api' }
                [Librato.Api.LibratoAnnotation]@{ Stream = 'deploys'; Id = 8; Title = 'Deploy web v2'; StartTime = $At.AddHours(1) }
            ) | Show-Table -Width $Width | Should -BeExactly @'
Times in UTC-06:00 (America/Chicago)

Stream  Id Start               End                 Source Title
------  -- -----               ---                 ------ -----
deploys  7 2026-12-07 10:57:00 2026-12-07 11:01:00 api    Deploy api v1.2.3
deploys  8 2026-12-07 11:57:00 (open)              -      Deploy web v2
'@
        }
    }

    Context 'lists' {
        It 'lists a metric read with its points with local times and its age as 1m07s' {
            $metric = [Librato.Api.LibratoMetric]::new()
            $metric.Name = 'web.cpu.percent'
            $metric.Period = 60
            $metric.Resolution = 60
            $point = New-Point 'web.cpu.percent' ([datetime]::UtcNow.AddSeconds(-67)) 42 -Source 'web-1'
            $metric.Measurements.Add($point)
            $text = $metric | Format-List | Out-String -Width 120
            $text | Should -Match 'Period\s+: 1m\r?\n'
            $text | Should -Match 'Points\s+: 1\r?\n'
            $text | Should -Match 'LastTime\s+: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d -06:00'
            $text | Should -Match 'Age\s+: 1m0[6-9]s'
            $metric.Age | Should -BeOfType ([timespan])
        }

        It 'lists a firing alert with how long it has fired as 2m05s' {
            $state = [Librato.Api.LibratoAlertStatus]@{ AlertId = 1; Name = 'web.cpu.high'; Status = 'triggered'; TriggeredAt = [datetime]::UtcNow.AddSeconds(-125) }
            $text = $state | Format-List | Out-String -Width 120
            $text | Should -Match 'FiringFor\s+: 2m0[4-7]s'
            $text | Should -Match 'Cleared\s+: -'
        }
    }

    Context 'CSV and JSON' {
        It 'writes points to CSV as Metric, Time, Value first, tags as k=v;k2=v2, and no type names' {
            $tagged = New-Point 'weather.temperature' ([datetime]'2026-12-07 16:57:00') 22 -Tags @{ station = '27'; city = 'austin' }
            $rows = @($tagged, $Points[2]) | ConvertTo-Csv
            ($rows[0] -split ',')[0..4] | Should -Be @('"Metric"', '"Time"', '"Value"', '"Source"', '"Tags"')
            $rows | Should -Not -Match 'System\.'
            $parsed = $rows | ConvertFrom-Csv
            $parsed[0].Tags | Should -Be 'city=austin;station=27'
            $parsed[1].Source | Should -Be 'web-frontend-01'
            $parsed[1].Value | Should -Be '0.25'
        }

        It 'writes times to CSV as ISO 8601 with the local offset, durations as 1m07s, and reads them back' {
            $tagged = New-Point 'weather.temperature' ([datetime]'2026-12-07 16:57:00') 22 -Tags @{ city = 'austin' }
            $parsed = $tagged | ConvertTo-Csv | ConvertFrom-Csv
            $parsed.Time | Should -BeExactly '2026-12-07T10:57:00-06:00'
            $parsed.LocalTime | Should -BeExactly '2026-12-07T10:57:00-06:00'
            ([datetimeoffset]$parsed.Time).UtcDateTime | Should -Be $tagged.Time

            $status = [Librato.Api.LibratoAlertStatus]@{ AlertId = 1; Status = 'triggered'; TriggeredAt = [datetime]::UtcNow.AddSeconds(-67) }
            $row = $status | ConvertTo-Csv | ConvertFrom-Csv
            $row.TriggeredAt | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-06:00$'
            $row.FiringFor | Should -Match '^1m0[6-9]s$'

            $event = [Librato.Api.LibratoAnnotation]@{ Stream = 'deploys'; Title = 'v2'; StartTime = $tagged.Time; EndTime = $tagged.Time.AddSeconds(125) }
            $row = $event | ConvertTo-Csv | ConvertFrom-Csv
            $row.StartTime | Should -BeExactly '2026-12-07T10:57:00-06:00'
            $row.EndTime | Should -BeExactly '2026-12-07T10:59:05-06:00'
            $row.Duration | Should -BeExactly '2m05s'

            $alert = [Librato.Api.LibratoAlert]@{ Name = 'web.cpu.high'; CreatedAt = $tagged.Time }
            ($alert | ConvertTo-Csv | ConvertFrom-Csv).CreatedAt | Should -BeExactly '2026-12-07T10:57:00-06:00'
        }

        It 'keeps times DateTime and durations TimeSpan to everything but the text they write' {
            $point = New-Point 'api.latency' ([datetime]'2026-12-07 16:57:00') 1 -Source 'web-1'
            ($point | Get-Member Time).Definition | Should -BeExactly 'System.DateTime Time {get;set;}'
            $point.Time | Should -BeOfType ([datetime])
            $point.Time.Kind | Should -Be 'Utc'
            $point.Time.ToString('o') | Should -BeExactly '2026-12-07T16:57:00.0000000Z'
            $point.Time.ToString('yyyy', [cultureinfo]::InvariantCulture) | Should -BeExactly '2026'
            $point.Time.AddMinutes(1) | Should -Be ([datetime]::SpecifyKind([datetime]'2026-12-07 16:58:00', 'Utc'))
            $point.Time -lt [datetime]::UtcNow | Should -BeTrue
            $later = New-Point 'api.latency' ([datetime]'2026-12-07 16:58:00') 2 -Source 'web-1'
            (@($later, $point) | Sort-Object Time)[0].Value | Should -Be 1
            $point.Time = '2026-12-07T11:00:00-06:00'
            $point.PSObject.BaseObject.Time.ToUniversalTime() | Should -Be ([datetime]::SpecifyKind([datetime]'2026-12-07 17:00:00', 'Utc'))

            $event = [Librato.Api.LibratoAnnotation]@{ StartTime = $later.Time; EndTime = $later.Time.AddSeconds(90) }
            $event.Duration | Should -BeOfType ([timespan])
            $event.Duration.TotalSeconds | Should -Be 90
            $event.EndTime = $null
            $event.IsOpen | Should -BeTrue
        }

        It 'keeps tags an object in JSON, with times in ISO 8601 and their offset' {
            $tagged = New-Point 'weather.temperature' ([datetime]'2026-12-07 16:57:00') 22 -Tags @{ city = 'austin' }
            $json = $tagged | ConvertTo-Json -Compress
            $json | Should -Match '"Tags":\{"city":"austin"\}'
            $json | Should -Match '"Time":"2026-12-07T16:57:00Z"'
            $json | Should -Match '"LocalTime":"2026-12-07T10:57:00-06:00"'
        }

        It 'writes metrics to CSV without type names: attributes as k=v, points as a count' {
            $metric = [Librato.Api.LibratoMetric]::new()
            $metric.Name = 'web.cpu.percent'
            $metric.Attributes['summarize_function'] = 'average'
            $metric.Measurements.Add($Points[2])
            $rows = $metric | ConvertTo-Csv
            ($rows[0] -split ',')[0] | Should -Be '"Name"'
            $rows | Should -Not -Match 'System\.'
            $parsed = $rows | ConvertFrom-Csv
            $parsed.Attributes | Should -Be 'summarize_function=average'
            $parsed.Measurements | Should -Be '1 point'
            $parsed.LastValue | Should -Be '0.25'
        }
    
        It 'writes alerts and annotation events to CSV without type names' {
            $alert = [Librato.Api.LibratoAlert]::new()
            $alert.Name = 'web.cpu.high'
            $alert.Conditions = [System.Collections.Generic.List[Librato.Api.AlertCondition]]@(
                [Librato.Api.AlertCondition]@{ Type = 'above'; MetricName = 'web.cpu.percent'; Threshold = 90 }
                [Librato.Api.AlertCondition]@{ Type = 'absent'; MetricName = 'web.requests'; Duration = 600 })
            $alert.Attributes['runbook_url'] = 'https://wiki/cpu'
            $rows = $alert | ConvertTo-Csv
            $rows | Should -Not -Match 'System\.'
            $parsed = $rows | ConvertFrom-Csv
            $parsed.Conditions | Should -Be 'web.cpu.percent above 90; web.requests absent for 10m'
            $parsed.ConditionSummary | Should -Be $parsed.Conditions
            $parsed.Attributes | Should -Be 'runbook_url=https://wiki/cpu'

            $event = [Librato.Api.LibratoAnnotation]::new()
            $event.Title = 'deploy'
            $event.Links.Add([Librato.Api.LibratoAnnotationLink]@{ Rel = 'github'; Href = 'https://github.com/x/y/pull/1' })
            $rows = $event | ConvertTo-Csv
            $rows | Should -Not -Match 'System\.'
            ($rows | ConvertFrom-Csv).Links | Should -Be 'github: https://github.com/x/y/pull/1'
        }
    }
}
