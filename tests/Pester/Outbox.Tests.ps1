BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:Time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()

    function script:New-Items([string] $Name, [int] $Count) {
        0..($Count - 1) | ForEach-Object { [pscustomobject]@{ Name = $Name; Value = $_; Source = "s$_"; Time = $Time } }
    }

    function script:Get-PostedSources {
        Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' -and $_.status -eq 200 } |
            ForEach-Object { ($_.body | ConvertFrom-Json).gauges.source }
    }

    function script:Get-OutboxFiles {
        @(Get-ChildItem -LiteralPath $OutboxPath -Filter '*.outbox.jsonl' -File -ErrorAction SilentlyContinue)
    }

    function script:Get-WaitingCount {
        # Measurement lines not acknowledged, over every outbox file: what a later run would send.
        $count = 0
        foreach ($file in Get-OutboxFiles) {
            $lines = @(Get-Content -LiteralPath $file.FullName | Select-Object -Skip 1 | ConvertFrom-Json)
            $measurements = @($lines | Where-Object { $_.PSObject.Properties['name'] }).Count
            $acked = 0
            foreach ($line in $lines | Where-Object { $_.PSObject.Properties['ack'] }) {
                foreach ($range in $line.ack) { $acked += $range[1] - $range[0] + 1 }
            }
            $count += $measurements - $acked
        }
        $count
    }

    function script:Write-OutboxFile([string] $Name, [string] $Content) {
        New-Item -ItemType Directory -Path $OutboxPath -Force | Out-Null
        [IO.File]::WriteAllText((Join-Path $OutboxPath $Name), $Content)
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'The outbox' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:OutboxPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'keeps what fails after the retries, and the next run sends it first, oldest first, times kept' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } }
        New-Items outbox.metric 10 | Send-LibratoMetric -Session $session -BatchSize 5 -ThrottleLimit 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 2
        $warnings[0].Message | Should -Match "5 measurement\(s\) could not be sent .*503.*they wait in the outbox"
        Get-OutboxFiles | Should -HaveCount 1
        Get-WaitingCount | Should -Be 10
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0

        # The next scheduled run: its own measurement goes after the kept ones.
        Send-LibratoMetric -Name outbox.next -Value 1 -Time $Time -Session $session
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'outbox.metric'.measurements | Should -Be 10
        $stats.per_metric.'outbox.next'.measurements | Should -Be 1
        Get-PostedSources | Select-Object -First 10 | Should -Be (0..9 | ForEach-Object { "s$_" })
        $bodies = Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' -and $_.status -eq 200 }
        ($bodies | Select-Object -First 1).body | ConvertFrom-Json | ForEach-Object { $_.gauges.measure_time | Select-Object -Unique } | Should -Be $Time
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'leaves no file behind when everything was delivered' {
        $session = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
        New-Items outbox.clean 700 | Send-LibratoMetric -Session $session
        (Get-EmulatorStats $Emulator).per_metric.'outbox.clean'.measurements | Should -Be 700
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'is delivered by Send-LibratoOutbox, which reports what it did' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 500; count = 1; match = @{ method = 'POST' } }
        New-Items outbox.explicit 3 | Send-LibratoMetric -Session $session -WarningAction SilentlyContinue
        $result = Send-LibratoOutbox -Session $session
        $result.Sent | Should -Be 3
        $result.Batches | Should -Be 1
        $result.Files | Should -Be 1
        $result.Remaining | Should -Be 0
        (Get-EmulatorStats $Emulator).per_metric.'outbox.explicit'.measurements | Should -Be 3
    }

    It 'sends only what a file does not acknowledge' {
        $session = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
        $lines = @('{"librato_outbox":2,"created":1}') + (0..3 | ForEach-Object { "{`"name`":`"outbox.partial`",`"value`":$_,`"time`":$Time,`"source`":`"s$_`"}" }) + '{"ack":[[0,1]]}'
        Write-OutboxFile '20200101T0000000000000-000001-0badf00d.outbox.jsonl' (($lines -join "`n") + "`n")
        $result = Send-LibratoOutbox -Session $session
        $result.Sent | Should -Be 2
        Get-PostedSources | Should -Be @('s2', 's3')
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'quarantines a file of <Case> with a warning, and sends new measurements and the other files anyway' -ForEach @(
        @{ Case = 'an unfinished first line'; Content = '{"librato_outbox":2' }
        @{ Case = 'garbage'; Content = "not json at all`n" }
        @{ Case = 'nothing'; Content = '' }
        @{ Case = 'a later format version'; Content = "{`"librato_outbox`":3}`n" }
        @{ Case = 'an old batch document'; Content = "{`"version`":1,`"measurements`":[]}`n" }
        @{ Case = 'a JSON list'; Content = "[]`n" }
        @{ Case = 'null'; Content = "null`n" }
        @{ Case = 'a measurement that is not an object'; Content = "{`"librato_outbox`":2}`n[1,2]`n" }
        @{ Case = 'a value beyond double'; Content = "{`"librato_outbox`":2}`n{`"name`":`"x`",`"value`":1e400}`n" }
        @{ Case = 'a time in milliseconds'; Content = "{`"librato_outbox`":2}`n{`"name`":`"x`",`"value`":1,`"time`":1796641736000000}`n" }
        @{ Case = 'an unknown field'; Content = "{`"librato_outbox`":2}`n{`"name`":`"x`",`"value`":1,`"colour`":`"red`"}`n" }
        @{ Case = 'an acknowledgement of nothing'; Content = "{`"librato_outbox`":2}`n{`"ack`":[[0,3]]}`n" }
    ) {
        $session = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
        Write-OutboxFile '20200101T0000000000000-000001-deadbeef.outbox.jsonl' $Content
        Write-OutboxFile '20200101T0000000000000-000002-feedf00d.outbox.jsonl' "{`"librato_outbox`":2,`"created`":1}`n{`"name`":`"outbox.good`",`"value`":7,`"time`":$Time}`n"
        New-Items outbox.new 300 | Send-LibratoMetric -Session $session -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match "'20200101T0000000000000-000001-deadbeef.outbox.jsonl' could not be read .*quarantine"
        @(Get-ChildItem (Join-Path $OutboxPath 'quarantine')) | Should -HaveCount 1
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'outbox.new'.measurements | Should -Be 300
        $stats.per_metric.'outbox.good'.measurements | Should -Be 1
        $stats.per_metric.PSObject.Properties['x'] | Should -BeNullOrEmpty
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'moves measurements the API refuses to the quarantine folder, reports them, and delivers the rest' {
        $session = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
        Send-LibratoMetric -Name outbox.counter -Value 1 -Type counter -Time $Time -Session $session
        $lines = @('{"librato_outbox":2,"created":1}', "{`"name`":`"outbox.counter`",`"value`":5,`"time`":$Time}", "{`"name`":`"outbox.fine`",`"value`":6,`"time`":$Time}")
        Write-OutboxFile '20200101T0000000000000-000001-0badcafe.outbox.jsonl' (($lines -join "`n") + "`n")
        $result = Send-LibratoOutbox -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Sent | Should -Be 1
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MeasurementRejected*'
        @($errs[0].TargetObject).Name | Should -Be 'outbox.counter'
        $errs[0].ErrorDetails.Message | Should -Match 'quarantine'
        $kept = @(Get-ChildItem (Join-Path $OutboxPath 'quarantine'))
        $kept | Should -HaveCount 1
        Get-Content $kept[0].FullName | Select-Object -Skip 1 | ConvertFrom-Json | Select-Object -ExpandProperty name | Should -Be 'outbox.counter'
        (Get-EmulatorStats $Emulator).per_metric.'outbox.fine'.measurements | Should -Be 1
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'never sends the same file twice when two runs deliver at once' {
        foreach ($run in 0..9) {
            $lines = @('{"librato_outbox":2,"created":1}') + (0..39 | ForEach-Object { "{`"name`":`"outbox.race`",`"value`":$_,`"time`":$Time,`"source`":`"r$run-$_`"}" })
            Write-OutboxFile "20200101T0000000000000-00000$run-0000000$run.outbox.jsonl" (($lines -join "`n") + "`n")
        }
        Get-OutboxFiles | Should -HaveCount 10
        $module = Join-Path $ModulePath 'Librato.psd1'
        1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            $token = ConvertTo-SecureString $using:Emulator.Token -AsPlainText -Force
            $s = Connect-Librato -Email $using:Emulator.Email -Token $token -Endpoint $using:Emulator.Url -OutboxPath $using:OutboxPath -SkipCredentialCheck
            Send-LibratoOutbox -Session $s | Out-Null
        }
        $sources = @(Get-PostedSources)
        $sources | Should -HaveCount 400
        ($sources | Select-Object -Unique) | Should -HaveCount 400
        Get-OutboxFiles | Should -HaveCount 0
    }

    It 'refuses Send-LibratoOutbox on a session without one' {
        $session = Connect-FastRetries $Emulator
        $err = { Send-LibratoOutbox -Session $session } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NoOutbox*'
    }
}

Describe 'An outbox that cannot be written' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:OutboxPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'sends what it can, and reports what it cannot send with Librato.OutboxWriteFailed, kept in Unsent' {
        # A file where the outbox folder should be.
        Set-Content -LiteralPath $OutboxPath -Value 'not a folder'
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 1; match = @{ method = 'POST' } }
        New-Items outbox.nowhere 20 | Send-LibratoMetric -Session $session -BatchSize 10 -ThrottleLimit 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
        $warnings[0].Message | Should -Match 'cannot be written'
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.OutboxWriteFailed*'
        @($errs[0].TargetObject) | Should -HaveCount 10
        @($errs[0].TargetObject).Source | Should -Be (0..9 | ForEach-Object { "s$_" })
        $session.Unsent | Should -HaveCount 10
        (Get-EmulatorStats $Emulator).per_metric.'outbox.nowhere'.measurements | Should -Be 10
        (Get-Item -LiteralPath $OutboxPath).PSIsContainer | Should -BeFalse
    }

    Context 'on a small or read-only file system' -Skip:(-not $IsLinux) {
        BeforeAll {
            function script:Mount-Tmpfs([string] $Path, [string] $Options) {
                New-Item -ItemType Directory -Path $Path -Force | Out-Null
                & mount -t tmpfs -o $Options tmpfs $Path 2>&1 | Out-Null
                if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'mounting a tmpfs needs CAP_SYS_ADMIN' }
            }
        }

        AfterEach { if (Test-Path $OutboxPath) { & umount $OutboxPath 2>&1 | Out-Null } }

        It 'keeps nothing partial when the disk is full, and reports the measurements it could not keep' {
            Mount-Tmpfs $OutboxPath 'size=8k'
            $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
            # Tagged measurements with long tag values fill 8 KiB in a few dozen lines.
            $tags = @{ description = 'x' * 200 }
            Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 100; match = @{ method = 'POST' } }
            0..199 | ForEach-Object { [pscustomobject]@{ Name = 'outbox.full'; Value = $_; Tags = $tags + @{ n = "$_" }; Time = $Time } } |
                Send-LibratoMetric -Session $session -BatchSize 50 -ThrottleLimit 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
            $kept = Get-WaitingCount
            $reported = ($errs | Where-Object FullyQualifiedErrorId -Like 'Librato.OutboxWriteFailed*' | ForEach-Object { @($_.TargetObject).Count } | Measure-Object -Sum).Sum
            $kept + $reported | Should -Be 200
            $reported | Should -BeGreaterThan 0
            $session.Unsent | Should -HaveCount $reported
            foreach ($file in Get-OutboxFiles) {
                (Get-Content -LiteralPath $file.FullName -Raw).EndsWith("`n") | Should -BeTrue
            }
        }

        It 'warns about files Send-LibratoOutbox cannot claim in a read-only outbox' {
            $source = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $source
            Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 1; match = @{ method = 'POST' } }
            New-Items outbox.readonly 5 | Send-LibratoMetric -Session $session -WarningAction SilentlyContinue
            Mount-Tmpfs $OutboxPath 'size=1m'
            Copy-Item (Join-Path $source '*.outbox.jsonl') $OutboxPath
            & mount -o remount,ro $OutboxPath
            $readOnly = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
            $result = Send-LibratoOutbox -Session $readOnly -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Sent | Should -Be 0
            $result.NotClaimed | Should -Be 1
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Match 'cannot be claimed'
            (Get-EmulatorStats $Emulator).measurements | Should -Be 0
        }
    }
}

