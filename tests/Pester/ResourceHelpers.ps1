# Dot-sourced after TestSetup.ps1 by the annotation, space and chart tests: reads what the emulator stored straight
# from its API, bypassing the module, and describes a second account of the same emulator.

function script:Invoke-EmulatorApi {
    # Calls /v1/<Path> as the emulator's account; the items of a JSON array are written one by one.
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        $Body
    )
    $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Emulator.Email):$($Emulator.Token)"))
    $request = @{ Uri = "$($Emulator.Url)/v1/$($Path.TrimStart('/'))"; Method = $Method; Headers = @{ Authorization = "Basic $pair" } }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    # Invoke-RestMethod writes a JSON array as one object; unroll it so callers can filter and count its items.
    Invoke-RestMethod @request | ForEach-Object { $_ }
}

function script:Get-EmulatorAccount {
    # Another account of a running emulator (started with -ArgumentList '--user', EMAIL, '--token', TOKEN).
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Email, [Parameter(Mandatory)] [string] $Token)
    [pscustomobject]@{ PSTypeName = 'Librato.EmulatorProcess'; Url = $Emulator.Url; Email = $Email; Token = $Token; Process = $Emulator.Process }
}

function script:Get-Completion {
    # The completion texts PowerShell offers at the end of a command line.
    param([Parameter(Mandatory)] [string] $Line)
    (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
}

function script:Get-RequestBody {
    # The JSON bodies of the logged requests with this method whose path matches a wildcard pattern, oldest first.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Method, [Parameter(Mandatory)] [string] $Path)
    Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq $Method -and $_.path -like $Path } | ForEach-Object { $_.body | ConvertFrom-Json }
}
