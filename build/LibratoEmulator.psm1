# Starts and stops the local Librato API emulator for the demo and the Pester tests.
Set-StrictMode -Version 3.0

function Start-LibratoEmulator {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        # The folder holding Librato.Emulator.dll (the build stages it in out/Librato.Emulator).
        [Parameter(Mandatory)]
        [string] $Path,

        [string] $Email = 'demo@example.com',

        [string] $Token = 'demo-token',

        # Extra emulator options, for example '--request-log-size', '0'.
        [string[]] $ArgumentList = @(),

        # Answer as AppOptics (--appoptics): the token alone authenticates, tagged measurements only.
        [switch] $AppOptics,

        # Serve https with a certificate the emulator makes at start (--https); the certificate authority that signed
        # it is written to a file (CertificateAuthorityFile on the result) for clients to trust.
        [switch] $Https,

        [int] $TimeoutSec = 30
    )

    $dll = Join-Path $Path 'Librato.Emulator.dll'
    if (-not (Test-Path $dll)) {
        throw "The emulator is not built: '$dll' is missing. Run ./build.ps1 Build first."
    }

    $stdout = [System.IO.Path]::GetTempFileName()
    $stderr = [System.IO.Path]::GetTempFileName()
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--user', $Email, '--token', $Token) + $ArgumentList
    if ($AppOptics) {
        $arguments += '--appoptics'
    }
    $authority = $null
    if ($Https) {
        $authority = [System.IO.Path]::GetTempFileName()
        $arguments += '--https', '--ca-file', $authority
    }
    # Ctrl+C at the prompt goes to every process of the terminal's process group (on Windows, of the console): an
    # emulator started for a session would end with the command the user interrupted. It runs in a session of its own
    # (setsid) or, on Windows, a hidden console of its own; Stop-LibratoEmulator ends it.
    $launch = @{ FilePath = 'dotnet'; ArgumentList = $arguments }
    $setsid = if (-not $IsWindows) { Get-Command setsid -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1 }
    if ($setsid) {
        $launch = @{ FilePath = $setsid.Source; ArgumentList = @('dotnet') + $arguments }
    }
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        $launch.WindowStyle = 'Hidden'
    }
    else {
        $launch.NoNewWindow = $true
    }
    $process = Start-Process @launch -PassThru -RedirectStandardOutput $stdout -RedirectStandardError $stderr

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = Get-Content -LiteralPath $stdout -ErrorAction SilentlyContinue |
            Where-Object { $_ -match '^Librato emulator listening on (\S+)' } |
            Select-Object -First 1
        if ($line) {
            $url = ([regex]::Match($line, '^Librato emulator listening on (\S+)')).Groups[1].Value.TrimEnd('/')
            return [pscustomobject]@{
                PSTypeName = 'Librato.EmulatorProcess'
                Url        = $url
                Api        = if ($AppOptics) { 'AppOptics' } else { 'Librato' }
                Email      = $Email
                Token      = $Token
                # The emulator's own demo account, ready for Connect-Librato -Credential.
                Credential = [pscredential]::new($Email, (ConvertTo-SecureString $Token -AsPlainText -Force))
                CertificateAuthorityFile = $authority
                Process    = $process
                StdOut     = $stdout
                StdErr     = $stderr
            }
        }

        if ($process.HasExited) {
            break
        }

        Start-Sleep -Milliseconds 50
    }

    $errors = Get-Content -LiteralPath $stderr -Raw -ErrorAction SilentlyContinue
    if (-not $process.HasExited) {
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
    }

    throw "The Librato emulator did not start within $TimeoutSec s. $errors"
}

function Stop-LibratoEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Emulator
    )

    process {
        if (-not $Emulator.Process.HasExited) {
            Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
            $Emulator.Process.WaitForExit(10000) | Out-Null
        }

        Remove-Item -LiteralPath $Emulator.StdOut, $Emulator.StdErr -ErrorAction SilentlyContinue
        if ($Emulator.PSObject.Properties['CertificateAuthorityFile'] -and $Emulator.CertificateAuthorityFile) {
            Remove-Item -LiteralPath $Emulator.CertificateAuthorityFile -ErrorAction SilentlyContinue
        }
    }
}

function Invoke-LibratoEmulatorControl {
    # Calls the emulator's control API (/_emulator/...), which needs no credentials.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Emulator,

        [Parameter(Mandatory)]
        [string] $Path,

        [string] $Method = 'Get'
    )

    $uri = $Emulator.Url + '/_emulator/' + $Path.TrimStart('/')
    if ($Emulator.PSObject.Properties['CertificateAuthorityFile'] -and $Emulator.CertificateAuthorityFile) {
        # Over https the emulator's own certificate authority is trusted for this call, and only that one.
        if (-not ('LibratoEmulatorTrust' -as [type])) { Add-Type -TypeDefinition $TrustSource }
        $text = [LibratoEmulatorTrust]::Send($Method, $uri, $Emulator.CertificateAuthorityFile)
        if ($text) { $text | ConvertFrom-Json | ForEach-Object { $_ } }
        return
    }

    # Invoke-RestMethod writes a JSON array as one object; unroll it so callers can filter its items.
    Invoke-RestMethod -Method $Method -Uri $uri | ForEach-Object { $_ }
}

# Calls to an emulator over https that trust its certificate authority alone: the chain is built with that CA as
# the only root, so certificate validation is done, not skipped, without touching the machine's trust store.
# Compiled on first use only.
$TrustSource = @'
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

public static class LibratoEmulatorTrust
{
    private static readonly ConcurrentDictionary<string, HttpClient> Clients = new ConcurrentDictionary<string, HttpClient>();

    public static string Send(string method, string uri, string authorityFile)
    {
        var client = Clients.GetOrAdd(authorityFile, Create);
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), uri);
        using var response = client.Send(request);
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return body;
    }

    private static HttpClient Create(string authorityFile)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(authorityFile));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
            {
                if (certificate == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                {
                    return false;
                }

                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.Add(authority);
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return custom.Build(certificate);
            },
        };
        return new HttpClient(handler);
    }
}
'@

Export-ModuleMember -Function Start-LibratoEmulator, Stop-LibratoEmulator, Invoke-LibratoEmulatorControl