Describe 'Stopping a send (Ctrl+C)' {
    BeforeAll {
        function script:Stop-HeldBackSend([scriptblock] $Send) {
            # Runs $Send (given the module path, a session and a time) in its own PowerShell while the emulator holds
            # back the first submission, stops it once that request has arrived, and returns how long the stop took
            # and the session, whose Unsent list holds what was kept.
            Reset-Emulator $Emulator
            Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 30000; count = 1; match = @{ method = 'POST' } }
            $token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
            $session = Connect-Librato -Email $Emulator.Email -Token $token -Endpoint $Emulator.Url -TimeoutSec 60 -PassThru
            $ps = [powershell]::Create()
            $ps.AddScript($Send).AddArgument((Join-Path $ModulePath 'Librato.psd1')).AddArgument($session).AddArgument($Time) | Out-Null
            $null = $ps.BeginInvoke()
            Wait-EmulatorFaultTaken $Emulator
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $ps.Dispose()
            [pscustomobject]@{ Elapsed = $watch.Elapsed; Session = $session }
        }
    }

    It 'cancels the request in flight promptly and keeps what was not sent' {
        $stopped = Stop-HeldBackSend {
            param($module, $session, $time)
            Import-Module $module
            0..999 | ForEach-Object { [pscustomobject]@{ Name = 'stop.metric'; Value = $_; Source = "s$_"; Time = $time } } |
                Send-LibratoMetric -Session $session -BatchSize 300
        }
        $stopped.Elapsed.TotalSeconds | Should -BeLessThan 5
        $unsent = $stopped.Session.Unsent
        $unsent.Count | Should -BeGreaterOrEqual 300
        ($unsent.Source | Select-Object -Unique).Count | Should -Be $unsent.Count
        $unsent[0].Time | Should -Be $Time
    }

    It 'keeps what was taken from a piped list, which the command reads itself' {
        $stopped = Stop-HeldBackSend {
            param($module, $session, $time)
            Import-Module $module
            $list = foreach ($i in 0..999) { [pscustomobject]@{ Name = 'stop.list'; Value = $i; Source = "s$i"; Time = $time } }
            $list | Send-LibratoMetric -Session $session -BatchSize 300 -ThrottleLimit 1
        }
        $unsent = $stopped.Session.Unsent
        # One request at a time: the held-back first batch and the second, filled while waiting for it, each
        # measurement once and nothing read beyond them. The held-back one may still land (the emulator, like a
        # server, finishes a request its client left).
        $unsent.Count | Should -Be 600
        ($unsent.Source | Select-Object -Unique).Count | Should -Be 600
        ($unsent.Value | Measure-Object -Maximum).Maximum | Should -Be 599
        (Get-EmulatorStats $Emulator).measurements | Should -BeIn 0, 300
    }
}
