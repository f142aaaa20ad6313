BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Invoke-Captured([string] $Script, $Session) {
        # Progress cannot be redirected, so run the command in its own PowerShell and read the stream there.
        $ps = [powershell]::Create()
        try {
            $ps.AddScript("param(`$module, `$session) Import-Module `$module; $Script") | Out-Null
            $ps.AddArgument((Join-Path $ModulePath 'Librato.psd1')).AddArgument($Session) | Out-Null
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }

    function script:Add-SlowRead([string] $Path, [string] $Method = 'GET') {
        # Makes the first matching request take longer than the two quiet seconds, so the rest of the read shows progress.
        Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 2300; count = 1; match = @{ method = $Method; path = $Path } }
    }

}

BeforeDiscovery {
    $Reads = @(
        @{
            Command = 'Get-LibratoMetric'; Id = 9402; Unit = 'metrics read'; Path = '/v1/metrics'
            Setup = { 1..3 | ForEach-Object { Send-LibratoMetric -Name "progress.metric$_" -Value $_ } }
            Read = 'Get-LibratoMetric -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoMetric (measurements)'; Id = 9403; Unit = 'points read'; Path = '/v1/metrics/progress.legacy'
            Setup = { 1..3 | ForEach-Object { Send-LibratoMetric -Name progress.legacy -Value $_ -Source "s$_" -Time ([DateTimeOffset]::UtcNow.AddMinutes(-2).ToUnixTimeSeconds()) } }
            Read = 'Get-LibratoMetric progress.legacy -Resolution 1 -StartTime (Get-Date).AddMinutes(-10) -Session $session'; Count = 1
        }
        @{
            Command = 'Show-LibratoMetric'; Id = 9412; Unit = 'points read'; Path = '/v1/metrics/progress.legacy'
            Setup = { 1..3 | ForEach-Object { Send-LibratoMetric -Name progress.legacy -Value $_ -Source "s$_" -Time ([DateTimeOffset]::UtcNow.AddMinutes(-2).ToUnixTimeSeconds()) } }
            Read = 'Show-LibratoMetric progress.legacy -Session $session'; Count = 3
        }
        @{
            Command = 'Submit-LibratoQueue'; Id = 9411; Unit = 'queued measurements sent'; Path = '/v1/metrics'; Method = 'POST'
            Setup = { }
            Read = '$queue = New-LibratoQueue -Session $session; 1..3 | ForEach-Object { $queue.Add("progress.queue", $_, "s$_") }; Submit-LibratoQueue $queue -PassThru'; Count = 1
        }
        @{
            Command = 'Get-LibratoMeasurement'; Id = 9403; Unit = 'points read'; Path = '/v1/measurements'
            Setup = { 1..3 | ForEach-Object { Send-LibratoMetric -Name progress.tagged -Value $_ -Tags @{ host = "h$_" } -Time ([DateTimeOffset]::UtcNow.AddMinutes(-2).ToUnixTimeSeconds()) } }
            Read = 'Get-LibratoMeasurement progress.tagged -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoAnnotation'; Id = 9404; Unit = 'annotations read'; Path = '/v1/annotations'
            Setup = { 1..3 | ForEach-Object { New-LibratoAnnotation "progress.stream$_" -Title "event $_" -StartTime ([DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds()) | Out-Null } }
            Read = 'Get-LibratoAnnotation -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoAnnotationStream'; Id = 9405; Unit = 'streams read'; Path = '/v1/annotations'
            Setup = { 1..3 | ForEach-Object { New-LibratoAnnotation "progress.stream$_" -Title "event $_" | Out-Null } }
            Read = 'Get-LibratoAnnotationStream -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoAlert'; Id = 9406; Unit = 'alerts read'; Path = '/v1/alerts'
            Setup = { 1..3 | ForEach-Object { New-LibratoAlert "progress.alert$_" -MetricName cpu -Above 90 | Out-Null } }
            Read = 'Get-LibratoAlert -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoAlert (pattern)'; Id = 9406; Unit = 'alerts read'; Path = '/v1/alerts'
            Setup = { 1..3 | ForEach-Object { New-LibratoAlert "progress.alert$_" -MetricName cpu -Above 90 | Out-Null } }
            Read = 'Get-LibratoAlert progress.alert* -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoService'; Id = 9407; Unit = 'services read'; Path = '/v1/services'
            Setup = { 1..3 | ForEach-Object { New-LibratoService -Title "progress $_" -Type mail -Settings @{ addresses = 'ops@example.com' } | Out-Null } }
            Read = 'Get-LibratoService -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoSpace'; Id = 9408; Unit = 'spaces read'; Path = '/v1/spaces'
            Setup = { 1..3 | ForEach-Object { New-LibratoSpace "progress.space$_" | Out-Null } }
            Read = 'Get-LibratoSpace -Session $session'; Count = 3
        }
        @{
            Command = 'Get-LibratoChart'; Id = 9409; Unit = 'charts read'; Path = '/v1/spaces'
            Setup = { 1..3 | ForEach-Object { New-LibratoSpace "progress.space$_" | Add-LibratoChart "chart $_" | Out-Null } }
            Read = 'Get-LibratoChart -Session $session'; Count = 3
        }
    )
}
AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Progress of long paged reads' {
    BeforeEach { Reset-Emulator $Emulator }

    It '<Command> shows the count and rate of a long read, and completes the bar' -ForEach $Reads {
        & $Setup
        Add-SlowRead $Path -Method ($_.Method ?? 'GET')
        $run = Invoke-Captured $Read (Get-LibratoSession)
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount $Count
        $run.Progress | Should -Not -BeNullOrEmpty
        $run.Progress.ActivityId | Select-Object -Unique | Should -Be $Id
        $run.Progress[0].StatusDescription | Should -Match "^\d+ $Unit \(.* a second\)$"
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        @($run.Progress | Where-Object RecordType -EQ 'Completed') | Should -HaveCount 1
    }

    It '<Command> shows nothing for a short read' -ForEach $Reads {
        & $Setup
        $run = Invoke-Captured $Read (Get-LibratoSession)
        $run.Output | Should -HaveCount $Count
        $run.Progress | Should -BeNullOrEmpty
    }
}

