#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and demonstrates Librato.PowerShell.
.DESCRIPTION
    Tasks:
      Build  stages an importable module in out/Librato (with its help, made from docs/cmdlets) and the
             emulator in out/Librato.Emulator. The module's dependencies are the runtime assemblies of its package
             graph for .NET Framework 4.7.2 (build/desktop), which Windows PowerShell 5.1 loads from the module
             folder; PowerShell 7 uses its own in-box versions of them.
      Package builds, then packs out/Librato into out/package/Librato.<version>.nupkg with Compress-PSResource
             (PSResourceGet): the package Publish-PSResource -NupkgPath publishes to a gallery or a file share.
             It holds exactly the staged module files.
      Test   builds and packages, runs the xunit suites, then Pester in a fresh pwsh against out/Librato, and prints
             one line "N passed, N failed" for both together; exits non-zero when anything failed.
      Demo   builds, starts the emulator, sends a few hundred measurements and reads them back.
      Clean  removes out/ and every bin/ and obj/ folder.
      Bench  builds, runs the emulator ingest benchmark (bench/Librato.Emulator.Bench, Release), then the module
             benchmark (bench/Invoke-ModuleBenchmark.ps1) in a fresh pwsh against out/Librato; prints a table of
             figures, ratios and targets and writes it to bench/results.md. -Quick uses smaller sizes.
      Mutate runs mutation testing (Stryker.NET, installed into out/tools on first use) over the sending engine,
             outbox, batching, validation and HTTP code of Librato.Api against its xunit tests, and prints the score
             per folder and every surviving mutant. Not part of Test or CI: it takes tens of minutes.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Clean', 'Bench', 'Mutate')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Runs only the Pester files whose names match (for example 'Send*'); xunit is skipped when set.
    [string] $PesterFilter,

    # Bench: smaller sizes for a fast run (100,000 pipeline objects instead of 1,000,000, and so on).
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Librato'
$EmulatorOut = Join-Path $Out 'Librato.Emulator'
$ResultsDir = Join-Path $Out 'test-results'
$PackageOut = Join-Path $Out 'package'

# Every file of the module itself the staged module must hold (its dependencies come from build/desktop); the
# build fails when one is missing.
$ModuleFiles = @(
    'Librato.psd1'
    'Librato.Format.ps1xml'
    'Librato.Types.ps1xml'
    'Librato.PowerShell.dll'
    'Librato.Api.dll'
    'en-US/Librato.PowerShell.dll-Help.xml'
    'en-US/about_Librato.help.txt'
)

