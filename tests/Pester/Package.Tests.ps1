BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:Version = (Import-PowerShellDataFile (Join-Path $ModulePath 'Librato.psd1')).ModuleVersion
    $script:Package = Join-Path (Split-Path $ModulePath) "package/Librato.$Version.nupkg"
    if (-not (Test-Path -LiteralPath $Package)) {
        throw "There is no package at '$Package': './build.ps1 Package' makes it (and Test runs Package)."
    }

    # Everything PSResourceGet writes goes under one temporary folder. On Linux and macOS its repository store and
    # CurrentUser install path both live under HOME, so each child pwsh gets a temporary HOME; on Windows they
    # cannot be moved, so the repository is registered under a unique name and unregistered again, and the module
    # is saved into a temporary folder (Save-PSResource -Path) instead of the user's Documents.
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) "librato-package-$([guid]::NewGuid().ToString('N'))"
    $script:RepositoryName = "LibratoTest-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
    $script:RepositoryPath = Join-Path $Work 'repository'
    $script:TestHome = Join-Path $Work 'home'
    $script:SavedModules = Join-Path $Work 'modules'
    New-Item -ItemType Directory -Path $RepositoryPath, $TestHome, $SavedModules -Force | Out-Null
    # .NET reports a special folder that does not exist as '', and NuGet (inside PSResourceGet) would then write its
    # user configuration relative to the working directory.
    New-Item -ItemType Directory -Path (Join-Path $TestHome '.config'), (Join-Path $TestHome '.local/share'), (Join-Path $TestHome '.cache') -Force | Out-Null

    # Children run this very pwsh, started the way `dotnet pwsh` starts it.
    $script:PwshHost = [Environment]::ProcessPath
    $entry = [System.Reflection.Assembly]::GetEntryAssembly().Location
    $script:PwshPrefix = @(if ([IO.Path]::GetExtension($entry) -eq '.dll' -and $PwshHost -notlike '*pwsh*') { $entry })

    function script:Invoke-IsolatedPwsh {
        # Runs a script in a fresh pwsh with the temporary HOME and the given environment; returns the JSON object
        # its last output line holds.
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSec = 60)
        $start = [System.Diagnostics.ProcessStartInfo]::new($PwshHost)
        foreach ($argument in $PwshPrefix + @('-NoProfile', '-NonInteractive', '-Command', $Script)) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.WorkingDirectory = $Work
        if (-not $IsWindows) {
            $start.Environment['HOME'] = $TestHome
            foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $start.Environment.Remove($name) | Out-Null }
        }
        $start.Environment['LIBRATO_TEST_REPOSITORY'] = $RepositoryName
        $start.Environment['LIBRATO_TEST_REPOSITORY_PATH'] = $RepositoryPath
        $start.Environment['LIBRATO_TEST_VERSION'] = $Version
        foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
        $process = [System.Diagnostics.Process]::Start($start)
        try {
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            if (-not $process.WaitForExit($TimeoutSec * 1000)) {
                $process.Kill($true)
                throw "The child pwsh did not finish within $TimeoutSec s."
            }
            $process.WaitForExit()
            if ($process.ExitCode -ne 0) {
                throw "The child pwsh failed with exit code $($process.ExitCode): $($stderr.Result) $($stdout.Result)"
            }
            $last = @($stdout.Result -split "`r?`n" | Where-Object { $_.StartsWith('{') }) | Select-Object -Last 1
            if ($last) { $last | ConvertFrom-Json }
        }
        finally { $process.Dispose() }
    }

    Invoke-IsolatedPwsh -Script @'
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $env:LIBRATO_TEST_REPOSITORY -Uri $env:LIBRATO_TEST_REPOSITORY_PATH -Trusted
'@ | Out-Null
}