Describe 'Progress of outbox delivery' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:OutboxPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $script:Session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath -TimeoutSec 10
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 3; match = @{ method = 'POST' } }
        1..3 | ForEach-Object { [pscustomobject]@{ Name = 'progress.outbox'; Value = $_; Source = "s$_" } } |
            Send-LibratoMetric -BatchSize 1 -Session $Session -WarningAction SilentlyContinue
        @(Get-ChildItem $OutboxPath -Filter '*.outbox.jsonl') | Should -HaveCount 1
    }

    AfterEach { Connect-TestEmulator $Emulator | Out-Null }

    It 'shows the measurements sent from a slow outbox, and completes the bar' {
        Add-SlowRead '/v1/metrics' -Method POST
        $run = Invoke-Captured 'Send-LibratoOutbox -Session $session' $Session
        $run.Output[0].Sent | Should -Be 3
        $run.Progress | Should -Not -BeNullOrEmpty
        $run.Progress.ActivityId | Select-Object -Unique | Should -Be 9410
        $run.Progress[0].StatusDescription | Should -Match '^\d measurements sent from the outbox \(.* a second\)$'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        (Get-EmulatorStats $Emulator).per_metric.'progress.outbox'.measurements | Should -Be 3
    }

    It 'shows nothing when the outbox is delivered quickly' {
        $run = Invoke-Captured 'Send-LibratoOutbox -Session $session' $Session
        $run.Output[0].Sent | Should -Be 3
        $run.Progress | Should -BeNullOrEmpty
    }
}

Describe 'Progress while a retry waits' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $script:RetryEmulator = Start-TestEmulator
    }

    AfterAll { $RetryEmulator | Stop-LibratoEmulator }

    It 'shows each retry as progress naming the cause and the next attempt, and completes it' {
        Add-EmulatorFault $RetryEmulator @{ kind = 'status'; status = 503; count = 2; match = @{ method = 'GET' } }
        $module = Join-Path $ModulePath 'Librato.psd1'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$module'; `$null = Connect-Librato -Email '$($RetryEmulator.Email)' -Token (ConvertTo-SecureString '$($RetryEmulator.Token)' -AsPlainText -Force) -Endpoint '$($RetryEmulator.Url)' -SkipCredentialCheck -MaxRetryDelaySec 1; Get-LibratoMetric | Out-Null")
            $ps.Invoke()
            $retries = @($ps.Streams.Progress | Where-Object ActivityId -EQ 9414)
            $ps.Streams.Error | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
        $shown = @($retries | Where-Object RecordType -EQ 'Processing')
        $shown.Count | Should -BeGreaterOrEqual 1
        $shown[0].Activity | Should -Be 'Waiting to retry'
        $shown[0].StatusDescription | Should -Match '^Retrying GET .*/v1/metrics.* in [\d.]+ s \(retry 1 of \d+\) after .*503'
        # Once the wait is over the bar says the retry is out and how long it may take, not the wait any longer.
        $shown[1].Activity | Should -Be 'Retrying'
        $shown[1].StatusDescription | Should -Match '^Attempt 2 of \d+: GET .*/v1/metrics.*, waiting up to 10 s for an answer$'
        $shown[2].StatusDescription | Should -Match '^Retrying GET .* \(retry 2 of \d+\)'
        $retries[-1].RecordType | Should -Be 'Completed'
    }
}
