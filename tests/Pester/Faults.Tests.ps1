# Nothing lost: for each fault the emulator can inject, 100,000 measurements are either stored exactly once or
# reported as failed by the module, and the two add up to 100,000.
BeforeDiscovery {
    $script:Faults = @(
        @{ Name = '503 bursts'; Fault = @{ kind = 'status'; status = 503; count = 4; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = '429 with Retry-After'; Fault = @{ kind = 'status'; status = 429; retry_after = 1; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = 'connection dropped mid-response'; Fault = @{ kind = 'drop'; count = 3; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = 'stall beyond the timeout'; Fault = @{ kind = 'delay'; delay_ms = 3000; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = 'truncated body'; Fault = @{ kind = 'truncate'; count = 3; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = 'HTML error page'; Fault = @{ kind = 'nonjson'; status = 502; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } } }
        @{ Name = '5xx after the batch was stored'; Fault = @{ kind = 'stored-then-5xx'; status = 500; count = 3; match = @{ method = 'POST'; path = '/v1/metrics' } } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--request-log-size', '2000'
    $script:Time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()
    $script:Items = [System.Collections.Generic.List[object]]::new(100000)
    for ($i = 0; $i -lt 100000; $i++) {
        $Items.Add([pscustomobject]@{ Name = 'fault.metric'; Value = $i; Source = "host-$i"; Time = $Time })
    }

    function script:Get-FailedCount($Errors) {
        ($Errors | Where-Object { $_.FullyQualifiedErrorId -like 'Librato.SubmitFailed*' } | ForEach-Object { @($_.TargetObject).Count } | Measure-Object -Sum).Sum
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Sending 100,000 measurements under faults' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'stores every one exactly once through <Name>' -ForEach $Faults {
        $session = Connect-FastRetries $Emulator
        Add-EmulatorFault $Emulator $Fault
        $Items | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $stored = (Get-EmulatorStats $Emulator).per_metric.'fault.metric'.measurements
        $failed = [int](Get-FailedCount $errs)
        $stored + $failed | Should -Be 100000
        $failed | Should -Be 0
        (Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'faults') | Should -BeNullOrEmpty
    }

    It 'reports the batches that still fail after the retries, with their measurements, and stores the rest' {
        $session = Connect-FastRetries $Emulator -MaxRetries 1
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 5; match = @{ method = 'POST'; path = '/v1/metrics' } }
        $Items | Send-LibratoMetric -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $stored = (Get-EmulatorStats $Emulator).per_metric.'fault.metric'.measurements
        $failed = [int](Get-FailedCount $errs)
        $failed | Should -Be 600
        $stored | Should -Be (100000 - 600)
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $errs[0].TargetObject[0].Source | Should -Be 'host-0'
        # What the screen shows: how many, why, and how to get them there; the route stays in the exception.
        $errs[0].ErrorDetails.Message | Should -Be ('300 measurement(s) were not sent: server error (The API is currently down for maintenance. It''ll be back shortly.), also when tried again. They are this error''s target: once the endpoint answers, send them with ' +
            '$Error[0].TargetObject | Send-LibratoMetric, or connect with -OutboxPath so that measurements wait on disk for the next run.')
        $errs[0].ErrorDetails.Message | Should -Not -Match 'v1/'
        $errs[0].Exception.Message | Should -Match '503 \(server error\) to POST v1/metrics'
        # And that way works: the measurements of the error go through once the endpoint answers.
        $errs[0].TargetObject | Send-LibratoMetric -Session $session
        (Get-EmulatorStats $Emulator).per_metric.'fault.metric'.measurements | Should -Be (100000 - 300)
    }

    It 'shows every retry in the verbose stream' {
        $session = Connect-FastRetries $Emulator
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 503; count = 2; match = @{ method = 'POST'; path = '/v1/metrics' } }
        $verbose = Send-LibratoMetric -Name fault.verbose -Value 1 -Session $session -Verbose 4>&1 | ForEach-Object { "$_" }
        @($verbose | Where-Object { $_ -like 'Retrying POST*' }) | Should -HaveCount 2
        @($verbose | Where-Object { $_ -like 'POST * -> 503 *' }) | Should -HaveCount 2
        (Get-EmulatorStats $Emulator).per_metric.'fault.verbose'.measurements | Should -Be 1
    }

    It 'never retries a 4xx other than 429' {
        $session = Connect-FastRetries $Emulator
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 422; count = 1; match = @{ method = 'POST'; path = '/v1/metrics' } }
        Send-LibratoMetric -Name fault.once -Value 1 -Session $session -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        @(Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics') | Should -HaveCount 1
    }
}
