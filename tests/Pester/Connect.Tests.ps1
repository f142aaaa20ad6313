BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
}

AfterAll {
    Disconnect-Librato -ErrorAction SilentlyContinue
    $Emulator | Stop-LibratoEmulator
}

Describe 'Connect-Librato' {
    BeforeEach {
        Disconnect-Librato
        Remove-Item Env:LIBRATO_USER, Env:LIBRATO_TOKEN -ErrorAction SilentlyContinue
    }

    Context 'with -Email and -Token' {
        It 'makes a default session that other cmdlets use' {
            Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url
            $session = Get-LibratoSession
            $session.Email | Should -Be $Emulator.Email
            $session.Endpoint | Should -Be ([uri]$Emulator.Url)
            $session.TimeoutSec | Should -Be 10
            Send-LibratoMetric -Name connect.check -Value 1
            (Get-EmulatorStats $Emulator).per_metric.'connect.check'.measurements | Should -Be 1
        }

        It 'writes the session, with or without -PassThru' {
            (Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url) | Should -BeOfType ([Librato.PowerShell.LibratoSession])
            $session = Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url -PassThru -TimeoutSec 42
            $session | Should -BeOfType ([Librato.PowerShell.LibratoSession])
            $session.TimeoutSec | Should -Be 42
        }
    }

    Context 'with -Credential' {
        It 'uses the user name as email and the password as token' {
            $credential = [pscredential]::new($Emulator.Email, $SecureToken)
            $session = Connect-Librato -Credential $credential -Endpoint $Emulator.Url -PassThru
            $session.Email | Should -Be $Emulator.Email
            { Get-LibratoMetric } | Should -Not -Throw
        }

        It 'reports wrong credentials on first use with Librato.Unauthorized' {
            $credential = [pscredential]::new($Emulator.Email, (ConvertTo-SecureString 'wrong-token' -AsPlainText -Force))
            Connect-Librato -Credential $credential -Endpoint $Emulator.Url -SkipCredentialCheck
            $err = { Get-LibratoMetric } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'Librato.Unauthorized*'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        }
    }

    Context 'from the environment' {
        It 'reads LIBRATO_USER and LIBRATO_TOKEN when no credentials are given' {
            $env:LIBRATO_USER = $Emulator.Email
            $env:LIBRATO_TOKEN = $Emulator.Token
            $session = Connect-Librato -Endpoint $Emulator.Url -PassThru
            $session.Email | Should -Be $Emulator.Email
            Send-LibratoMetric -Name connect.env -Value 2
            (Get-EmulatorStats $Emulator).per_metric.'connect.env'.measurements | Should -Be 1
        }

        It 'fails with Librato.MissingCredentials when nothing supplies them' {
            $err = { Connect-Librato -Endpoint $Emulator.Url } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'Librato.MissingCredentials*'
            Get-LibratoSession | Should -BeNullOrEmpty
        }
    }

    Context 'endpoint checks' {
        It 'refuses plain http to a host that is not loopback' {
            $err = { Connect-Librato -Email a@b.c -Token $SecureToken -Endpoint 'http://metrics.example.com' } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'Librato.UnencryptedEndpoint*'
            $err.CategoryInfo.Category | Should -Be 'SecurityError'
        }

        It 'accepts plain http to another host with -AllowUnencryptedAuthentication' {
            $session = Connect-Librato -Email a@b.c -Token $SecureToken -Endpoint 'http://metrics.example.com' -AllowUnencryptedAuthentication -SkipCredentialCheck
            $session.AllowUnencryptedAuthentication | Should -BeTrue
        }

        It 'defaults to the Librato API over https' {
            $session = Connect-Librato -Email a@b.c -Token $SecureToken -SkipCredentialCheck
            $session.Endpoint | Should -Be ([uri]'https://metrics-api.librato.com')
        }

        It 'refuses an endpoint that is not an http URL' {
            $err = { Connect-Librato -Email a@b.c -Token $SecureToken -Endpoint 'ftp://example.com' } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
            $err.Exception.Message | Should -Match "The endpoint 'ftp://example.com' is not an http or https URL"
        }

        It 'refuses an address without a scheme while binding, before asking for a token, and says what to type' {
            # No -Token: were the endpoint checked later, PowerShell would prompt for the token first.
            $err = { Connect-Librato -Email a@b.c -Endpoint '127.0.0.1:37723' } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
            $err.Exception.Message | Should -Match 'Write it with its scheme, such as http://127\.0\.0\.1:37723/'
        }
    }

    Context 'the token stays secret' {
        It 'never shows the token in ToString, Format-List, JSON or CLIXML' {
            $secret = 'tok-' + [guid]::NewGuid().ToString('N')
            $session = Connect-Librato -Email a@b.c -Token (ConvertTo-SecureString $secret -AsPlainText -Force) -Endpoint $Emulator.Url -SkipCredentialCheck -Verbose 4>&1 |
                Where-Object { $_ -is [Librato.PowerShell.LibratoSession] }
            $texts = @(
                $session.ToString()
                ($session | Format-List * | Out-String)
                ($session | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue)
                [System.Management.Automation.PSSerializer]::Serialize($session, 5)
            )
            foreach ($text in $texts) { $text | Should -Not -Match $secret }
        }
    }
}

Describe 'Disconnect-Librato and the session requirement' {
    It 'makes cmdlets fail with Librato.NotConnected once disconnected' {
        Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url
        Disconnect-Librato
        Get-LibratoSession | Should -BeNullOrEmpty
        $err = { Send-LibratoMetric -Name a -Value 1 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NotConnected*'
        $err = { Get-LibratoMetric } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NotConnected*'
    }

    It 'fails with Librato.SessionClosed when a disconnected session is passed' {
        $session = Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url -PassThru
        Disconnect-Librato -Session $session
        $err = { Get-LibratoMetric -Session $session } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.SessionClosed*'
    }

    It 'lets -Session override the default session' {
        $good = Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url -PassThru
        Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -Endpoint $Emulator.Url -SkipCredentialCheck | Out-Null
        Send-LibratoMetric -Name session.override -Value 3 -Session $good
        (Get-EmulatorStats $Emulator).per_metric.'session.override'.measurements | Should -Be 1
        Disconnect-Librato
    }
}
