# The module through a real HTTP proxy (tinyproxy, installed from Debian's packages when missing) that wants
# credentials: the right ones get through, missing or wrong ones end the command with Librato.ProxyAuthenticationFailed
# at once instead of being retried as a broken connection.
BeforeDiscovery {
    $script:NoProxy = -not $IsLinux
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    if (-not (Get-Command tinyproxy -ErrorAction SilentlyContinue)) {
        & apt-get install -y -q tinyproxy *> $null
        if ($LASTEXITCODE -ne 0) {
            & apt-get update -q *> $null
            & apt-get install -y -q tinyproxy *> $null
        }
    }
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $script:ProxyPort = $listener.LocalEndpoint.Port
    $listener.Stop()
    $config = Join-Path $TestDrive 'tinyproxy.conf'
    Set-Content -LiteralPath $config -Value @"
Port $ProxyPort
Listen 127.0.0.1
Timeout 30
MaxClients 20
BasicAuth proxyuser rightpass
LogLevel Warning
"@
    $script:ProxyProcess = Start-Process -FilePath tinyproxy -ArgumentList '-d', '-c', $config -PassThru -RedirectStandardError (Join-Path $TestDrive 'tinyproxy.err') -RedirectStandardOutput (Join-Path $TestDrive 'tinyproxy.log')
    $deadline = [datetime]::UtcNow.AddSeconds(10)
    while ([datetime]::UtcNow -lt $deadline) {
        try { $client = [Net.Sockets.TcpClient]::new('127.0.0.1', $ProxyPort); $client.Dispose(); break } catch { Start-Sleep -Milliseconds 50 }
    }
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:TlsEmulator = Start-LibratoEmulator -Path $EmulatorPath -Https
    $script:Proxy = "http://127.0.0.1:$ProxyPort"

    function script:Connect-ThroughProxy($Target, [string] $Password) {
        $parameters = @{
            Email = $Target.Email; Token = (ConvertTo-SecureString $Target.Token -AsPlainText -Force); Endpoint = $Target.Url
            Proxy = $Proxy; MaxRetries = 5; PassThru = $true
        }
        if ($Password) { $parameters.ProxyCredential = [pscredential]::new('proxyuser', (ConvertTo-SecureString $Password -AsPlainText -Force)) }
        Connect-Librato @parameters
    }
}

AfterAll {
    Disconnect-Librato
    if ($ProxyProcess) { Stop-Process -Id $ProxyProcess.Id -Force -ErrorAction SilentlyContinue }
    $Emulator, $TlsEmulator | Where-Object { $_ } | Stop-LibratoEmulator
}

Describe 'Through a proxy that wants credentials' -Skip:$NoProxy {
    BeforeEach { Reset-Emulator $Emulator }

    It 'sends with the right credentials' {
        $session = Connect-ThroughProxy $Emulator 'rightpass'
        0..9 | ForEach-Object { [pscustomobject]@{ Name = 'proxy.metric'; Value = $_; Source = "s$_" } } | Send-LibratoMetric -Session $session
        (Get-EmulatorStats $Emulator).per_metric.'proxy.metric'.measurements | Should -Be 10
    }

    It 'ends at once with Librato.ProxyAuthenticationFailed when <Case>, keeping the measurements' -ForEach @(
        @{ Case = 'no credentials are given (407)'; Target = 'Emulator'; Password = $null }
        @{ Case = 'the password is wrong for an https tunnel'; Target = 'TlsEmulator'; Password = 'wrongpass' }
        @{ Case = 'the password is wrong for plain http (the proxy answers 401 with a page of its own)'; Target = 'Emulator'; Password = 'wrongpass' }
    ) {
        $target = Get-Variable -Name $Target -ValueOnly
        $session = Connect-ThroughProxy $target $Password
        # Every attempt writes one verbose line (its answer or how it failed); a retry announces itself. A connection
        # the proxy resets before answering is retried like any broken connection; its refusal is the last attempt.
        $verbose = [Collections.Generic.List[string]]::new()
        $err = { 0..9 | ForEach-Object { [pscustomobject]@{ Name = 'proxy.refused'; Value = $_ } } | Send-LibratoMetric -Session $session -Verbose 4>&1 | ForEach-Object { $verbose.Add("$_") } } |
            Should -Throw -PassThru
        $attempts = @($verbose -match '^(POST |Retrying )')
        $refusal = "^POST .*( -> 40[17] |status code '40[17]')"
        @($attempts -match $refusal) | Should -HaveCount 1 -Because "the refusal ends the send: $($verbose -join ' | ')"
        $attempts[-1] | Should -Match $refusal -Because "nothing is retried after the refusal: $($verbose -join ' | ')"
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.ProxyAuthenticationFailed*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'the proxy refused the proxy credentials or asked for some; check the proxy user name and password \(Connect-Librato -ProxyCredential\)'
        $err.Exception.Message | Should -Not -Match 'wrongpass'
        $session.Unsent | Should -HaveCount 10
    }
}
