# The module over real TLS against the emulator's https mode: trusted through SSL_CERT_FILE as a company's private
# CA would be, and refused, with the reason and the remedy, when it is not trusted, has expired or names another host.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath -Https
    $script:CaFile = $Emulator.CertificateAuthorityFile
    $script:Time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()

    function script:New-Certificates([string] $DnsName, [DateTimeOffset] $NotBefore, [DateTimeOffset] $NotAfter) {
        # A CA and a server certificate it signed, as PEM files; returns their paths.
        $caKey = [Security.Cryptography.ECDsa]::Create()
        $caRequest = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=Test Private CA', $caKey, 'SHA256')
        $caRequest.CertificateExtensions.Add([Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
        $ca = $caRequest.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-400), [DateTimeOffset]::UtcNow.AddYears(1))
        $key = [Security.Cryptography.ECDsa]::Create()
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$DnsName", $key, 'SHA256')
        $names = [Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder]::new()
        $names.AddDnsName($DnsName)
        $request.CertificateExtensions.Add($names.Build())
        $leaf = $request.Create($ca, $NotBefore, $NotAfter, [byte[]](1..16))
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -LiteralPath "$folder/ca.pem" -Value $ca.ExportCertificatePem()
        Set-Content -LiteralPath "$folder/server.pem" -Value $leaf.ExportCertificatePem()
        Set-Content -LiteralPath "$folder/server.key" -Value $key.ExportPkcs8PrivateKeyPem()
        [pscustomobject]@{ Ca = "$folder/ca.pem"; Certificate = "$folder/server.pem"; Key = "$folder/server.key" }
    }

    function script:Invoke-Child([string] $Script, [hashtable] $Environment) {
        # Runs a script in a fresh pwsh (whose certificate store reads SSL_CERT_FILE at start) and returns its output.
        $file = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -LiteralPath $file -Value $Script
        $info = [Diagnostics.ProcessStartInfo]::new($Pwsh[0])
        foreach ($argument in @($Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $info.ArgumentList.Add($argument) }
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = $Environment[$name] }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($info)
        $out = $process.StandardOutput.ReadToEnd()
        $err = $process.StandardError.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ Output = $out; Error = $err; ExitCode = $process.ExitCode }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Sending over TLS' {
    It 'serves https and writes its certificate authority for clients to trust' {
        $Emulator.Url | Should -Match '^https://127\.0\.0\.1:\d+$'
        Get-Content -Raw $CaFile | Should -Match '-----BEGIN CERTIFICATE-----'
        Get-Content -Raw $CaFile | Should -Not -Match 'PRIVATE KEY'
    }

    It 'sends and reads back over TLS when the private CA is trusted through SSL_CERT_FILE' {
        $run = Invoke-Child -Environment @{ SSL_CERT_FILE = $CaFile } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $ModulePath 'Librato.psd1')'
Connect-Librato -Email '$($Emulator.Email)' -Token (ConvertTo-SecureString '$($Emulator.Token)' -AsPlainText -Force) -Endpoint '$($Emulator.Url)' | Out-Null
0..999 | ForEach-Object { [pscustomobject]@{ Name = 'tls.metric'; Value = `$_; Source = "s`$_"; Time = $Time } } | Send-LibratoMetric
(Get-LibratoMetric tls.metric -StartTime ([DateTimeOffset]::FromUnixTimeSeconds($Time - 60).UtcDateTime) -Resolution 1).Measurements.Count
"@
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output.Trim() | Should -Be '1000'
        (Get-EmulatorStats $Emulator).per_metric.'tls.metric'.measurements | Should -Be 1000
    }

    It 'refuses an untrusted certificate at once with Librato.CertificateInvalid, keeping the measurements' {
        Reset-Emulator $Emulator
        $outbox = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $session = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) -Endpoint $Emulator.Url `
            -MaxRetries 5 -OutboxPath $outbox -PassThru
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { 0..9 | ForEach-Object { [pscustomobject]@{ Name = 'tls.untrusted'; Value = $_; Time = $Time } } | Send-LibratoMetric -Session $session } |
            Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3 -Because 'a certificate failure is not retried'
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.CertificateInvalid*'
        $err.CategoryInfo.Category | Should -Be 'SecurityError'
        $err.Exception.Message | Should -Match "the certificate of '127.0.0.1' is not valid: it \(CN=localhost\) does not lead to a certificate authority this machine trusts \((PartialChain|UntrustedRoot)\)"
        $err.Exception.Message | Should -Match 'SSL_CERT_FILE'
        $err.Exception.Message | Should -Match 'cannot be turned off'
        $err.ErrorDetails.Message | Should -Match "the 10 measurement\(s\) not sent are kept in the outbox"
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0
        $waiting = Get-ChildItem $outbox -Filter '*.outbox.jsonl' | ForEach-Object { Get-Content $_.FullName | Select-Object -Skip 1 }
        @($waiting) | Should -HaveCount 10
    }

    It 'ends any other command with the same error' {
        $session = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) -Endpoint $Emulator.Url -PassThru
        $err = { Get-LibratoMetric -Session $session } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.CertificateInvalid*'
    }

    It 'names <Case> and what to do about it' -ForEach @(
        @{ Case = 'a certificate for another host'; DnsName = 'metrics.example.com'; From = -1; To = 300; Says = 'was issued for another name \(RemoteCertificateNameMismatch\); connect with -Endpoint' }
        @{ Case = 'an expired certificate'; DnsName = 'localhost'; From = -300; To = -1; Says = 'is valid only from .* \(NotTimeValid\); renew the server''s certificate, or check this machine''s clock' }
    ) {
        $files = New-Certificates -DnsName $DnsName -NotBefore ([DateTimeOffset]::UtcNow.AddDays($From)) -NotAfter ([DateTimeOffset]::UtcNow.AddDays($To))
        $emulator = Start-LibratoEmulator -Path $EmulatorPath -ArgumentList '--certificate', $files.Certificate, '--certificate-key', $files.Key
        try {
            $endpoint = $emulator.Url -replace '127\.0\.0\.1', 'localhost'
            $run = Invoke-Child -Environment @{ SSL_CERT_FILE = $files.Ca } -Script @"
Import-Module '$(Join-Path $ModulePath 'Librato.psd1')'
Connect-Librato -Email '$($emulator.Email)' -Token (ConvertTo-SecureString '$($emulator.Token)' -AsPlainText -Force) -Endpoint '$endpoint'
try { Send-LibratoMetric -Name tls.cert -Value 1 } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
            $run.Output | Should -Match 'Librato.CertificateInvalid'
            $run.Output -replace '\s+', ' ' | Should -Match $Says
        }
        finally { $emulator | Stop-LibratoEmulator }
    }
}
