BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Clear-EmulatorRequests {
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'requests' -Method Delete | Out-Null
    }

    function script:Invoke-EmulatorApi {
        # Calls the emulator's API directly, bypassing the module.
        param([string] $Path, [string] $Method = 'Get')
        $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Emulator.Email):$($Emulator.Token)"))
        Invoke-RestMethod -Method $Method -Uri "$($Emulator.Url)/v1/$Path" -Headers @{ Authorization = "Basic $pair" }
    }

    function script:Read-EmulatorAlert {
        param([long] $Id)
        Invoke-EmulatorApi "alerts/$Id"
    }

    function script:Invoke-AlertTrigger {
        param([long] $Id)
        Invoke-LibratoEmulatorControl -Emulator $Emulator -Path "alerts/$Id/trigger" -Method Post | Out-Null
    }

    function script:Get-PutBody {
        # The JSON body of the last PUT to an alert.
        $put = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'PUT' -and $_.path -like '/v1/alerts/*' } | Select-Object -Last 1
        $put.body | ConvertFrom-Json
    }

    function script:Get-CompletionValues {
        param([string] $Line)
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches |
            Where-Object ResultType -EQ 'ParameterValue' |
            ForEach-Object CompletionText
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'New-LibratoAlertCondition' {
    It 'makes an above condition with threshold, summary function, duration and source' {
        $c = New-LibratoAlertCondition -MetricName cpu -Above 42 -SummaryFunction SUM -Duration 300 -Source 'web*'
        $c | Should -BeOfType ([Librato.Api.AlertCondition])
        $c.Type | Should -Be 'above'
        $c.MetricName | Should -Be 'cpu'
        $c.Threshold | Should -Be 42
        $c.SummaryFunction | Should -Be 'sum'
        $c.Duration | Should -Be 300
        $c.Source | Should -Be 'web*'
        $c.Id | Should -BeNullOrEmpty
    }

    It 'makes a below condition with tag filters, some grouped' {
        $c = New-LibratoAlertCondition api.latency -Below 0.5 -Tag @{ env = 'prod'; region = 'us-*', 'eu-*' } -GroupedTag region
        $c.Type | Should -Be 'below'
        $c.Threshold | Should -Be 0.5
        $env = $c.Tags | Where-Object Name -EQ 'env'
        $env.Values | Should -Be 'prod'
        $env.Grouped | Should -BeFalse
        $region = $c.Tags | Where-Object Name -EQ 'region'
        $region.Values | Should -Be @('us-*', 'eu-*')
        $region.Grouped | Should -BeTrue
    }

    It 'lists tag filters by name, whatever order the hashtable gives, so a view and an export read the same each run' {
        $tag = @{}
        foreach ($name in 'zone', 'app', 'Mid', 'env', 'host') { $tag[$name] = 'x' }
        (New-LibratoAlertCondition api.latency -Above 1 -Tag $tag).Tags.Name | Should -Be @('app', 'env', 'host', 'Mid', 'zone')
        (New-LibratoChartStream -Metric api.latency -Tag $tag -DynamicTag other).Tags.Name | Should -Be @('app', 'env', 'host', 'Mid', 'other', 'zone')
    }

    It 'makes an absent condition with its duration as seconds or a TimeSpan' {
        $c = New-LibratoAlertCondition heartbeat -Absent -Duration (New-TimeSpan -Minutes 5)
        $c.Type | Should -Be 'absent'
        $c.Duration | Should -Be 300
        $c.Threshold | Should -BeNullOrEmpty
        (New-LibratoAlertCondition heartbeat -Absent -Duration 600).Duration | Should -Be 600
    }

    It 'takes metric names from the pipeline, including metrics from Get-LibratoMetric' {
        $conditions = 'a.beat', 'b.beat' | ForEach-Object { [pscustomobject]@{ MetricName = $_ } } |
            New-LibratoAlertCondition -Absent -Duration 120
        $conditions.MetricName | Should -Be @('a.beat', 'b.beat')
        Reset-Emulator $Emulator
        Send-LibratoMetric -Name backup.db.last_success -Value 1
        (Get-LibratoMetric 'backup.*' | New-LibratoAlertCondition -Absent -Duration 3600).MetricName | Should -Be 'backup.db.last_success'
    }

    It 'refuses a duration out of range with Librato.InvalidAlertDuration' -TestCases @(
        @{ Duration = 59 }, @{ Duration = 3601 }, @{ Duration = 90.5 }, @{ Duration = 0 }
    ) {
        $err = { New-LibratoAlertCondition cpu -Above 1 -Duration $Duration } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidAlertDuration*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject.MetricName | Should -Be 'cpu'
        $err.Exception.Message | Should -Match '60 to 3600'
    }

    It 'refuses an unknown summary function with Librato.InvalidSummaryFunction' {
        $err = { New-LibratoAlertCondition cpu -Above 1 -SummaryFunction median } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidSummaryFunction*'
        $err.TargetObject.SummaryFunction | Should -Be 'median'
        $err.Exception.Message | Should -Match 'average, sum, min, max, count, derivative'
    }

    It 'refuses absent without a duration with Librato.AbsentWithoutDuration' {
        $err = { New-LibratoAlertCondition heartbeat -Absent } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.AbsentWithoutDuration*'
        $err.TargetObject.MetricName | Should -Be 'heartbeat'
    }

    It 'refuses a grouped tag that is not a tag filter with Librato.InvalidConditionTag' {
        $err = { New-LibratoAlertCondition cpu -Above 1 -Tag @{ env = 'prod' } -GroupedTag host } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidConditionTag*'
    }

    It 'completes summary functions' {
        Get-CompletionValues 'New-LibratoAlertCondition cpu -Above 1 -SummaryFunction m' | Should -Be @('min', 'max')
    }
}

Describe 'New-LibratoAlert' {
    BeforeAll {
        Reset-Emulator $Emulator
        $script:Mail = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' }
        $script:Slack = New-LibratoService -Title 'ops-slack' -Type slack -Settings @{ url = 'https://hooks.example.com/x' }
    }

    BeforeEach {
        Get-LibratoAlert | Remove-LibratoAlert -Force
        Clear-EmulatorRequests
    }

    It 'creates an alert with above conditions: at once, after a duration, with a summary function (README)' {
        $alert = New-LibratoAlert my.alert -Condition @(
            New-LibratoAlertCondition metric_name -Above 1
            New-LibratoAlertCondition metric_name -Above 1 -Duration 60
            New-LibratoAlertCondition metric_name -Above 1 -SummaryFunction sum
        )
        $alert | Should -BeOfType ([Librato.Api.LibratoAlert])
        $stored = Read-EmulatorAlert $alert.Id
        $stored.name | Should -Be 'my.alert'
        $stored.conditions | Should -HaveCount 3
        $stored.conditions.type | Select-Object -Unique | Should -Be 'above'
        $stored.conditions.threshold | Should -Be @(1, 1, 1)
        $stored.conditions[0].duration | Should -BeNullOrEmpty
        $stored.conditions[1].duration | Should -Be 60
        $stored.conditions[2].summary_function | Should -Be 'sum'
    }

    It 'creates an alert with a below condition and a description (README)' {
        $alert = New-LibratoAlert my.alert -Description 'An alert description' -Condition (New-LibratoAlertCondition metric_name -Below 1)
        $stored = Read-EmulatorAlert $alert.Id
        $stored.description | Should -Be 'An alert description'
        $stored.conditions[0].type | Should -Be 'below'
        $stored.conditions[0].threshold | Should -Be 1
    }

    It 'creates an alert with an absent condition (README: stops reporting for five minutes)' {
        $alert = New-LibratoAlert my.alert -Condition (New-LibratoAlertCondition metric_name -Absent -Duration (New-TimeSpan -Minutes 5))
        $stored = Read-EmulatorAlert $alert.Id
        $stored.conditions[0].type | Should -Be 'absent'
        $stored.conditions[0].duration | Should -Be 300
    }

    It 'restricts a condition to a source (README)' {
        $alert = New-LibratoAlert my.alert -MetricName metric_name -Source mysource -Above 1
        (Read-EmulatorAlert $alert.Id).conditions[0].source | Should -Be 'mysource'
        $alert.Conditions[0].Source | Should -Be 'mysource'
    }

    It 'creates an alert with service ids (README)' {
        $alert = New-LibratoAlert my.alert -MetricName cpu -Above 1 -Service $Mail.Id, $Slack.Id
        $alert.Services.Id | Should -Be @($Mail.Id, $Slack.Id)
        (Read-EmulatorAlert $alert.Id).services.id | Should -Be @($Mail.Id, $Slack.Id)
        $body = (Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST').body | ConvertFrom-Json
        $body.services | Should -Be @($Mail.Id, $Slack.Id)
    }

    It 'creates an alert with service objects from Get-LibratoService (README)' {
        $s = Get-LibratoService
        $alert = New-LibratoAlert my.alert -MetricName cpu -Above 1 -Service $s[0], $s[1]
        $alert.Services.Title | Should -Be @($s[0].Title, $s[1].Title)
    }

    It 'takes service titles, numeric text and objects with an Id too' {
        $alert = New-LibratoAlert my.alert -MetricName cpu -Above 1 -Service 'OPS-SLACK', "$($Mail.Id)"
        $alert.Services.Id | Should -Be @($Slack.Id, $Mail.Id)
        $copy = $Mail | Select-Object Id, Title
        $other = New-LibratoAlert my.other.alert -MetricName cpu -Above 1 -Service $copy, @{ id = $Slack.Id }
        $other.Services.Id | Should -Be @($Mail.Id, $Slack.Id)
    }

    It 'puts it all together: a condition as a hashtable, services, and the alert returned with both without a second call (README)' {
        $cond = @{ metric_name = 'cpu'; type = 'above'; threshold = 42 }
        $s = Get-LibratoService
        Clear-EmulatorRequests
        $alert = New-LibratoAlert my.alert -Condition $cond -Service $s[0], $s[1]
        $alert.Conditions | Should -HaveCount 1
        $alert.Conditions[0].MetricName | Should -Be 'cpu'
        $alert.Conditions[0].Threshold | Should -Be 42
        $alert.Conditions[0].Id | Should -BeGreaterThan 0
        $alert.Services | Should -HaveCount 2
        $alert.Services[0].Settings.Count | Should -BeGreaterThan 0
        $requests = Get-EmulatorRequests $Emulator
        $requests | Should -HaveCount 1
        $requests[0].method | Should -Be 'POST'
        $requests[0].path | Should -Be '/v1/alerts'
    }

    It 'takes conditions from JSON and combines inline and given conditions' {
        $json = '[{"metric_name":"queue.depth","type":"above","threshold":1000,"summary_function":"max","duration":120,"tags":[{"name":"env","values":["prod"],"grouped":true}]}]' | ConvertFrom-Json
        $alert = New-LibratoAlert my.alert -MetricName heartbeat -Absent -Duration 600 -Condition $json
        $stored = Read-EmulatorAlert $alert.Id
        $stored.conditions.metric_name | Should -Be @('heartbeat', 'queue.depth')
        $stored.conditions[1].summary_function | Should -Be 'max'
        $stored.conditions[1].tags[0].grouped | Should -BeTrue
        $stored.conditions[1].tags[0].values | Should -Be 'prod'
    }

    It 'sends description, attributes, runbook url, rearm seconds, rearm per signal and active' {
        $alert = New-LibratoAlert my.alert -MetricName cpu -Above 90 -SummaryFunction max -Duration 300 -Tag @{ host = 'web-*' } `
            -Description 'CPU busy' -Attributes @{ team = 'ops' } -RunbookUrl 'https://runbooks.example.com/cpu' `
            -RearmSeconds 1800 -RearmPerSignal -Active $false
        $stored = Read-EmulatorAlert $alert.Id
        $stored.description | Should -Be 'CPU busy'
        $stored.attributes.team | Should -Be 'ops'
        $stored.attributes.runbook_url | Should -Be 'https://runbooks.example.com/cpu'
        $stored.rearm_seconds | Should -Be 1800
        $stored.rearm_per_signal | Should -BeTrue
        $stored.active | Should -BeFalse
        $stored.conditions[0].tags[0].name | Should -Be 'host'
        $stored.conditions[0].tags[0].values | Should -Be 'web-*'
        $alert.RunbookUrl | Should -Be 'https://runbooks.example.com/cpu'
        $alert.Active | Should -BeFalse
    }

    It 'refuses every rule violation with its error id before any request' -TestCases @(
        @{ Id = 'Librato.InvalidAlertDuration'; Call = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -Duration 30 } }
        @{ Id = 'Librato.InvalidAlertDuration'; Call = { New-LibratoAlert v.alert -Condition @{ metric_name = 'cpu'; type = 'absent'; duration = 7200 } } }
        @{ Id = 'Librato.InvalidSummaryFunction'; Call = { New-LibratoAlert v.alert -MetricName cpu -Below 1 -SummaryFunction median } }
        @{ Id = 'Librato.InvalidSummaryFunction'; Call = { New-LibratoAlert v.alert -Condition @{ metric_name = 'cpu'; threshold = 1; summary_function = 'p99' } } }
        @{ Id = 'Librato.InvalidRearmSeconds'; Call = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -RearmSeconds 90 } }
        @{ Id = 'Librato.InvalidRearmSeconds'; Call = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -RearmSeconds 0 } }
        @{ Id = 'Librato.AbsentWithoutDuration'; Call = { New-LibratoAlert v.alert -MetricName heartbeat -Absent } }
        @{ Id = 'Librato.AbsentWithoutDuration'; Call = { New-LibratoAlert v.alert -Condition @{ metric_name = 'heartbeat'; type = 'absent' } } }
        @{ Id = 'Librato.MissingThreshold'; Call = { New-LibratoAlert v.alert -Condition @{ metric_name = 'cpu'; type = 'above' } } }
        @{ Id = 'Librato.InvalidAlertName'; Call = { New-LibratoAlert 'my alert' -MetricName cpu -Above 1 } }
        @{ Id = 'Librato.InvalidConditionMetric'; Call = { New-LibratoAlert v.alert -MetricName 'bad metric' -Above 1 } }
    ) {
        $err = $Call | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-EmulatorRequests $Emulator | Should -BeNullOrEmpty
    }

    It 'names what broke the rule as the error target' {
        $err = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -RearmSeconds 90 } | Should -Throw -PassThru
        $err.TargetObject | Should -Be 90
        $err = { New-LibratoAlert v.alert -MetricName heartbeat -Absent } | Should -Throw -PassThru
        $err.TargetObject.MetricName | Should -Be 'heartbeat'
        $err = { New-LibratoAlert 'my alert' } | Should -Throw -PassThru
        $err.TargetObject | Should -Be 'my alert'
    }

    It 'refuses a hashtable condition with an unknown key' {
        { New-LibratoAlert v.alert -Condition @{ metric_name = 'cpu'; treshold = 1 } } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
    }

    It 'refuses services it cannot resolve, before creating anything' -TestCases @(
        @{ Service = 'no such service'; Id = 'Librato.ServiceNotFound' }
        @{ Service = $true; Id = 'Librato.InvalidService' }
    ) {
        $err = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -Service $Service } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.TargetObject | Should -Be $Service
        Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST' | Should -BeNullOrEmpty
    }

    It 'refuses a title two services share with Librato.AmbiguousServiceTitle' {
        $twin = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'other@example.com' } -Force
        try {
            $err = { New-LibratoAlert v.alert -MetricName cpu -Above 1 -Service 'ops mail' } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'Librato.AmbiguousServiceTitle,*'
            $err.Exception.Message | Should -Match "$($Mail.Id), $($twin.Id)"
        }
        finally {
            Remove-LibratoService -Id $twin.Id -Force
        }
    }

    It 'reports a name already taken with Librato.InvalidRequest' {
        New-LibratoAlert taken -MetricName cpu -Above 1 | Out-Null
        New-LibratoAlert TAKEN -MetricName cpu -Above 1 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest*'
        $errs[0].Exception.Message | Should -Match 'has already been taken'
        $errs[0].TargetObject | Should -Be 'TAKEN'
    }

    It 'creates nothing with -WhatIf' {
        New-LibratoAlert my.alert -MetricName cpu -Above 1 -Service 'ops-slack' -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequests $Emulator | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
    }
}

