# Dot-sourced by each test file's BeforeAll: imports the staged module and the emulator helpers.
$ErrorActionPreference = 'Stop'
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = if ($env:LIBRATO_TEST_MODULE) { $env:LIBRATO_TEST_MODULE } else { Join-Path $RepoRoot 'out/Librato' }
$script:EmulatorPath = if ($env:LIBRATO_TEST_EMULATOR) { $env:LIBRATO_TEST_EMULATOR } else { Join-Path $RepoRoot 'out/Librato.Emulator' }
Import-Module (Join-Path $ModulePath 'Librato.psd1') -Force
Import-Module (Join-Path $RepoRoot 'build/LibratoEmulator.psm1') -Force
# How to start a fresh pwsh of this very version, as `dotnet pwsh` starts it: the command and its first arguments.
$script:Pwsh = if ($IsWindows) { @(Join-Path $PSHOME 'pwsh.exe') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }

function script:Start-TestEmulator {
    # Starts an emulator that answers as the given service (Start-LibratoEmulator -AppOptics for AppOptics).
    param([ValidateSet('Librato', 'AppOptics')] [string] $Api = 'Librato', [string[]] $ArgumentList = @())
    Start-LibratoEmulator -Path $EmulatorPath -AppOptics:($Api -eq 'AppOptics') -ArgumentList $ArgumentList
}

function script:Connect-TestEmulator {
    # Connects the default session to an emulator, as its service expects, and returns the session.
    param([Parameter(Mandatory)] $Emulator, [int] $TimeoutSec = 10, [hashtable] $DefaultTags)
    $token = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
    # Tests of other things count the requests they cause; ConnectCheck.Tests.ps1 covers the check itself.
    $params = @{ Token = $token; Endpoint = $Emulator.Url; TimeoutSec = $TimeoutSec; SkipCredentialCheck = $true }
    if ($Emulator.PSObject.Properties['Api'] -and $Emulator.Api -eq 'AppOptics') {
        $params.AppOptics = $true
    }
    else {
        $params.Email = $Emulator.Email
    }
    if ($DefaultTags) { $params.DefaultTags = $DefaultTags }
    Connect-Librato @params
}

function script:Get-EmulatorAuthorization {
    # The Basic header value the emulator's service expects: email:token, or token: for AppOptics.
    param([Parameter(Mandatory)] $Emulator)
    $pair = if ($Emulator.PSObject.Properties['Api'] -and $Emulator.Api -eq 'AppOptics') { "$($Emulator.Token):" } else { "$($Emulator.Email):$($Emulator.Token)" }
    'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair))
}

function script:Get-EmulatorStats {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-LibratoEmulatorControl -Emulator $Emulator -Path "stats?user=$([uri]::EscapeDataString($Emulator.Email))"
}

function script:Get-EmulatorRequests {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-LibratoEmulatorControl -Emulator $Emulator -Path "requests?user=$([uri]::EscapeDataString($Emulator.Email))"
}

function script:Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-LibratoEmulatorControl -Emulator $Emulator -Path 'reset' -Method Post | Out-Null
}

function script:Read-EmulatorSeries {
    # Reads a legacy metric's stored points straight from the emulator's API, bypassing the module.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Metric, [long] $StartTime)
    Invoke-RestMethod -Uri "$($Emulator.Url)/v1/metrics/$($Metric)?start_time=$StartTime&resolution=1" -Headers @{ Authorization = (Get-EmulatorAuthorization $Emulator) }
}

function script:Wait-EmulatorFaultTaken {
    # Returns once no fault is pending: the requests they were meant for have arrived (a delayed one is still waiting).
    param([Parameter(Mandatory)] $Emulator, [int] $TimeoutSec = 20)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    # Invoke-RestMethod writes a JSON array as one object: count its items, not its output.
    while (($pending = Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/faults") -and @($pending).Count -gt 0) {
        if ([datetime]::UtcNow -gt $deadline) { throw "A fault is still pending after $TimeoutSec s." }
        Start-Sleep -Milliseconds 20
    }
}

function script:Add-EmulatorFault {
    # Makes the next matching /v1 requests misbehave (see docs/emulator.md, Fault injection).
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Fault)
    $body = $Fault | ConvertTo-Json -Depth 5 -Compress
    Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/_emulator/faults" -Body $body -ContentType 'application/json' | Out-Null
}

function script:Connect-FastRetries {
    # A session with short timeouts and retry waits, so fault tests stay quick.
    param([Parameter(Mandatory)] $Emulator, [int] $MaxRetries = 5, [string] $OutboxPath, [int] $TimeoutSec = 2)
    $params = @{
        Email = $Emulator.Email; Token = (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force); Endpoint = $Emulator.Url
        TimeoutSec = $TimeoutSec; MaxRetries = $MaxRetries; MaxRetryDelaySec = 1; SkipCredentialCheck = $true
    }
    if ($OutboxPath) { $params.OutboxPath = $OutboxPath }
    Connect-Librato @params
}
