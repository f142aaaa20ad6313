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
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr

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

    # Invoke-RestMethod writes a JSON array as one object; unroll it so callers can filter its items.
    Invoke-RestMethod -Method $Method -Uri ($Emulator.Url + '/_emulator/' + $Path.TrimStart('/')) | ForEach-Object { $_ }
}

Export-ModuleMember -Function Start-LibratoEmulator, Stop-LibratoEmulator, Invoke-LibratoEmulatorControl
