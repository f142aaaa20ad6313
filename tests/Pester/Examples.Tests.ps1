BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ResourceHelpers.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--user', 'b@example.com', '--token', 'b-token'
    $script:B = Get-EmulatorAccount $Emulator -Email 'b@example.com' -Token 'b-token'
    $script:Examples = Join-Path $RepoRoot 'examples'

    function script:Get-TestCredential($Account) {
        [pscredential]::new($Account.Email, (ConvertTo-SecureString $Account.Token -AsPlainText -Force))
    }

    $script:Account = @{ Credential = (Get-TestCredential $Emulator); Endpoint = $Emulator.Url }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The examples' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'each has comment-based help with a synopsis, a description, every parameter and an example' -ForEach @(
        @{ Script = 'Send-CounterSamples.ps1' }
        @{ Script = 'Invoke-DeployRunbook.ps1' }
        @{ Script = 'Import-MetricBackfill.ps1' }
        @{ Script = 'Sync-LibratoSpace.ps1' }
    ) {
        $path = Join-Path $Examples $Script
        $help = Get-Help $path -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Script*"
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($help.examples.example) | Should -Not -BeNullOrEmpty
        $declared = (Get-Command $path).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
        foreach ($name in $declared) {
            ($help.parameters.parameter | Where-Object name -EQ $name).description | Should -Not -BeNullOrEmpty -Because "-$name is documented"
        }
        (Get-Content -LiteralPath $path -Raw) | Should -Not -Match 'demo-token|b-token'
    }
}

