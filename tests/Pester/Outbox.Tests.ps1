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

    It 'keeps batches that fail after the retries, and the next run sends them first, oldest first, times kept' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } }
        New-Items outbox.metric 10 | Send-LibratoMetric -Session $session -BatchSize 5 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 2
        @(Get-ChildItem $OutboxPath -Filter '*.batch.json') | Should -HaveCount 2
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0

        # The next scheduled run: its own measurement goes after the spooled ones.
        Send-LibratoMetric -Name outbox.next -Value 1 -Time $Time -Session $session
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'outbox.metric'.measurements | Should -Be 10
        $stats.per_metric.'outbox.next'.measurements | Should -Be 1
        Get-PostedSources | Select-Object -First 10 | Should -Be (0..9 | ForEach-Object { "s$_" })
        $bodies = Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' -and $_.status -eq 200 }
        ($bodies | Select-Object -First 1).body | ConvertFrom-Json | ForEach-Object { $_.gauges.measure_time | Select-Object -Unique } | Should -Be $Time
        @(Get-ChildItem $OutboxPath -Filter '*.batch.json') | Should -HaveCount 0
    }

    It 'is delivered by Send-LibratoOutbox, which reports what it did' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 500; count = 1; match = @{ method = 'POST' } }
        New-Items outbox.explicit 3 | Send-LibratoMetric -Session $session -WarningAction SilentlyContinue
        $result = Send-LibratoOutbox -Session $session
        $result.Sent | Should -Be 3
        $result.Batches | Should -Be 1
        $result.Remaining | Should -Be 0
        (Get-EmulatorStats $Emulator).per_metric.'outbox.explicit'.measurements | Should -Be 3
    }

    It 'quarantines a corrupt or partial file with a warning, never sending it or crashing' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        New-Item -ItemType Directory -Path $OutboxPath | Out-Null
        Set-Content -Path (Join-Path $OutboxPath '20200101T0000000000000-000001-deadbeef.batch.json') -Value '{"version":1,"measurements":[{"name":"x"'
        $result = Send-LibratoOutbox -Session $session -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Quarantined | Should -Be 1
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match 'quarantine'
        @(Get-ChildItem (Join-Path $OutboxPath 'quarantine')) | Should -HaveCount 1
        (Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST') | Should -BeNullOrEmpty
        Send-LibratoOutbox -Session $session | Select-Object -ExpandProperty Quarantined | Should -Be 0
    }

    It 'never sends the same file twice when two runs deliver at once' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 40; match = @{ method = 'POST' } }
        New-Items outbox.race 400 | Send-LibratoMetric -Session $session -BatchSize 10 -WarningAction SilentlyContinue
        @(Get-ChildItem $OutboxPath -Filter '*.batch.json') | Should -HaveCount 40
        $module = Join-Path $ModulePath 'Librato.psd1'
        1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            $token = ConvertTo-SecureString $using:Emulator.Token -AsPlainText -Force
            $s = Connect-Librato -Email $using:Emulator.Email -Token $token -Endpoint $using:Emulator.Url -OutboxPath $using:OutboxPath -PassThru
            Send-LibratoOutbox -Session $s | Out-Null
        }
        $sources = @(Get-PostedSources)
        $sources | Should -HaveCount 400
        ($sources | Select-Object -Unique) | Should -HaveCount 400
        @(Get-ChildItem $OutboxPath -Filter '*.batch.json*') | Should -HaveCount 0
    }

    It 'refuses Send-LibratoOutbox on a session without one' {
        $session = Connect-FastRetries $Emulator
        $err = { Send-LibratoOutbox -Session $session } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NoOutbox*'
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
