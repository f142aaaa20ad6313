<#
.SYNOPSIS
    Runs the Pester suite against a staged module and emulator, and writes the pass/fail counts as JSON.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Which test files to run, as a wildcard on their names without .Tests.ps1.
    [string] $Filter = $(if ($env:LIBRATO_TEST_FILTER) { $env:LIBRATO_TEST_FILTER } else { '*' })
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

# The test files read these to find what they test.
$env:LIBRATO_TEST_MODULE = (Resolve-Path $ModulePath).Path
$env:LIBRATO_TEST_EMULATOR = (Resolve-Path $EmulatorPath).Path

$config = New-PesterConfiguration
$config.Run.Path = @(Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -Like "$Filter.Tests.ps1" | ForEach-Object FullName)
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($ResultPath, '.xml')

$result = Invoke-Pester -Configuration $config
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $ResultPath