Describe 'Send-CounterSamples.ps1' {
    BeforeAll {
        function script:New-CounterSet([double] $Value, [int] $Round) {
            # Shaped like Get-Counter's output on Windows, which the test machine may not have; a minute apart, as scheduled.
            $time = (Get-Date).AddMinutes($Round - 10)
            [pscustomobject]@{
                PSTypeName     = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSampleSet'
                Timestamp      = $time
                CounterSamples = @(
                    [pscustomobject]@{
                        PSTypeName = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample'
                        Path = '\\web01\processor(_total)\% processor time'; InstanceName = '_total'
                        CookedValue = $Value; RawValue = [long]$Value; Timestamp = $time; Status = 0
                    }
                    [pscustomobject]@{
                        PSTypeName = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample'
                        Path = '\\web01\memory\available mbytes'; InstanceName = ''
                        CookedValue = 2048; RawValue = 2048; Timestamp = $time; Status = 0
                    }
                )
            }
        }
    }

    BeforeEach {
        Reset-Emulator $Emulator
        $script:Outbox = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $script:Calls = [System.Collections.Generic.List[object]]::new()
        function script:Get-Counter {
            param([string[]] $Counter)
            $Calls.Add($Counter)
            New-CounterSet (10 * $Calls.Count) $Calls.Count
        }
    }

    AfterEach { Remove-Item function:Get-Counter -ErrorAction SilentlyContinue }

    It 'samples the counters each interval and sends every sample as tagged gauges' {
        $summary = & (Join-Path $Examples 'Send-CounterSamples.ps1') @Account -OutboxPath $Outbox -Counter '\Processor(_Total)\% Processor Time', '\Memory\Available MBytes' -IntervalSec 0.2 -Count 3
        $Calls | Should -HaveCount 3
        $Calls[0] | Should -Be @('\Processor(_Total)\% Processor Time', '\Memory\Available MBytes')
        $summary.Samples | Should -Be 3
        $summary.Measurements | Should -Be 6
        $summary.Spooled | Should -Be 0
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'processor.pct_processor_time'.measurements | Should -Be 3
        $stats.per_metric.'memory.available_mbytes'.measurements | Should -Be 3
        $posts = Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements'
        $posts | Should -HaveCount 3
        (($posts | ForEach-Object { ($_.body | ConvertFrom-Json).measurements } | Where-Object name -EQ 'processor.pct_processor_time').value) | Should -Be @(10, 20, 30)
        ($posts[0].body | ConvertFrom-Json).measurements[0].tags.host | Should -Be 'web01'
    }

    It 'keeps a sample that cannot be sent in the outbox and sends it first on the next round' {
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 1; match = @{ method = 'POST'; path = '/v1/measurements' } }
        $summary = & (Join-Path $Examples 'Send-CounterSamples.ps1') @Account -OutboxPath $Outbox -IntervalSec 0.2 -Count 2 -MaxRetries 0 -WarningAction SilentlyContinue
        $summary.Measurements | Should -Be 2
        $summary.Spooled | Should -Be 0
        $stored = Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/measurements' -and $_.status -lt 300 }
        $stored | Should -HaveCount 2
        # The spooled first sample arrives first, with its value and its own time.
        (($stored[0].body | ConvertFrom-Json).measurements | Where-Object name -EQ 'processor.pct_processor_time').value | Should -Be 10
        (Get-EmulatorStats $Emulator).per_metric.'processor.pct_processor_time'.measurements | Should -Be 2
        @(Get-ChildItem $Outbox -Filter '*.outbox.jsonl') | Should -HaveCount 0
    }

    It 'stops after -Duration' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $summary = & (Join-Path $Examples 'Send-CounterSamples.ps1') @Account -OutboxPath $Outbox -IntervalSec 0.3 -Duration ([timespan]::FromSeconds(1))
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $summary.Samples | Should -BeGreaterOrEqual 3
        $summary.Samples | Should -BeLessOrEqual 5
        (Get-EmulatorStats $Emulator).per_metric.'memory.available_mbytes'.measurements | Should -Be $summary.Samples
    }

    It 'stops with a clear error where Get-Counter does not exist' -Skip:([bool](Get-Command Get-Counter -CommandType Cmdlet -ErrorAction SilentlyContinue)) {
        Remove-Item function:Get-Counter
        { & (Join-Path $Examples 'Send-CounterSamples.ps1') @Account -OutboxPath $Outbox -Count 1 } | Should -Throw '*Get-Counter is not available*'
        Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST' | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-DeployRunbook.ps1' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'annotates the deployment from start to end and records its duration and success' {
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $output = & (Join-Path $Examples 'Invoke-DeployRunbook.ps1') @Account -Application api -Version 5.3.2 -Source production -LinkUrl 'https://ci.example.com/b/77' -Deploy {
            param($version)
            "deploying $version"
            Start-Sleep -Milliseconds 1200
        }
        $output[0] | Should -Be 'deploying 5.3.2'
        $summary = $output[-1]
        $summary.Result | Should -Be 'success'
        $summary.Duration.TotalSeconds | Should -BeGreaterOrEqual 1.2

        $event = Invoke-EmulatorApi $Emulator "annotations/deploys/$($summary.AnnotationId)"
        $event.title | Should -Be 'Deploy api 5.3.2'
        $event.source | Should -Be 'production'
        $event.start_time | Should -BeGreaterOrEqual $before
        $event.end_time | Should -BeGreaterOrEqual ($event.start_time + 1)
        $event.links[0].href | Should -Be 'https://ci.example.com/b/77'
        $event.links[0].rel | Should -Be 'build'

        $sent = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements').body | ConvertFrom-Json
        $duration = $sent.measurements | Where-Object name -EQ 'deploy.duration'
        $duration.value | Should -BeGreaterOrEqual 1.2
        $duration.tags.app | Should -Be 'api'
        $duration.tags.result | Should -Be 'success'
        ($sent.measurements | Where-Object name -EQ 'deploy.success').value | Should -Be 1
    }

    It 'keeps the end of the annotation when the deployment throws, marks it, records the failure and rethrows' {
        $err = { & (Join-Path $Examples 'Invoke-DeployRunbook.ps1') @Account -Application web -Version 9 -Deploy { throw 'disk full on web-02' } } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Be 'disk full on web-02'

        $event = (Invoke-EmulatorApi $Emulator "annotations/deploys?start_time=$([DateTimeOffset]::UtcNow.AddHours(-1).ToUnixTimeSeconds())").events.unassigned | Select-Object -Last 1
        $event.title | Should -Be 'Deploy web 9'
        $event.end_time | Should -Not -BeNullOrEmpty
        $event.description | Should -Be 'Failed: disk full on web-02'

        $sent = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements').body | ConvertFrom-Json
        ($sent.measurements | Where-Object name -EQ 'deploy.success').value | Should -Be 0
        ($sent.measurements | Where-Object name -EQ 'deploy.duration').tags.result | Should -Be 'failure'
    }
}

