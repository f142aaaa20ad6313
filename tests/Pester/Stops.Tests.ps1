# What happens to measurements when the process running a send ends some other way than Ctrl+C: a real child
# pwsh is killed (SIGKILL) or told to end (SIGTERM, as Task Scheduler's time limit, timeout, systemd and
# docker stop do) while it sends, and the next run delivers what it left. The producer writes each item's
# number to a log after Send-LibratoMetric took it, so the log says what was handed over.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--request-log-size', '5000'
    $script:Time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()

    function script:Start-ChildSend {
        # Starts a pwsh that sends $Count measurements of $Metric (sources s0, s1, ...) one by one through a
        # pipeline, logging each number once Send-LibratoMetric has taken it.
        param([string] $Metric, [int] $Count, [string] $OutboxPath, [string] $Command = 'Send', [switch] $Interruptible)
        $run = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $run | Out-Null
        $outbox = if ($OutboxPath) { "-OutboxPath '$OutboxPath'" } else { '' }
        $body = if ($Command -eq 'Send') {
            @"
`$log = [IO.StreamWriter]::new('$run/handed.log'); `$log.AutoFlush = `$true
0..$($Count - 1) | ForEach-Object { [pscustomobject]@{ Name = '$Metric'; Value = `$_; Source = "s`$_"; Time = $Time }; `$log.WriteLine(`$_) } |
    Send-LibratoMetric -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
"@
        }
        else {
            "Send-LibratoOutbox -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null"
        }
        Set-Content -LiteralPath "$run/send.ps1" -Value @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $ModulePath 'Librato.psd1')'