Describe 'Get-LibratoAlert' {
    BeforeAll {
        Reset-Emulator $Emulator
        # 120 alerts: more than one page of 100.
        1..120 | ForEach-Object { New-LibratoAlert ('page.a{0:000}' -f $_) -MetricName cpu -Above $_ } | Out-Null
        $script:Exact = New-LibratoAlert my.alert -MetricName cpu -Above 1
        New-LibratoAlert my.alert.2 -MetricName cpu -Above 2 | Out-Null
        New-LibratoAlert staging.my.alert -MetricName cpu -Above 3 -Active $false | Out-Null
    }

    It 'lists every alert across pages (README: list all alerts)' {
        Clear-EmulatorRequests
        $names = Get-LibratoAlert | ForEach-Object Name
        $names | Should -HaveCount 123
        $names | Should -Contain 'page.a120'
        $pages = Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/alerts' }
        $pages | Should -HaveCount 2
    }

    It 'writes the first page before reading the next' {
        Clear-EmulatorRequests
        Get-LibratoAlert | Select-Object -First 3 | Should -HaveCount 3
        Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/alerts' } | Should -HaveCount 1
    }

    It 'returns exactly the alert with an exact name, ignoring case, although others contain it' {
        $alert = Get-LibratoAlert my.alert
        $alert | Should -HaveCount 1
        $alert.Id | Should -Be $Exact.Id
        (Get-LibratoAlert MY.ALERT).Id | Should -Be $Exact.Id
        $alert.Conditions[0].Threshold | Should -Be 1
    }

    It 'returns every match of a name filter' {
        (Get-LibratoAlert '*my.alert*').Name | Sort-Object | Should -Be @('my.alert', 'my.alert.2', 'staging.my.alert')
        (Get-LibratoAlert 'page.a1[01]?').Name | Should -HaveCount 20
        Get-LibratoAlert 'nothing.*' | Should -BeNullOrEmpty
    }

    It 'honours -ActiveOnly' {
        (Get-LibratoAlert '*my.alert*' -ActiveOnly).Name | Sort-Object | Should -Be @('my.alert', 'my.alert.2')
        Get-LibratoAlert -ActiveOnly | Should -HaveCount 122
        Get-LibratoAlert staging.my.alert -ActiveOnly | Should -BeNullOrEmpty
    }

    It 'gets alerts by id, and from the pipeline' {
        (Get-LibratoAlert -Id $Exact.Id).Name | Should -Be 'my.alert'
        ($Exact | Get-LibratoAlert).Name | Should -Be 'my.alert'
        ('my.alert', 'my.alert.2' | Get-LibratoAlert).Name | Should -Be @('my.alert', 'my.alert.2')
    }

    It 'reports a missing name or id with Librato.AlertNotFound and goes on' {
        $found = Get-LibratoAlert -Name no.such.alert, my.alert -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'my.alert'
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'no.such.alert'
        Get-LibratoAlert -Id 987654 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].TargetObject | Should -Be 987654
    }
}