function Invoke-Native {
    # Runs a native command and fails the build when it fails.
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw (Join-Path $Root 'Directory.Build.props'))
    $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-HelpBuild {
    # Turns docs/cmdlets into MAML and an about topic in $Destination; PlatyPS when installed, else build/ConvertTo-MamlHelp.ps1.
    param([string] $Destination)
    $docs = Join-Path $Root 'docs/cmdlets'
    $pages = @(Get-ChildItem -LiteralPath $docs -Filter '*.md' | Where-Object Name -NotLike 'about_*')
    $about = @(Get-ChildItem -LiteralPath $docs -Filter 'about_*.md')
    if (Get-Module -ListAvailable -Name platyPS) {
        Import-Module platyPS
        New-ExternalHelp -Path $pages.FullName -OutputPath $Destination -Force | Out-Null
        New-ExternalHelp -Path $about.FullName -OutputPath $Destination -Force | Out-Null
    }
    else {
        & (Join-Path $Root 'build/ConvertTo-MamlHelp.ps1') -Path $pages.FullName -OutputPath (Join-Path $Destination 'Librato.PowerShell.dll-Help.xml') `
            -AboutPath $about.FullName -AboutOutputDirectory $Destination
    }
}

function Get-DesktopDependency {
    # The runtime assemblies of the module's package graph for .NET Framework 4.7.2, as NuGet resolves it for a
    # net472 application: what Windows PowerShell 5.1 needs next to the module (placeholders, "_._", are in the box).
    Invoke-Native dotnet @('restore', (Join-Path $Root 'build/desktop/Desktop.csproj'), '--nologo', '-v', 'quiet')
    $assets = Get-Content -Raw (Join-Path $Root 'build/desktop/obj/project.assets.json') | ConvertFrom-Json -AsHashtable
    $packages = @($assets.packageFolders.Keys)[0]
    $target = @($assets.targets.Values)[0]
    foreach ($library in $target.Keys) {
        $entry = $target[$library]
        if ($entry.type -ne 'package' -or -not $entry.ContainsKey('runtime')) { continue }
        foreach ($item in $entry.runtime.Keys | Where-Object { (Split-Path $_ -Leaf) -ne '_._' }) {
            [pscustomobject]@{
                Name = Split-Path $item -Leaf
                Package = $library
                Path = Join-Path $packages (Join-Path $assets.libraries[$library].path $item)
            }
        }
    }
}

function Invoke-Build {
    Write-Host "Building ($Configuration)..." -ForegroundColor Cyan
    Invoke-Native dotnet @('build', (Join-Path $Root 'Librato.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:ErrorsOnly')

    $binary = Join-Path $Root "src/Librato.PowerShell/bin/$Configuration/netstandard2.0"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleOut -Force | Out-Null
    foreach ($file in $ModuleFiles | Where-Object { $_ -notlike '*/*' }) {
        $source = @((Join-Path $Root "module/$file"), (Join-Path $binary $file)) | Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $source) {
            throw "The module file '$file' was not produced by the build."
        }
        Copy-Item -LiteralPath $source -Destination $ModuleOut
    }
    foreach ($dependency in Get-DesktopDependency) {
        if (-not (Test-Path -LiteralPath $dependency.Path)) {
            throw "The dependency '$($dependency.Name)' of $($dependency.Package) was not restored to '$($dependency.Path)'."
        }
        Copy-Item -LiteralPath $dependency.Path -Destination $ModuleOut
    }
    Invoke-HelpBuild -Destination (Join-Path $ModuleOut 'en-US')
    foreach ($file in $ModuleFiles | Where-Object { $_ -like '*/*' }) {
        if (-not (Test-Path -LiteralPath (Join-Path $ModuleOut $file))) {
            throw "The module file '$file' was not produced by the build."
        }
    }

    $manifest = Join-Path $ModuleOut 'Librato.psd1'
    $text = (Get-Content -Raw $manifest) -replace "ModuleVersion(\s*)=(\s*)'[^']*'", "ModuleVersion`$1=`$2'$(Get-ModuleVersion)'"
    Set-Content -LiteralPath $manifest -Value $text -NoNewline
    Test-ModuleManifest -Path $manifest -ErrorAction Stop | Out-Null

    if (Test-Path $EmulatorOut) { Remove-Item $EmulatorOut -Recurse -Force }
    # Ahead-of-time compiled (ReadyToRun) for this machine's platform, still on the shared framework: an emulator
    # starts in every test file and every runbook's test, and its first ingest no longer waits on the JIT.
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Librato.Emulator'), '-c', $Configuration, '-r', $rid, '--self-contained', 'false',
        '-p:PublishReadyToRun=true', '--nologo', '-v', 'quiet', '-o', $EmulatorOut)
    Write-Host "Staged the module in $ModuleOut and the emulator in $EmulatorOut." -ForegroundColor Cyan
}

function Invoke-Package {
    Invoke-Build
    if (Test-Path $PackageOut) { Remove-Item $PackageOut -Recurse -Force }
    New-Item -ItemType Directory -Path $PackageOut -Force | Out-Null
    # Compress-PSResource packs without a repository (Publish-PSResource would need one registered per user).
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $ModuleOut -DestinationPath $PackageOut
    $package = Join-Path $PackageOut "Librato.$(Get-ModuleVersion).nupkg"
    if (-not (Test-Path -LiteralPath $package)) {
        throw "Compress-PSResource did not produce '$package'."
    }

    # The package must hold the staged module, no more and no less (NuGet's own parts aside).
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
    try {
        $packed = @($zip.Entries | Where-Object { $_.Length -gt 0 -or -not $_.FullName.EndsWith('/') } |
            ForEach-Object { [uri]::UnescapeDataString($_.FullName) } |
            Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|Librato\.nuspec$)' })
    }
    finally { $zip.Dispose() }
    $staged = @(Get-ChildItem -LiteralPath $ModuleOut -Recurse -File | ForEach-Object {
            [System.IO.Path]::GetRelativePath($ModuleOut, $_.FullName) -replace '\\', '/' })
    $difference = Compare-Object ($staged | Sort-Object) ($packed | Sort-Object)
    if ($difference) {
        throw "The package does not hold exactly the staged module: $(($difference | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }) -join ', ')."
    }
    Write-Host "Packed the module into $package." -ForegroundColor Cyan
}

function Get-PinnedVersion {
    param([string] $Property)
    $props = [xml](Get-Content -Raw (Join-Path $Root 'Directory.Packages.props'))
    $props.Project.PropertyGroup.$Property | Where-Object { $_ } | Select-Object -First 1
}

function Get-PesterManifest {
    Invoke-Native dotnet @('restore', (Join-Path $Root 'build/tools.csproj'), '--nologo', '-v', 'quiet')
    $version = Get-PinnedVersion 'PesterVersion'
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $pester = Join-Path $packages.Trim() "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $pester)) {
        throw "Pester $version was not restored to '$pester'."
    }
    $pester
}

function Get-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem -Path $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        # -LiteralPath: two suites finishing in the same second get names like "..._net10.0[1].trx".
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    Invoke-Package
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    New-Item -ItemType Directory -Path $ResultsDir -Force | Out-Null

    $unit = [pscustomobject]@{ Passed = 0; Failed = 0 }
    if (-not $PesterFilter) {
        Write-Host 'Running the xunit suites...' -ForegroundColor Cyan
        & dotnet test (Join-Path $Root 'Librato.PowerShell.sln') -c $Configuration --no-build --nologo `
            --logger 'trx' --logger 'console;verbosity=minimal' --results-directory (Join-Path $ResultsDir 'unit')
        $unitExit = $LASTEXITCODE
        $unit = Get-TrxCounts (Join-Path $ResultsDir 'unit')
        if ($unitExit -ne 0 -and $unit.Failed -eq 0) {
            # The runner failed without reporting a failed test (a crash, a build problem): count it as a failure.
            $unit.Failed = 1
        }
    }

    Write-Host 'Running the Pester suite in a fresh pwsh...' -ForegroundColor Cyan
    $pesterResult = Join-Path $ResultsDir 'pester.json'
    $pesterArgs = @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'),
        '-PesterManifest', (Get-PesterManifest), '-ModulePath', $ModuleOut, '-EmulatorPath', $EmulatorOut, '-ResultPath', $pesterResult)
    # Passed through the environment: PowerShell on Unix would expand a wildcard argument to a native command.
    $env:LIBRATO_TEST_FILTER = if ($PesterFilter) { $PesterFilter } else { '*' }
    Push-Location $Root
    try { & dotnet @pesterArgs; $pesterExit = $LASTEXITCODE } finally { Pop-Location; Remove-Item Env:LIBRATO_TEST_FILTER }
    $pester = if (Test-Path $pesterResult) { Get-Content -Raw $pesterResult | ConvertFrom-Json } else { $null }
    if ($null -eq $pester -or $null -eq $pester.Passed -or $null -eq $pester.Failed) {
        # Pester itself failed (no test file, a crash): that is a failure, never a silent zero.
        $pester = [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    elseif ($pesterExit -ne 0 -and $pester.Failed -eq 0) {
        $pester.Failed = 1
    }

    $passed = $unit.Passed + $pester.Passed
    $failed = $unit.Failed + $pester.Failed
    Write-Host "xunit: $($unit.Passed) passed, $($unit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    & (Join-Path $Root 'build/Demo.ps1') -ModulePath $ModuleOut -EmulatorPath $EmulatorOut
    if (-not $?) { exit 1 }
}

function Invoke-Bench {
    # Not a timed test: it prints what this machine achieves and fails only when a measurement went missing.
    Invoke-Build
    $ingest = @{}
    & dotnet run --project (Join-Path $Root 'bench/Librato.Emulator.Bench') -c Release | ForEach-Object {
        Write-Host $_
        if ($_ -match '^(legacy|tagged): best ([\d,]+) measurements/s') { $ingest[$Matches[1]] = [double]($Matches[2] -replace ',', '') }
    }
    if ($LASTEXITCODE -ne 0) {
        throw "The emulator ingest benchmark failed with exit code $LASTEXITCODE."
    }

    # A fresh pwsh: nothing this build session loaded (the module, the emulator helpers) colours the figures.
    $benchArgs = @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'bench/Invoke-ModuleBenchmark.ps1'),
        '-ModulePath', $ModuleOut, '-EmulatorPath', $EmulatorOut, '-ResultPath', (Join-Path $Root 'bench/results.md'),
        '-EmulatorLegacyRate', "$($ingest['legacy'])", '-EmulatorTaggedRate', "$($ingest['tagged'])")
    if ($Quick) { $benchArgs += '-Quick' }
    Push-Location $Root
    try { Invoke-Native dotnet $benchArgs } finally { Pop-Location }
}

