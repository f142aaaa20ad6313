BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-TestEmulator -Api AppOptics
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
}

AfterAll {
    Disconnect-Librato -ErrorAction SilentlyContinue
    $Emulator | Stop-LibratoEmulator
}

Describe 'Connect-Librato -AppOptics' {
    BeforeEach {
        Disconnect-Librato
        Reset-Emulator $Emulator
        Remove-Item Env:APPOPTICS_TOKEN, Env:LIBRATO_USER, Env:LIBRATO_TOKEN -ErrorAction SilentlyContinue
    }

    AfterAll { Remove-Item Env:APPOPTICS_TOKEN -ErrorAction SilentlyContinue }

    It 'connects with the token alone and shows the mode in Get-LibratoSession' {
        Connect-Librato -AppOptics -Token $SecureToken -Endpoint $Emulator.Url
        $session = Get-LibratoSession
        $session.Api | Should -Be 'AppOptics'
        $session.Email | Should -BeNullOrEmpty
        $session.Endpoint | Should -Be ([uri]$Emulator.Url)
        ($session | Format-Table | Out-String) | Should -Match 'AppOptics'
        $session.ToString() | Should -BeLike 'AppOptics at http://127.0.0.1:*'
        Send-LibratoMetric -Name ao.connect -Value 1 -Tags @{ host = 'a' }
        (Get-EmulatorStats $Emulator).per_metric.'ao.connect'.measurements | Should -Be 1
    }

    It 'takes the token positionally' {
        $session = Connect-Librato -AppOptics $SecureToken -Endpoint $Emulator.Url -PassThru
        $session.Api | Should -Be 'AppOptics'
        { Get-LibratoMetric } | Should -Not -Throw
    }

    It 'takes a credential and ignores its user name' {
        $credential = [pscredential]::new('anyone-at-all', $SecureToken)
        $session = Connect-Librato -AppOptics -Credential $credential -Endpoint $Emulator.Url -PassThru
        $session.Email | Should -BeNullOrEmpty
        { Get-LibratoMetric } | Should -Not -Throw
    }

    It 'reads APPOPTICS_TOKEN when no token is given' {
        $env:APPOPTICS_TOKEN = $Emulator.Token
        $session = Connect-Librato -AppOptics -Endpoint $Emulator.Url -PassThru
        $session.Api | Should -Be 'AppOptics'
        { Get-LibratoMetric } | Should -Not -Throw
    }

    It 'fails with Librato.MissingCredentials when APPOPTICS_TOKEN is not set either' {
        $env:LIBRATO_USER = 'a@b.c'
        $env:LIBRATO_TOKEN = 'librato-token'
        $err = { Connect-Librato -AppOptics -Endpoint $Emulator.Url } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.MissingCredentials*'
        $err.Exception.Message | Should -Match 'APPOPTICS_TOKEN'
        Get-LibratoSession | Should -BeNullOrEmpty
    }

    It 'defaults to the AppOptics API over https, and Librato stays the default otherwise' {
        (Connect-Librato -AppOptics -Token $SecureToken -SkipCredentialCheck).Endpoint | Should -Be ([uri]'https://api.appoptics.com')
        $librato = Connect-Librato -Email a@b.c -Token $SecureToken -SkipCredentialCheck
        $librato.Api | Should -Be 'Librato'
        $librato.Endpoint | Should -Be ([uri]'https://metrics-api.librato.com')
    }

    It 'accepts an endpoint written with /v1/, as the AppOptics documentation gives it' {
        Connect-Librato -AppOptics -Token $SecureToken -Endpoint "$($Emulator.Url)/v1/"
        Send-LibratoMetric -Name ao.versioned -Value 1 -Tags @{ host = 'a' }
        (Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST').path | Should -Be '/v1/measurements'
    }

    It 'is refused by AppOptics when connected as Librato (email and token): at connect, and on first use without the check' {
        { Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url } | Should -Throw -ErrorId 'Librato.AuthenticationFailed,*'
        Connect-Librato -Email $Emulator.Email -Token $SecureToken -Endpoint $Emulator.Url -SkipCredentialCheck
        $err = { Get-LibratoMetric } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.Unauthorized*'
    }

    It 'cannot be combined with -Email' {
        { Connect-Librato -AppOptics -Email a@b.c -Token $SecureToken } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'never shows the token in verbose output, ToString, Format-List, JSON or CLIXML' {
        $secret = 'tok-' + [guid]::NewGuid().ToString('N')
        $output = Connect-Librato -AppOptics -Token (ConvertTo-SecureString $secret -AsPlainText -Force) -Endpoint $Emulator.Url -SkipCredentialCheck -Verbose 4>&1
        $session = $output | Where-Object { $_ -is [Librato.PowerShell.LibratoSession] }
        $verbose = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Match 'Connected to AppOptics at'
        $texts = @(
            $verbose.Message
            $session.ToString()
            ($session | Format-List * | Out-String)
            ($session | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue)
            [System.Management.Automation.PSSerializer]::Serialize($session, 5)
        )
        foreach ($text in $texts) { $text | Should -Not -Match $secret }
    }
}

Describe 'AppOptics rules beyond Send-LibratoMetric' {
    BeforeAll { Connect-TestEmulator $Emulator | Out-Null }
    BeforeEach { Reset-Emulator $Emulator }

    It 'refuses legacy measurements added to a queue and submits the tagged ones' {
        $queue = New-LibratoQueue
        $bare = [pscustomobject]@{ Name = 'queue.bare'; Value = 1 }
        $bare, [pscustomobject]@{ Name = 'queue.tagged'; Value = 2; Tags = @{ host = 'a' } } |
            Send-LibratoMetric -Queue $queue -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsTagsRequired*'
        $errs[0].TargetObject | Should -Be $bare
        $queue | Submit-LibratoQueue
        (Get-EmulatorStats $Emulator).per_metric.PSObject.Properties.Name | Should -Be 'queue.tagged'
    }

    It 'lets session default tags count as the tag a measurement needs' {
        Connect-TestEmulator $Emulator -DefaultTags @{ env = 'test' } | Out-Null
        Send-LibratoMetric -Name defaults.tagged -Value 1
        (Get-EmulatorStats $Emulator).per_metric.'defaults.tagged'.measurements | Should -Be 1
    }

    It 'caps -BatchSize at 1,000' {
        { Send-LibratoMetric -Name cap.metric -Value 1 -Tags @{ host = 'a' } -BatchSize 1001 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'sends 2,500 tagged measurements in requests of at most 1,000' {
        $time = [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds()
        1..2500 | ForEach-Object { [pscustomobject]@{ Name = 'cap.metric'; Value = $_; Tags = @{ host = "h$_" }; Time = $time } } |
            Send-LibratoMetric -BatchSize 1000 -ThrottleLimit 1
        # One request at a time, so the log holds them in the order they were sent.
        (Get-EmulatorStats $Emulator).per_metric.'cap.metric'.measurements | Should -Be 2500
        $sizes = Get-EmulatorRequests $Emulator | Where-Object method -EQ 'POST' | ForEach-Object { ($_.body | ConvertFrom-Json).measurements.Count }
        $sizes | Should -Be @(1000, 1000, 500)
    }
}
