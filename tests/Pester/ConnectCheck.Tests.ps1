BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
}

Describe 'Connect-Librato checks the credentials' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        $script:Token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
        $script:Wrong = ConvertTo-SecureString 'not-the-token' -AsPlainText -Force
    }

    AfterAll {
        Disconnect-Librato -ErrorAction SilentlyContinue
        $Emulator | Stop-LibratoEmulator
    }

    It 'writes the session with its endpoint, account and accepted credentials after one request' {
        $before = @(Get-EmulatorRequests $Emulator).Count
        $session = Connect-Librato -Email $Emulator.Email -Token $Token -Endpoint $Emulator.Url
        $session | Should -BeOfType ([Librato.PowerShell.LibratoSession])
        $session.Credentials | Should -Be 'accepted'
        $session.Email | Should -Be $Emulator.Email
        (Get-LibratoSession) | Should -Be $session
        $requests = @(Get-EmulatorRequests $Emulator)
        $requests.Count - $before | Should -Be 1
        $requests[-1].method | Should -Be 'GET'
        $requests[-1].path | Should -Match '^/v1/metrics'
        $text = $session | Out-String -Width 120
        $text | Should -Match 'Api\s+Account\s+Endpoint\s+Credentials\s+Outbox'
        $text | Should -Match "Librato $([regex]::Escape($Emulator.Email)) .* accepted"
    }

    It 'ends with Librato.AuthenticationFailed on a wrong token, says what to do, and keeps the previous session' {
        $previous = Get-LibratoSession
        { Connect-Librato -Email $Emulator.Email -Token $Wrong -Endpoint $Emulator.Url } | Should -Throw -ErrorId 'Librato.AuthenticationFailed,*'
        try { Connect-Librato -Email $Emulator.Email -Token $Wrong -Endpoint $Emulator.Url } catch { $failure = $_ }
        $failure.ErrorDetails.Message | Should -Match 'refused the email .* and its API token \(401'
        $failure.ErrorDetails.Message | Should -Match 'run Connect-Librato again'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$failure $($failure.ErrorDetails) $($failure.Exception)" | Should -Not -Match 'not-the-token'
        Get-LibratoSession | Should -Be $previous
    }

    It 'does not check with -SkipCredentialCheck, and a later 401 says to run Connect-Librato again' {
        $session = Connect-Librato -Email $Emulator.Email -Token $Wrong -Endpoint $Emulator.Url -SkipCredentialCheck
        $session.Credentials | Should -Be 'not checked'
        try { Get-LibratoMetric | Out-Null } catch { $failed = @($_) }
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.Unauthorized*'
        $failed[0].ErrorDetails.Message | Should -BeLike "Librato does not accept this session's email and API token (they may have been revoked, or mistyped). Run Connect-Librato again with a current API token.*"
        $failed[0].ErrorDetails.Message | Should -Not -Match 'v1/|401'
        $failed[0].Exception.Message | Should -Match '401 \(authentication failed\) to GET v1/metrics'
    }

    It 'warns and still connects when the endpoint does not answer, naming the outbox that keeps measurements' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $outbox = Join-Path $TestDrive 'outbox'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $session = Connect-Librato -Email $Emulator.Email -Token $Token -Endpoint "http://127.0.0.1:$port/" -OutboxPath $outbox -MaxRetries 0 -WarningVariable warned 3>$null
        $watch.Stop()
        $session.Credentials | Should -Be 'not checked (connection failed)'
        $warned | Should -HaveCount 1
        "$warned" | Should -Match 'Connected without checking the credentials: .*connection failed'
        "$warned" | Should -Match ([regex]::Escape($outbox))
        Get-LibratoSession | Should -Be $session
        Send-LibratoMetric -Name spooled.metric -Value 1 -ErrorAction SilentlyContinue
        @(Get-ChildItem $outbox -File -Recurse).Count | Should -BeGreaterThan 0
    }

    It 'warns about a problem of the whole session (a redirecting endpoint), and the next command ends with it' {
        Add-EmulatorFault $Emulator @{ kind = 'status'; status = 302; location = 'https://elsewhere.example/'; body = ''; count = 2; match = @{ method = 'GET' } }
        $session = Connect-Librato -Email $Emulator.Email -Token $Token -Endpoint $Emulator.Url -WarningVariable warned 3>$null
        $session.Credentials | Should -Be 'not checked (redirected)'
        "$warned" | Should -Match 'answered 302'
        { Get-LibratoMetric } | Should -Throw -ErrorId 'Librato.Redirected,*'
    }
}