Connect-Librato -Email '$($Emulator.Email)' -Token (ConvertTo-SecureString '$($Emulator.Token)' -AsPlainText -Force) -Endpoint '$($Emulator.Url)' -TimeoutSec 30 $outbox | Out-Null
'started' | Set-Content '$run/started'
$body
"@
        $launcher = @($Pwsh)
        if ($Interruptible) {
            # A suite started in the background (cmd &) inherits SIGINT ignored, and so would the child: give it back
            # the default, as a terminal's Ctrl+C finds it.
            $launcher = @('env', '--default-signal=INT') + $launcher
        }
        $arguments = @($launcher | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', "$run/send.ps1")
        $process = Start-Process -FilePath $launcher[0] -ArgumentList $arguments -PassThru -NoNewWindow `
            -RedirectStandardError "$run/stderr.txt" -RedirectStandardOutput "$run/stdout.txt"
        [pscustomobject]@{ Process = $process; Folder = $run; Log = "$run/handed.log" }
    }

    function script:Wait-Handed($Child, [int] $AtLeast) {
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while ([datetime]::UtcNow -lt $deadline) {
            if ((Test-Path $Child.Log) -and (Get-Content -LiteralPath $Child.Log).Count -ge $AtLeast) { return }
            if ($Child.Process.HasExited) { throw "The child ended early: $(Get-Content -Raw "$($Child.Folder)/stderr.txt")" }
            Start-Sleep -Milliseconds 20
        }
        throw "The child did not hand over $AtLeast measurements in time."
    }

    function script:Stop-Child($Child, [string] $Signal) {
        & kill "-$Signal" $Child.Process.Id
        if (-not $Child.Process.WaitForExit(30000)) { throw 'The child did not end.' }
        @(Get-Content -LiteralPath $Child.Log -ErrorAction SilentlyContinue | ForEach-Object { [int]$_ })
    }

    function script:Get-StoredSources([string] $Metric) {
        # Every source the emulator stored for the metric, from the bodies of the requests it answered 200.
        @(Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' -and $_.status -eq 200 } |
            ForEach-Object { ($_.body | ConvertFrom-Json).gauges } | Where-Object name -EQ $Metric | ForEach-Object source)
    }

    function script:Assert-AllHanded([string] $Metric, [int[]] $Handed) {
        $stored = Get-StoredSources $Metric
        $unique = [Collections.Generic.HashSet[string]]::new([string[]]$stored)
        $missing = @($Handed | Where-Object { -not $unique.Contains("s$_") })
        $missing | Should -BeNullOrEmpty -Because 'every measurement handed over is stored'
        # A batch the API stored whose answer the killed run never heard may be sent again (same times).
        ($stored.Count - $unique.Count) | Should -BeLessOrEqual 600
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'A send that is ended from outside' -Skip:($IsWindows) {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:OutboxPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        # Slow answers keep batches on their way when the signal comes.
        Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 1500; count = 1000; match = @{ method = 'POST'; path = '/v1/metrics' } }
    }

    It 'loses nothing handed over when killed with <Signal>, with an outbox: the next run delivers it' -ForEach @(
        @{ Signal = 'KILL' }
        @{ Signal = 'TERM' }
    ) {
        $child = Start-ChildSend -Metric "stop.$($Signal.ToLower())" -Count 50000 -OutboxPath $OutboxPath
        Wait-Handed $child -AtLeast 2000
        $handed = Stop-Child $child $Signal
        $handed.Count | Should -BeLessThan 50000 -Because 'the send was ended midway'
        @(Get-ChildItem $OutboxPath -Filter '*.outbox.jsonl') | Should -Not -BeNullOrEmpty

        Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults" | Out-Null
        $session = Connect-FastRetries $Emulator -OutboxPath $OutboxPath
        $result = Send-LibratoOutbox -Session $session
        $result.Remaining | Should -Be 0
        Assert-AllHanded "stop.$($Signal.ToLower())" $handed
    }

    It 'says on standard error what it could not keep when told to end without an outbox' {
        $child = Start-ChildSend -Metric 'stop.nooutbox' -Count 50000
        Wait-Handed $child -AtLeast 2000
        $null = Stop-Child $child 'TERM'
        $stderr = Get-Content -Raw "$($child.Folder)/stderr.txt"
        $stderr | Should -Match 'Librato: the process is ending with \d+ measurement\(s\) not sent \(first: stop\.nooutbox \d+ @.* \[s\d+\]\), and no outbox to keep them'
    }

    It 'says at Ctrl+C (SIGINT) how many measurements were not sent and where they wait, <Case>' -ForEach @(
        @{ Case = 'without an outbox'; Outbox = $false; Says = 'they are kept in \(Get-LibratoSession\)\.Unsent; send them with \(Get-LibratoSession\)\.Unsent \| Send-LibratoMetric\.' }
        @{ Case = 'with an outbox'; Outbox = $true; Says = 'they wait in the outbox ''.*'' for the next send or Send-LibratoOutbox\.' }
    ) {
        $child = if ($Outbox) { Start-ChildSend -Metric 'stop.ctrlc' -Count 50000 -OutboxPath $OutboxPath -Interruptible } else { Start-ChildSend -Metric 'stop.ctrlc' -Count 50000 -Interruptible }
        Wait-Handed $child -AtLeast 2000
        $null = Stop-Child $child 'INT'
        # The pipeline's warning stream is closed while it stops: the line goes to the host, here standard output.
        $stdout = Get-Content -Raw "$($child.Folder)/stdout.txt"
        $stdout | Should -Match "Stopped with [\d,]+ measurement\(s\) not sent: $Says"
    }

    It 'lets the next run deliver at once what a killed delivery had claimed' {
        # A first run leaves 20,000 measurements in the outbox: every request fails.
        Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults" | Out-Null
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 100000; match = @{ method = 'POST' } }
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        0..19999 | ForEach-Object { [pscustomobject]@{ Name = 'stop.delivery'; Value = $_; Source = "s$_"; Time = $Time } } |
            Send-LibratoMetric -Session $session -WarningAction SilentlyContinue

        # A delivery that is killed while its requests are slow.
        Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults" | Out-Null
        Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 1000; count = 1000; match = @{ method = 'POST' } }
        $child = Start-ChildSend -Command 'Deliver' -OutboxPath $OutboxPath
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while (-not (Get-EmulatorRequests $Emulator | Where-Object { $_.path -eq '/v1/metrics' -and $_.status -eq 200 }) -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 50
        }
        $null = Stop-Child $child 'KILL'

        # The next run, at once: no claim of the killed one is in its way.
        Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults" | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Send-LibratoOutbox -Session $session
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
        $result.Sent | Should -BeGreaterThan 0
        $result.Remaining | Should -Be 0
        Assert-AllHanded 'stop.delivery' (0..19999)
    }
}