Describe 'Set-LibratoAlert' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Mail = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' }
        $script:Slack = New-LibratoService -Title 'ops-slack' -Type slack -Settings @{ url = 'https://hooks.example.com/x' }
        $script:Pager = New-LibratoService -Title 'pager' -Type pagerduty -Settings @{ service_key = 'k' }
        $script:Alert = New-LibratoAlert web.cpu -Description 'CPU' -RearmSeconds 1200 -RearmPerSignal `
            -Attributes @{ runbook_url = 'https://runbooks.example.com/cpu'; team = 'web' } -Service $Mail, $Slack -Condition @(
                New-LibratoAlertCondition cpu -Above 80 -SummaryFunction max -Duration 300
                New-LibratoAlertCondition heartbeat -Absent -Duration 600
            )
        Clear-EmulatorRequests
    }

    It 'writes back everything it was not told to change' {
        Set-LibratoAlert web.cpu -Description 'CPU busy'
        $body = Get-PutBody
        $body.description | Should -Be 'CPU busy'
        $body.conditions | Should -HaveCount 2
        $body.conditions.id | Should -Be $Alert.Conditions.Id
        $body.conditions[0].threshold | Should -Be 80
        $body.conditions[0].summary_function | Should -Be 'max'
        $body.services | Should -Be @($Mail.Id, $Slack.Id)
        $body.attributes.runbook_url | Should -Be 'https://runbooks.example.com/cpu'
        $body.attributes.team | Should -Be 'web'
        $body.rearm_seconds | Should -Be 1200
        $body.rearm_per_signal | Should -BeTrue
        $body.active | Should -BeTrue
        $body.name | Should -Be 'web.cpu'
        $stored = Read-EmulatorAlert $Alert.Id
        $stored.description | Should -Be 'CPU busy'
        $stored.conditions | Should -HaveCount 2
        $stored.services | Should -HaveCount 2
    }

    It 'adds a condition and replaces one that watches the same thing, keeping its id' {
        Set-LibratoAlert web.cpu -Condition (New-LibratoAlertCondition cpu -Above 95 -SummaryFunction max -Duration 300), (New-LibratoAlertCondition mem -Above 90)
        $stored = Read-EmulatorAlert $Alert.Id
        $stored.conditions.metric_name | Should -Be @('cpu', 'heartbeat', 'mem')
        $stored.conditions[0].threshold | Should -Be 95
        $stored.conditions[0].id | Should -Be $Alert.Conditions[0].Id
        $stored.conditions[1].id | Should -Be $Alert.Conditions[1].Id
    }

    It 'replaces the conditions on purpose with -ReplaceConditions, keeping the ids of those sent back' {
        $keep = $Alert.Conditions | Where-Object MetricName -EQ 'heartbeat'
        Set-LibratoAlert web.cpu -Condition $keep, @{ metric_name = 'disk'; type = 'below'; threshold = 5 } -ReplaceConditions
        $stored = Read-EmulatorAlert $Alert.Id
        $stored.conditions.metric_name | Should -Be @('heartbeat', 'disk')
        $stored.conditions[0].id | Should -Be $keep.Id
        $stored.services | Should -HaveCount 2
    }

    It 'adds services by title or object, and replaces them on purpose with -ReplaceServices' {
        Set-LibratoAlert web.cpu -Service pager, $Mail
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be @($Mail.Id, $Slack.Id, $Pager.Id)
        Set-LibratoAlert web.cpu -Service $Pager.Id -ReplaceServices
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be $Pager.Id
        Set-LibratoAlert web.cpu -ReplaceServices
        (Read-EmulatorAlert $Alert.Id).services | Should -BeNullOrEmpty
        (Read-EmulatorAlert $Alert.Id).conditions | Should -HaveCount 2
    }

    It 'merges attributes, removes one given as $null, and replaces them on purpose with -ReplaceAttributes' {
        Set-LibratoAlert web.cpu -Attributes @{ owner = 'ana'; team = $null }
        $attributes = (Read-EmulatorAlert $Alert.Id).attributes
        $attributes.owner | Should -Be 'ana'
        $attributes.runbook_url | Should -Be 'https://runbooks.example.com/cpu'
        $attributes.PSObject.Properties.Name | Should -Not -Contain 'team'
        Set-LibratoAlert web.cpu -RunbookUrl 'https://runbooks.example.com/cpu-v2'
        (Read-EmulatorAlert $Alert.Id).attributes.runbook_url | Should -Be 'https://runbooks.example.com/cpu-v2'
        Set-LibratoAlert web.cpu -Attributes @{ severity = 'high' } -ReplaceAttributes
        (Read-EmulatorAlert $Alert.Id).attributes.PSObject.Properties.Name | Should -Be 'severity'
    }

    It 'renames, disables and changes rearming, and returns the alert with -PassThru' {
        $updated = Set-LibratoAlert -Id $Alert.Id -NewName web.cpu.busy -Active $false -RearmSeconds 3600 -RearmPerSignal:$false -PassThru
        $updated.Name | Should -Be 'web.cpu.busy'
        $updated.Active | Should -BeFalse
        $updated.RearmSeconds | Should -Be 3600
        $updated.RearmPerSignal | Should -BeFalse
        $updated.Conditions | Should -HaveCount 2
        $updated.Services | Should -HaveCount 2
    }

    It 'changes every alert piped in or matched by a pattern' {
        New-LibratoAlert web.mem -MetricName mem -Above 1 | Out-Null
        Get-LibratoAlert 'web.*' | Set-LibratoAlert -Attributes @{ tier = 'web' }
        (Get-LibratoAlert 'web.*').Attributes | ForEach-Object { $_['tier'] | Should -Be 'web' }
        Set-LibratoAlert 'web.*' -Attributes @{ tier = 'front' }
        (Get-LibratoAlert 'web.*').Attributes | ForEach-Object { $_['tier'] | Should -Be 'front' }
        (Get-LibratoAlert web.cpu).Attributes['team'] | Should -Be 'web'
    }

    It 'refuses rule violations before any request' -TestCases @(
        @{ Id = 'Librato.InvalidRearmSeconds'; Call = { Set-LibratoAlert web.cpu -RearmSeconds 61 } }
        @{ Id = 'Librato.InvalidAlertDuration'; Call = { Set-LibratoAlert web.cpu -Condition @{ metric_name = 'cpu'; threshold = 1; duration = 10 } } }
        @{ Id = 'Librato.AbsentWithoutDuration'; Call = { Set-LibratoAlert web.cpu -Condition @{ metric_name = 'beat'; type = 'absent' } } }
        @{ Id = 'Librato.InvalidSummaryFunction'; Call = { Set-LibratoAlert web.cpu -Condition @{ metric_name = 'cpu'; threshold = 1; summary_function = 'mean' } } }
        @{ Id = 'Librato.InvalidAlertName'; Call = { Set-LibratoAlert web.cpu -NewName 'web cpu' } }
        @{ Id = 'Librato.NothingToUpdate'; Call = { Set-LibratoAlert web.cpu } }
    ) {
        $err = $Call | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        Get-EmulatorRequests $Emulator | Should -BeNullOrEmpty
    }

    It 'reports an unknown alert with Librato.AlertNotFound' {
        Set-LibratoAlert no.such -Description x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].TargetObject | Should -Be 'no.such'
    }

    It 'changes nothing with -WhatIf' {
        Set-LibratoAlert web.cpu -Description changed -WhatIf
        Get-EmulatorRequests $Emulator | Where-Object method -EQ 'PUT' | Should -BeNullOrEmpty
    }
}

Describe 'Enable-LibratoAlert and Disable-LibratoAlert' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Mail = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' }
        $script:Alert = New-LibratoAlert web.cpu -MetricName cpu -Above 80 -Service $Mail -RunbookUrl 'https://runbooks.example.com/cpu'
        Clear-EmulatorRequests
    }

    It 'disables an alert and keeps its conditions, services and attributes' {
        $result = Disable-LibratoAlert web.cpu -PassThru
        $result.Active | Should -BeFalse
        $body = Get-PutBody
        $body.active | Should -BeFalse
        $body.conditions | Should -HaveCount 1
        $body.services | Should -Be $Mail.Id
        $body.attributes.runbook_url | Should -Be 'https://runbooks.example.com/cpu'
        $stored = Read-EmulatorAlert $Alert.Id
        $stored.active | Should -BeFalse
        $stored.services | Should -HaveCount 1
        $stored.conditions | Should -HaveCount 1
    }

    It 'enables piped alerts again' {
        Disable-LibratoAlert -Id $Alert.Id
        Get-LibratoAlert web.cpu | Enable-LibratoAlert
        (Read-EmulatorAlert $Alert.Id).active | Should -BeTrue
    }

    It 'sends nothing for an alert already in that state, and still passes it through' {
        (Enable-LibratoAlert web.cpu -PassThru).Active | Should -BeTrue
        Get-EmulatorRequests $Emulator | Where-Object method -EQ 'PUT' | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf and reports unknown alerts' {
        Disable-LibratoAlert web.cpu -WhatIf
        (Read-EmulatorAlert $Alert.Id).active | Should -BeTrue
        Disable-LibratoAlert no.such -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
    }
}

Describe 'Get-LibratoAlertStatus and Clear-LibratoAlert' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $script:Cpu = New-LibratoAlert status.cpu -MetricName status.cpu -Above 90
        $script:Quiet = New-LibratoAlert status.quiet -MetricName status.other -Above 90
    }

    It 'lists nothing when nothing fires' {
        Clear-EmulatorRequests
        Get-LibratoAlertStatus | Should -BeNullOrEmpty
        Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/alerts' | Should -BeNullOrEmpty
    }

    It 'shows an alert firing from the stored data, with its name, and clears it' {
        Send-LibratoMetric -Name status.cpu -Value 95
        $firing = Get-LibratoAlertStatus
        $firing | Should -HaveCount 1
        $firing | Should -BeOfType ([Librato.Api.LibratoAlertStatus])
        $firing.AlertId | Should -Be $Cpu.Id
        $firing.Name | Should -Be 'status.cpu'
        $firing.Status | Should -Be 'triggered'
        $firing.IsFiring | Should -BeTrue
        [math]::Abs(($firing.TriggeredAt - [datetime]::UtcNow).TotalSeconds) | Should -BeLessThan 60

        $one = Get-LibratoAlertStatus -Name status.cpu
        $one.Status | Should -Be 'triggered'
        $one.Name | Should -Be 'status.cpu'
        (Get-LibratoAlertStatus -Id $Quiet.Id).Status | Should -Be 'ok'

        Get-LibratoAlert status.cpu | Clear-LibratoAlert
        Get-LibratoAlertStatus | Should -BeNullOrEmpty
        $cleared = Get-LibratoAlertStatus -IncludeCleared
        $cleared.AlertId | Should -Be $Cpu.Id
        $cleared.Status | Should -Be 'cleared'
        $cleared.ClearedAt | Should -Not -BeNullOrEmpty
        (Get-LibratoAlertStatus status.cpu).Status | Should -Be 'ok'
    }

    It 'shows an absent condition firing when the metric has gone quiet' {
        $beat = New-LibratoAlert status.beat -MetricName status.beat -Absent -Duration 60
        Send-LibratoMetric -Name status.beat -Value 1 -Time ($Now - 300)
        (Get-LibratoAlertStatus).AlertId | Should -Be $beat.Id
    }

    It 'shows an alert the emulator was told to trigger, until it is cleared' {
        Invoke-AlertTrigger $Quiet.Id
        (Get-LibratoAlertStatus).Name | Should -Be 'status.quiet'
        $pipeline = Get-LibratoAlert 'status.*' | Get-LibratoAlertStatus
        ($pipeline | Where-Object Name -EQ 'status.quiet').Status | Should -Be 'triggered'
        ($pipeline | Where-Object Name -EQ 'status.cpu').Status | Should -Be 'ok'
        Clear-LibratoAlert status.quiet
        Get-LibratoAlertStatus | Should -BeNullOrEmpty
    }

    It 'clears the firing alerts piped from Get-LibratoAlertStatus' {
        Invoke-AlertTrigger $Quiet.Id
        Invoke-AlertTrigger $Cpu.Id
        Get-LibratoAlertStatus | Should -HaveCount 2
        Get-LibratoAlertStatus | Clear-LibratoAlert
        Get-LibratoAlertStatus | Should -BeNullOrEmpty
        (Get-LibratoAlertStatus -IncludeCleared).AlertId | Sort-Object | Should -Be @($Cpu.Id, $Quiet.Id)
    }

    It 'leaves a firing alert alone with -WhatIf' {
        Invoke-AlertTrigger $Quiet.Id
        Clear-LibratoAlert -Id $Quiet.Id -WhatIf
        (Get-LibratoAlertStatus).AlertId | Should -Be $Quiet.Id
    }

    It 'reports unknown alerts with Librato.AlertNotFound' {
        Get-LibratoAlertStatus -Id 4711 -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].TargetObject | Should -Be 4711
        Clear-LibratoAlert no.such -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].TargetObject | Should -Be 'no.such'
    }
}

Describe 'Add-LibratoAlertService and Remove-LibratoAlertService' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Mail = New-LibratoService -Title 'ops mail' -Type mail -Settings @{ addresses = 'ops@example.com' }
        $script:Slack = New-LibratoService -Title 'ops-slack' -Type slack -Settings @{ url = 'https://hooks.example.com/x' }
        $script:Alert = New-LibratoAlert my.alert -MetricName cpu -Above 1
        Clear-EmulatorRequests
    }

    It 'adds an outbound service to an alert (README)' {
        Add-LibratoAlertService my.alert -Service $Mail.Id
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be $Mail.Id
        $post = Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST'
        $post.path | Should -Be "/v1/alerts/$($Alert.Id)/services"
    }

    It 'adds services by object or title to piped alerts, skipping those already attached' {
        Add-LibratoAlertService -Id $Alert.Id -Service $Mail
        Clear-EmulatorRequests
        $result = Get-LibratoAlert my.alert | Add-LibratoAlertService -Service $Mail, 'ops-slack' -PassThru
        $result.Services.Id | Should -Be @($Mail.Id, $Slack.Id)
        $posts = Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST'
        $posts | Should -HaveCount 1
        $posts[0].body | ConvertFrom-Json | ForEach-Object service | Should -Be $Slack.Id
    }

    It 'removes a service from an alert and keeps the service' {
        Add-LibratoAlertService my.alert -Service $Mail, $Slack
        $result = Remove-LibratoAlertService my.alert -Service 'ops mail' -Force -PassThru
        $result.Services.Id | Should -Be $Slack.Id
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be $Slack.Id
        Get-LibratoService -Id $Mail.Id | Should -Not -BeNullOrEmpty
    }

    It 'reports a service that is not attached with Librato.ServiceNotAttached' {
        Remove-LibratoAlertService my.alert -Service $Slack -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.ServiceNotAttached*'
        $errs[0].TargetObject | Should -Be $Slack.Id
        Get-EmulatorRequests $Emulator | Where-Object method -EQ 'DELETE' | Should -BeNullOrEmpty
    }

    It 'asks before detaching (High) unless -Force, and changes nothing with -WhatIf' {
        $meta = (Get-Command Remove-LibratoAlertService).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $meta.ConfirmImpact | Should -Be 'High'
        Add-LibratoAlertService my.alert -Service $Mail
        Remove-LibratoAlertService my.alert -Service $Mail -WhatIf
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be $Mail.Id
        Add-LibratoAlertService my.alert -Service $Slack -WhatIf
        (Read-EmulatorAlert $Alert.Id).services.id | Should -Be $Mail.Id
    }
}

Describe 'Remove-LibratoAlert' {
    BeforeEach {
        Reset-Emulator $Emulator
        'app.cpu', 'app.mem', 'db.cpu' | ForEach-Object { New-LibratoAlert $_ -MetricName cpu -Above 1 } | Out-Null
    }

    It 'is a high-impact change with -Force' {
        $meta = Get-Command Remove-LibratoAlert
        $meta.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $meta.Parameters.Keys | Should -Contain 'Force'
    }

    It 'deletes by exact name, by pattern, and from the pipeline' {
        Remove-LibratoAlert db.cpu -Force
        (Get-LibratoAlert).Name | Sort-Object | Should -Be @('app.cpu', 'app.mem')
        Get-LibratoAlert app.mem | Remove-LibratoAlert -Force
        (Get-LibratoAlert).Name | Should -Be 'app.cpu'
        Remove-LibratoAlert 'app.*' -Force
        Get-LibratoAlert | Should -BeNullOrEmpty
    }

    It 'keeps the alert with -WhatIf, even with -Force' {
        Remove-LibratoAlert app.cpu -WhatIf
        Remove-LibratoAlert app.cpu -Force -WhatIf
        Get-LibratoAlert | Should -HaveCount 3
    }

    It 'reports an unknown alert with Librato.AlertNotFound' {
        Remove-LibratoAlert -Id 5150 -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlertNotFound*'
        $errs[0].TargetObject | Should -Be 5150
        Remove-LibratoAlert app.nothing -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].TargetObject | Should -Be 'app.nothing'
        Get-LibratoAlert | Should -HaveCount 3
    }
}

Describe 'Alert name completion' {
    BeforeAll {
        Reset-Emulator $Emulator
        'web.cpu', 'web.mem', 'db.web.latency', 'db.cpu' | ForEach-Object { New-LibratoAlert $_ -MetricName cpu -Above 1 } | Out-Null
    }

    It 'completes names containing the word, prefix matches first' {
        Get-CompletionValues 'Get-LibratoAlert web' | Should -Be @('web.cpu', 'web.mem', 'db.web.latency')
        Get-CompletionValues 'Remove-LibratoAlert -Name db.' | Should -Be @('db.cpu', 'db.web.latency')
    }

    It 'caches the names per session' {
        Get-CompletionValues 'Set-LibratoAlert db.c' | Out-Null
        Clear-EmulatorRequests
        Get-CompletionValues 'Set-LibratoAlert db.c' | Should -Be 'db.cpu'
        Get-EmulatorRequests $Emulator | Should -BeNullOrEmpty
    }

    It 'is silent when not connected' {
        Disconnect-Librato
        try {
            Get-CompletionValues 'Get-LibratoAlert web' | Should -BeNullOrEmpty
            Get-CompletionValues 'Get-LibratoService ops' | Should -BeNullOrEmpty
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}