Describe 'Import-MetricBackfill.ps1' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'sends every row of the CSV files with its time and tags, and counts what it did' {
        $start = [DateTimeOffset]::UtcNow.AddDays(-2).ToUnixTimeSeconds()
        $first = Join-Path $TestDrive 'part1.csv'
        $second = Join-Path $TestDrive 'part2.csv'
        1..600 | ForEach-Object { [pscustomobject]@{ name = 'backfill.cpu'; value = $_; time = $start + $_ * 60; host = "h$($_ % 3)" } } |
            Export-Csv $first -NoTypeInformation
        @(
            [pscustomobject]@{ name = 'backfill.mem'; value = '1.5'; time = [DateTimeOffset]::FromUnixTimeSeconds($start).ToString('yyyy-MM-ddTHH:mm:ssZ'); host = 'h1' }
            [pscustomobject]@{ name = 'backfill.mem'; value = 'n/a'; time = $start; host = 'h1' }
            [pscustomobject]@{ name = 'backfill.mem'; value = '2'; time = 'yesterday'; host = 'h1' }
            [pscustomobject]@{ name = 'backfill.mem'; value = '3'; time = ($start + 60) * 1000; host = 'h1' }
        ) | Export-Csv $second -NoTypeInformation

        $summary = & (Join-Path $Examples 'Import-MetricBackfill.ps1') (Join-Path $TestDrive 'part*.csv') @Account -TagColumn host -ThrottleLimit 3 -BatchSize 100 -WarningVariable warnings -WarningAction SilentlyContinue
        $summary.Rows | Should -Be 604
        $summary.Sent | Should -Be 602
        $summary.Skipped | Should -Be 2
        $summary.Failed | Should -Be 0
        $warnings | Should -HaveCount 2
        $warnings[0] | Should -Match "part2\.csv:3: the value 'n/a' is not a number"
        $warnings[1] | Should -Match "part2\.csv:4: the time 'yesterday' cannot be read"

        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'backfill.cpu'.measurements | Should -Be 600
        $stats.per_metric.'backfill.cpu'.series | Should -Be 3
        $stats.per_metric.'backfill.mem'.measurements | Should -Be 2
        $mem = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements').body | ConvertFrom-Json |
            ForEach-Object measurements | Where-Object name -EQ 'backfill.mem'
        $mem.time | Should -Be @($start, ($start + 60))
        $mem[0].tags.host | Should -Be 'h1'
        @(Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements').Count | Should -BeGreaterOrEqual 7
    }

    It 'maps its own column names, a custom time format in local time, one metric and legacy sources' {
        $local = (Get-Date).Date.AddDays(-1).AddHours(9)
        $csv = Join-Path $TestDrive 'rooms.csv'
        @(
            [pscustomobject]@{ Room = 'lab'; Celsius = '21.5'; Timestamp = $local.ToString('dd/MM/yyyy HH:mm', [cultureinfo]::InvariantCulture) }
            [pscustomobject]@{ Room = 'hall'; Celsius = '19'; Timestamp = $local.AddMinutes(5).ToString('dd/MM/yyyy HH:mm', [cultureinfo]::InvariantCulture) }
        ) | Export-Csv $csv -NoTypeInformation -Delimiter ';'

        $summary = & (Join-Path $Examples 'Import-MetricBackfill.ps1') $csv @Account -Metric office.temperature -ValueColumn Celsius -TimeColumn Timestamp `
            -TimeFormat 'dd/MM/yyyy HH:mm' -TimeZone Local -SourceColumn Room -Delimiter ';'
        $summary.Sent | Should -Be 2
        $gauges = ((Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').body | ConvertFrom-Json).gauges
        $gauges.name | Select-Object -Unique | Should -Be 'office.temperature'
        $gauges.source | Should -Be @('lab', 'hall')
        $gauges.value | Should -Be @(21.5, 19)
        $gauges[0].measure_time | Should -Be ([DateTimeOffset]$local).ToUnixTimeSeconds()
    }

    It 'counts the measurements the API refuses' {
        Send-LibratoMetric -Name backfill.counter -Value 1 -Type counter -Session (Connect-TestEmulator $Emulator)
        $csv = Join-Path $TestDrive 'typed.csv'
        $now = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()
        @([pscustomobject]@{ name = 'backfill.counter'; value = 5; time = $now; source = 'a' }) | Export-Csv $csv -NoTypeInformation
        $summary = & (Join-Path $Examples 'Import-MetricBackfill.ps1') $csv @Account -SourceColumn source -ErrorVariable errs -ErrorAction SilentlyContinue
        $summary.Sent | Should -Be 0
        $summary.Failed | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MeasurementRejected*'
    }
}

Describe 'Sync-LibratoSpace.ps1' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $script:SessionA = Connect-TestEmulator $Emulator
        $production = New-LibratoSpace Production -Session $SessionA
        Add-LibratoChart cpu -Space $production -Stream @{ metric = 'cpu.idle'; source = '*' } -Session $SessionA | Out-Null
        Add-LibratoChart memory -Space $production -Type stacked -Stream @{ metric = 'mem.free'; source = '*' } -Session $SessionA | Out-Null
        New-LibratoSpace Staging -Session $SessionA | Out-Null
        $script:Sync = Join-Path $Examples 'Sync-LibratoSpace.ps1'
        $script:Both = @{
            SourceCredential = (Get-TestCredential $Emulator); SourceEndpoint = $Emulator.Url
            DestinationCredential = (Get-TestCredential $B); DestinationEndpoint = $B.Url
        }
    }

    It 'exports the selected spaces to one file each, without ids' {
        $files = & $Sync Export -Path $Folder -Space 'Prod*' -SourceCredential $Both.SourceCredential -SourceEndpoint $Both.SourceEndpoint
        $files.Name | Should -Be 'Production.json'
        $definition = Get-Content (Join-Path $Folder 'Production.json') -Raw | ConvertFrom-Json
        $definition.name | Should -Be 'Production'
        $definition.charts.name | Should -Be @('cpu', 'memory')
        Get-Content (Join-Path $Folder 'Production.json') -Raw | Should -Not -Match '"id"'
    }

    It 'copies every space into the second account, and with -WhatIf changes nothing' {
        & $Sync -Path $Folder @Both -WhatIf
        Test-Path $Folder | Should -BeFalse
        Invoke-EmulatorApi $B 'spaces' | ForEach-Object spaces | Should -BeNullOrEmpty

        $out = & $Sync -Path $Folder @Both
        (Get-ChildItem $Folder -Filter *.json).Name | Sort-Object | Should -Be @('Production.json', 'Staging.json')
        ($out | Where-Object { $_ -is [Librato.Api.LibratoSpace] }).Name | Sort-Object | Should -Be @('Production', 'Staging')
        $spacesB = (Invoke-EmulatorApi $B 'spaces').spaces
        $spacesB.name | Should -Be @('Production', 'Staging')
        $charts = Invoke-EmulatorApi $B "spaces/$(($spacesB | Where-Object name -EQ 'Production').id)/charts"
        $charts.name | Should -Be @('cpu', 'memory')
        ($charts | Where-Object name -EQ 'memory').type | Should -Be 'stacked'
        ($charts | Where-Object name -EQ 'cpu').streams[0].metric | Should -Be 'cpu.idle'
        (Invoke-EmulatorApi $Emulator 'spaces').spaces | Should -HaveCount 2
    }

    It 'imports a changed folder: existing spaces are skipped with a warning, or with -Replace made to match, previewed by -WhatIf' {
        & $Sync -Path $Folder @Both | Out-Null
        $file = Join-Path $Folder 'Production.json'
        $definition = Get-Content $file -Raw | ConvertFrom-Json
        $definition.charts = @($definition.charts | Where-Object name -EQ 'cpu')
        $definition | ConvertTo-Json -Depth 20 | Set-Content $file
        $import = @{ DestinationCredential = $Both.DestinationCredential; DestinationEndpoint = $Both.DestinationEndpoint }
        $productionB = (Invoke-EmulatorApi $B 'spaces').spaces | Where-Object name -EQ 'Production'

        & $Sync Import -Path $Folder @import -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 2
        $warnings[0] | Should -Match "Skipped 'Production.json': .*already exists.*-Replace"
        (Invoke-EmulatorApi $B "spaces/$($productionB.id)/charts").name | Should -Be @('cpu', 'memory')

        & $Sync Import -Path $Folder @import -Replace -WhatIf | Out-Null
        (Invoke-EmulatorApi $B "spaces/$($productionB.id)/charts").name | Should -Be @('cpu', 'memory')

        & $Sync Import -Path $Folder @import -Replace | Out-Null
        (Invoke-EmulatorApi $B "spaces/$($productionB.id)/charts").name | Should -Be @('cpu')
        ((Invoke-EmulatorApi $B 'spaces').spaces | Where-Object name -EQ 'Production').id | Should -Be $productionB.id
    }
}