function Invoke-Mutate {
    $version = Get-PinnedVersion 'StrykerVersion'
    $tools = Join-Path $Out 'tools'
    $stryker = Join-Path $tools $(if ($IsWindows) { 'dotnet-stryker.exe' } else { 'dotnet-stryker' })
    $installed = if (Test-Path $stryker) { (& dotnet tool list --tool-path $tools | Select-String 'dotnet-stryker\s+(\S+)').Matches.Groups[1].Value }
    if ($installed -ne $version) {
        if ($installed) { Invoke-Native dotnet @('tool', 'uninstall', 'dotnet-stryker', '--tool-path', $tools) }
        Invoke-Native dotnet @('tool', 'install', 'dotnet-stryker', '--version', $version, '--tool-path', $tools)
    }

    $report = Join-Path $Out 'mutation'
    if (Test-Path $report) { Remove-Item $report -Recurse -Force }
    Push-Location (Join-Path $Root 'tests/Unit/Librato.Api.Tests')
    try {
        & $stryker --config-file (Join-Path $Root 'build/stryker-config.json') --output $report
        if ($LASTEXITCODE -ne 0) { throw "Stryker failed with exit code $LASTEXITCODE." }
    }
    finally { Pop-Location }

    # The score per folder, and the mutants that survived, from Stryker's JSON report.
    $json = Get-ChildItem -Path $report -Recurse -Filter 'mutation-report.json' | Select-Object -First 1
    $data = Get-Content -Raw $json.FullName | ConvertFrom-Json -AsHashtable
    $killedStates = 'Killed', 'Timeout'
    $counted = 'Killed', 'Timeout', 'Survived', 'NoCoverage'
    $folders = [ordered]@{}
    $survivors = [System.Collections.Generic.List[string]]::new()
    foreach ($path in $data.files.Keys | Sort-Object) {
        $relative = $path -replace '^.*src[\\/]Librato\.Api[\\/]', ''
        $folder = ($relative -split '[\\/]')[0]
        if (-not $folders.Contains($folder)) { $folders[$folder] = @{ Killed = 0; Counted = 0 } }
        $lines = (Get-Content -LiteralPath $path)
        foreach ($mutant in $data.files[$path].mutants) {
            if ($mutant.status -notin $counted) { continue }
            $folders[$folder].Counted++
            if ($mutant.status -in $killedStates) { $folders[$folder].Killed++ }
            else {
                $line = $mutant.location.start.line
                $survivors.Add("$relative`:$line $($mutant.status) $($mutant.mutatorName): $($mutant.replacement) | $($lines[$line - 1].Trim())")
            }
        }
    }
    Write-Host ''
    Write-Host 'Mutation score per folder (killed and timed-out of killed, timed-out, survived and uncovered):' -ForegroundColor Cyan
    $allKilled = 0; $allCounted = 0
    foreach ($folder in $folders.Keys) {
        $f = $folders[$folder]
        # Files outside the mutated folders are in the report too, with no mutants.
        if ($f.Counted -eq 0) { continue }
        $allKilled += $f.Killed; $allCounted += $f.Counted
        Write-Host ('  {0,-12} {1,6:N1}%  ({2} of {3})' -f $folder, (100.0 * $f.Killed / [Math]::Max($f.Counted, 1)), $f.Killed, $f.Counted)
    }
    Write-Host ('  {0,-12} {1,6:N1}%  ({2} of {3})' -f 'all', (100.0 * $allKilled / [Math]::Max($allCounted, 1)), $allKilled, $allCounted) -ForegroundColor Cyan
    Write-Host ''
    Write-Host "Survivors ($($survivors.Count)):" -ForegroundColor Cyan
    $survivors | ForEach-Object { Write-Host "  $_" }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem -Path (Join-Path $Root 'src'), (Join-Path $Root 'tests'), (Join-Path $Root 'build'), (Join-Path $Root 'bench') -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force
    Write-Host 'Cleaned.' -ForegroundColor Cyan
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Build }
        'Package' { Invoke-Package }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Clean' { Invoke-Clean }
        'Bench' { Invoke-Bench }
        'Mutate' { Invoke-Mutate }
    }
}
