# What Send-LibratoMetric takes for an answer: only the API's own. Pages from proxies, redirects and servers
# that cannot take a batch whole are met without losing a measurement, and an outage ends within the session's
# time limit.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--request-log-size', '2000'
    $script:Time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()

    function script:New-Items([string] $Name, [int] $Count) {
        0..($Count - 1) | ForEach-Object { [pscustomobject]@{ Name = $Name; Value = $_; Source = "s$_"; Time = $Time } }
    }

    function script:Get-Posts {
        @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/metrics' })
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Answers that are not the API''s' {
    BeforeEach {
        Reset-Emulator $Emulator
        $script:OutboxPath = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'does not count a 200 <Case> as accepted: the batch is retried, then reported' -ForEach @(
        @{ Case = 'HTML page'; Fault = @{ kind = 'nonjson'; status = 200 } }
        @{ Case = 'of garbage'; Fault = @{ kind = 'status'; status = 200; body = 'OK, thanks'; content_type = 'text/plain' } }
        @{ Case = 'JSON list'; Fault = @{ kind = 'status'; status = 200; body = '[]' } }
    ) {
        $session = Connect-FastRetries $Emulator -MaxRetries 1
        Add-EmulatorFault $Emulator ($Fault + @{ count = 2; match = @{ method = 'POST' } })
        New-Items answers.page 20 | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MalformedResponse*'
        @($errs[0].TargetObject) | Should -HaveCount 20
        $errs[0].Exception.Message | Should -Match "not the API's answer.*nothing is counted as stored"
        Get-Posts | Should -HaveCount 2
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0
    }

    It 'keeps such a batch in the outbox, and the next run delivers it' {
        $session = Connect-FastRetries $Emulator -MaxRetries 0 -OutboxPath $OutboxPath
        Add-EmulatorFault $Emulator @{ kind = 'nonjson'; status = 200; count = 1; match = @{ method = 'POST' } }
        New-Items answers.kept 20 | Send-LibratoMetric -Session $session -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0].Message | Should -Match '20 measurement\(s\) could not be sent .*they wait in the outbox'
        (Send-LibratoOutbox -Session $session).Sent | Should -Be 20
        (Get-EmulatorStats $Emulator).per_metric.'answers.kept'.measurements | Should -Be 20
    }

    It 'never follows a <Status> redirect: one request, no retry, the target named without its secrets' -ForEach @(
        @{ Status = 301 }, @{ Status = 302 }, @{ Status = 307 }, @{ Status = 308 }
    ) {
        $session = Connect-FastRetries $Emulator -MaxRetries 3
        $target = "$($Emulator.Url -replace '//', '//someone:hunter2@')/v1/elsewhere?token=s3cret"
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = $Status; location = $target; body = ''; count = 1; match = @{ method = 'POST' } }
        New-Items answers.redirect 5 | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        @(Get-EmulatorRequests $Emulator) | Should -HaveCount 1
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.Redirected*'
        @($errs[0].TargetObject) | Should -HaveCount 5
        $errs[0].Exception.Message | Should -Match "answered $Status .*a redirect to '$([regex]::Escape($Emulator.Url))/v1/elsewhere'"
        $errs[0].Exception.Message | Should -Not -Match 'hunter2|s3cret|someone'
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0
    }

    It 'splits a batch the server finds too large (413) and stores all of it' {
        $session = Connect-FastRetries $Emulator
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 413; count = 1; match = @{ method = 'POST' } }
        New-Items answers.large 300 | Send-LibratoMetric -Session $session -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        (Get-Posts | ForEach-Object { @(($_.body | ConvertFrom-Json).gauges).Count }) | Should -Be @(300, 150, 150)
        (Get-EmulatorStats $Emulator).per_metric.'answers.large'.measurements | Should -Be 300
    }

    It 'refuses only the measurement the API refuses, each with its own error, and stores the rest of its batch' {
        $session = Connect-FastRetries $Emulator
        Send-LibratoMetric -Name answers.counter -Value 1 -Type counter -Time $Time -Session $session
        $items = @(New-Items answers.gauge 299) + [pscustomobject]@{ Name = 'answers.counter'; Value = 5; Source = 'bad'; Time = $Time }
        $items | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MeasurementRejected*'
        $errs[0].TargetObject.Source | Should -Be 'bad'
        (Get-EmulatorStats $Emulator).per_metric.'answers.gauge'.measurements | Should -Be 299
    }
}

Describe 'A send through an outage' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'ends within -MaxSendDurationSec and one request timeout, reporting all 50,000 measurements' {
        $token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
        $session = Connect-Librato -Email $Emulator.Email -Token $token -Endpoint $Emulator.Url -TimeoutSec 2 -MaxRetries 10 -MaxRetryDelaySec 1 -MaxSendDurationSec 3 -PassThru
        $session.MaxSendDurationSec | Should -Be 3
        # Each failing answer takes a second, as a struggling server's would.
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; delay_ms = 1000; count = 1000000; match = @{ method = 'POST' } }
        $items = New-Items answers.outage 50000
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $items | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $watch.Stop()
        # Without the limit each of the 167 batches would spend its ten retries: minutes. Reading 50,000 objects
        # takes a second or two of its own.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan (3 + 2 + 5)
        ($errs | ForEach-Object { @($_.TargetObject).Count } | Measure-Object -Sum).Sum | Should -Be 50000
        @($errs | Where-Object FullyQualifiedErrorId -Like 'Librato.NotSent*') | Should -Not -BeNullOrEmpty
        ($errs | Where-Object FullyQualifiedErrorId -Like 'Librato.NotSent*')[0].Exception.Message | Should -Match 'time limit of 3 s has passed'
    }
}

Describe 'Secrets in URLs' {
    It 'refuses user information in -<Parameter> without showing it' -ForEach @(
        @{ Parameter = 'Endpoint'; Value = 'https://demo%40example.com:tok3n@metrics-api.librato.com'; Id = 'Librato.InvalidEndpoint' }
        @{ Parameter = 'Proxy'; Value = 'http://proxyuser:pr0xypass@proxy.example.com:8080'; Id = 'Librato.InvalidProxy' }
    ) {
        $parameters = @{ Email = 'a@b.c'; Token = (ConvertTo-SecureString 'x' -AsPlainText -Force); Verbose = $true; $Parameter = $Value }
        $err = { Connect-Librato @parameters 4>&1 | Out-String | Should -Not -Match 'tok3n|pr0xypass' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.Exception.Message | Should -Not -Match 'tok3n|pr0xypass|proxyuser'
        $err.Exception.Message | Should -Match 'user name or password in the URL'
        $err.TargetObject | Should -BeNullOrEmpty
    }
}
