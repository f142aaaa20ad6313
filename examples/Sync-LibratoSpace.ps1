<#
.SYNOPSIS
Keeps Librato spaces as code: exports spaces to JSON files in a folder and imports them into another account.

.DESCRIPTION
Export writes each space that -Space selects in the source account to <space name>.json in -Path, with
Export-LibratoSpace: a definition without ids, in a fixed field order, made to be committed to source control and
reviewed as a diff.

Import reads every .json file of -Path and makes the spaces real in the destination account with
Import-LibratoSpace. A space that does not exist there is created with its charts. A space that exists is left
alone, with a warning, unless -Replace is given; with -Replace it is made to match its file, keeping its id:
changed charts are updated in place, new ones created, and charts the file does not have are removed.

Sync does both, in that order: the usual way to copy a set of spaces from one account (or endpoint) to another.

-WhatIf shows every file that would be written and every space and chart that would be created, changed or
removed, and changes nothing (Sync exports to a scratch folder, removed at the end, to preview the import).
-Confirm asks before each change.

Each account is given by a credential (the account email as the user name, the API token as the password) and an
endpoint; an account without a credential is read from the LIBRATO_USER and LIBRATO_TOKEN environment variables.

.PARAMETER Action
Export, Import, or Sync (the default): export from the source, then import into the destination.

.PARAMETER Path
The folder of the space definitions. Export creates it when needed.

.PARAMETER Space
The spaces to export: names or wildcard patterns. The default is every space.

.PARAMETER Replace
Import into spaces that already exist, making them match their files.

.PARAMETER SourceCredential
The account exported from.

.PARAMETER SourceEndpoint
The endpoint of the account exported from; the default is Librato's.

.PARAMETER DestinationCredential
The account imported into.

.PARAMETER DestinationEndpoint
The endpoint of the account imported into; the default is Librato's.

.EXAMPLE
PS C:\> .\Sync-LibratoSpace.ps1 Export -Path .\spaces -Space 'Production*' -SourceCredential $production

    Directory: C:\repo\spaces

Mode          LastWriteTime  Length Name
----          -------------  ------ ----
-a---   6/3/2026   9:12 AM    4211 Production.json
-a---   6/3/2026   9:12 AM    1877 Production API.json

Writes the production spaces to a folder kept in git.

.EXAMPLE
PS C:\> .\Sync-LibratoSpace.ps1 Import -Path .\spaces -Replace -DestinationCredential $staging -WhatIf

What if: Performing the operation "Update chart 'cpu' (id 41): type, streams" on target "space 'Production' (id 7)".
What if: Performing the operation "Create chart 'queue depth'" on target "space 'Production' (id 7)".

Shows what importing the folder into the staging account would change, without changing anything.

.EXAMPLE
PS C:\> .\Sync-LibratoSpace.ps1 -Path (Join-Path $env:TEMP spaces) -SourceCredential $old -DestinationCredential $new -DestinationEndpoint https://metrics-api.example.net

Copies every space of one account to another account on another endpoint.
#>
#Requires -Modules Librato

[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Export', 'Import', 'Sync')]
    [string] $Action = 'Sync',

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidateNotNullOrEmpty()]
    [string[]] $Space = @('*'),

    [switch] $Replace,

    [pscredential] $SourceCredential,

    [uri] $SourceEndpoint,

    [pscredential] $DestinationCredential,

    [uri] $DestinationEndpoint
)

function Connect-Account([pscredential] $Credential, [uri] $Endpoint) {
    $connect = @{ PassThru = $true }
    if ($Credential) { $connect.Credential = $Credential }
    if ($Endpoint) { $connect.Endpoint = $Endpoint }
    Connect-Librato @connect
}

$importFrom = $Path
$preview = $null
try {
    if ($Action -in 'Export', 'Sync') {
        $source = Connect-Account $SourceCredential $SourceEndpoint
        $spaces = @(Get-LibratoSpace -Name $Space -Session $source -ErrorAction Stop)
        if ($spaces.Count -eq 0) {
            Write-Warning "No space in $($source.Endpoint) matches $($Space -join ', ')."
        }
        elseif ($WhatIfPreference) {
            foreach ($s in $spaces) {
                $PSCmdlet.ShouldProcess((Join-Path $Path "$($s.Name).json"), "Export the space '$($s.Name)'") | Out-Null
            }

            if ($Action -eq 'Sync') {
                # To show what the import would change, export to a scratch folder that is removed afterwards.
                $preview = Join-Path ([IO.Path]::GetTempPath()) ("librato-spaces-" + [guid]::NewGuid().ToString('N'))
                New-Item -ItemType Directory -Path $preview -WhatIf:$false -Confirm:$false | Out-Null
                $spaces | Export-LibratoSpace -Path $preview -Session $source -WhatIf:$false -Confirm:$false
                $importFrom = $preview
            }
        }
        else {
            if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
                New-Item -ItemType Directory -Path $Path | Out-Null
            }

            $spaces | Export-LibratoSpace -Path $Path -PassThru -Session $source
        }
    }

    if ($Action -in 'Import', 'Sync') {
        $files = @(Get-ChildItem -LiteralPath $importFrom -Filter '*.json' -File -ErrorAction SilentlyContinue)
        if ($files.Count -eq 0) {
            Write-Warning "There are no space definitions (*.json) in '$importFrom'."
            return
        }

        $destination = Connect-Account $DestinationCredential $DestinationEndpoint
        foreach ($file in $files) {
            Import-LibratoSpace -Path $file.FullName -Replace:$Replace -Session $destination -ErrorAction SilentlyContinue -ErrorVariable importErrors
            foreach ($err in $importErrors) {
                if ($err.FullyQualifiedErrorId -like 'Librato.SpaceExists*') {
                    Write-Warning "Skipped '$($file.Name)': $($err.Exception.Message)"
                }
                else {
                    Write-Error -ErrorRecord $err
                }
            }
        }
    }
}
finally {
    if ($preview) { Remove-Item -LiteralPath $preview -Recurse -Force -WhatIf:$false -Confirm:$false -ErrorAction SilentlyContinue }
}