AfterAll {
    try {
        Invoke-IsolatedPwsh -Script @'
Unregister-PSResourceRepository -Name $env:LIBRATO_TEST_REPOSITORY -ErrorAction SilentlyContinue
'@ | Out-Null
    }
    finally {
        $Emulator | Stop-LibratoEmulator
        Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'The module package' {
    It 'holds exactly the staged module files, with the gallery metadata' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $entries = @($zip.Entries | ForEach-Object { [uri]::UnescapeDataString($_.FullName) } | Where-Object { -not $_.EndsWith('/') })
            $reader = [System.IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'Librato.nuspec').Open())
            try { $nuspec = [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }

        $packed = $entries | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|Librato\.nuspec$)' } | Sort-Object
        $staged = Get-ChildItem -LiteralPath $ModulePath -Recurse -File |
            ForEach-Object { [System.IO.Path]::GetRelativePath($ModulePath, $_.FullName) -replace '\\', '/' } | Sort-Object
        $packed | Should -Be $staged
        $packed | Should -Contain 'Librato.psd1'
        $packed | Should -Contain 'System.Text.Json.dll'

        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'Librato'
        $metadata.version | Should -Be $Version
        $tags = $metadata.tags -split ' '
        foreach ($tag in 'PSModule', 'Librato', 'Metrics', 'Monitoring', 'PSEdition_Core', 'PSEdition_Desktop') {
            $tags | Should -Contain $tag
        }
        $metadata.description | Should -Not -BeNullOrEmpty
    }

    It 'is accepted by Publish-PSResource into a local file repository' {
        $result = Invoke-IsolatedPwsh -Environment @{ LIBRATO_TEST_PACKAGE = $Package } -Script @'
$ErrorActionPreference = 'Stop'
Publish-PSResource -NupkgPath $env:LIBRATO_TEST_PACKAGE -Repository $env:LIBRATO_TEST_REPOSITORY
$found = Find-PSResource -Name Librato -Repository $env:LIBRATO_TEST_REPOSITORY
[pscustomobject]@{ Name = $found.Name; Version = "$($found.Version)"; Tags = @($found.Tags) } | ConvertTo-Json -Compress
'@
        Get-ChildItem -LiteralPath $RepositoryPath -Name | Should -Be "Librato.$Version.nupkg"
        $result.Name | Should -Be 'Librato'
        $result.Version | Should -Be $Version
        $result.Tags | Should -Contain 'PSEdition_Desktop'
    }

    It 'installs with Install-PSResource into a temporary path, holding the staged files' {
        $script:Installed = Invoke-IsolatedPwsh -Environment @{ LIBRATO_TEST_SAVE_PATH = $SavedModules } -Script @'
$ErrorActionPreference = 'Stop'
if ($IsWindows) {
    Save-PSResource -Name Librato -Version $env:LIBRATO_TEST_VERSION -Repository $env:LIBRATO_TEST_REPOSITORY -TrustRepository -Path $env:LIBRATO_TEST_SAVE_PATH -IncludeXml
    $root = $env:LIBRATO_TEST_SAVE_PATH
}
else {
    $resource = Install-PSResource -Name Librato -Version $env:LIBRATO_TEST_VERSION -Repository $env:LIBRATO_TEST_REPOSITORY -Scope CurrentUser -TrustRepository -PassThru
    $root = $resource.InstalledLocation
}
$installed = Get-InstalledPSResource -Name Librato -Path $root
[pscustomobject]@{ Root = $root; Folder = $installed.InstalledLocation; Version = "$($installed.Version)" } | ConvertTo-Json -Compress
'@
        $Installed.Version | Should -Be $Version
        if (-not $IsWindows) {
            $Installed.Root | Should -Be (Join-Path $TestHome '.local/share/powershell/Modules')
        }
        $script:InstalledModule = Join-Path $Installed.Root "Librato/$Version"
        $files = Get-ChildItem -LiteralPath $InstalledModule -Recurse -File |
            ForEach-Object { [System.IO.Path]::GetRelativePath($InstalledModule, $_.FullName) -replace '\\', '/' } |
            Where-Object { $_ -ne 'PSGetModuleInfo.xml' } | Sort-Object
        $staged = Get-ChildItem -LiteralPath $ModulePath -Recurse -File |
            ForEach-Object { [System.IO.Path]::GetRelativePath($ModulePath, $_.FullName) -replace '\\', '/' } | Sort-Object
        $files | Should -Be $staged
    }

    It 'is imported from the installed copy in a fresh pwsh and sends and reads measurements' {
        $InstalledModule | Should -Not -BeNullOrEmpty -Because 'the install test ran first'
        Reset-Emulator $Emulator
        $used = Invoke-IsolatedPwsh -Environment @{
            PSModulePath           = $Installed.Root
            LIBRATO_TEST_URL       = $Emulator.Url
            LIBRATO_TEST_EMAIL     = $Emulator.Email
            LIBRATO_TEST_TOKEN     = $Emulator.Token
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module Librato -RequiredVersion $env:LIBRATO_TEST_VERSION
$module = Get-Module Librato
$token = ConvertTo-SecureString $env:LIBRATO_TEST_TOKEN -AsPlainText -Force
Connect-Librato -Email $env:LIBRATO_TEST_EMAIL -Token $token -Endpoint $env:LIBRATO_TEST_URL
Send-LibratoMetric -Name package.installed -Value 42.5 -Source installed-copy
$metric = Get-LibratoMetric package.installed -StartTime (Get-Date).AddMinutes(-10) -Resolution 1
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Assembly   = $module.ImplementingAssembly.Location
    Name       = $metric.Name
    Values     = @($metric.Measurements | ForEach-Object { $_.Value })
    Sources    = @($metric.Measurements | ForEach-Object { $_.Source })
} | ConvertTo-Json -Compress
'@
        $installedBase = (Resolve-Path -LiteralPath $InstalledModule).Path
        $used.ModuleBase | Should -Be $installedBase
        $used.Assembly | Should -Be (Join-Path $installedBase 'Librato.PowerShell.dll')
        $used.ModuleBase | Should -Not -Be $ModulePath
        $used.Name | Should -Be 'package.installed'
        $used.Values | Should -Be @(42.5)
        $used.Sources | Should -Be @('installed-copy')

        $stored = Get-EmulatorStats $Emulator
        $stored.per_metric.'package.installed'.measurements | Should -Be 1
    }
}
