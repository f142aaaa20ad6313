BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:StagedModule = (Resolve-Path -LiteralPath $ModulePath).Path

    # What Windows PowerShell 5.1 runs on, as the build computes it: the module's package graph for .NET
    # Framework 4.7.2 (build/desktop, restored by the build) and the framework's own reference assemblies.
    $assetsPath = Join-Path $RepoRoot 'build/desktop/obj/project.assets.json'
    if (-not (Test-Path -LiteralPath $assetsPath)) {
        throw "'$assetsPath' is missing: ./build.ps1 Build restores build/desktop/Desktop.csproj."
    }
    $assets = Get-Content -Raw -LiteralPath $assetsPath | ConvertFrom-Json -AsHashtable
    $packages = @($assets.packageFolders.Keys)[0]
    $target = @($assets.targets.Values)[0]
    $script:DesktopRuntime = @(foreach ($library in $target.Keys) {
            $entry = $target[$library]
            if ($entry.type -ne 'package' -or -not $entry.ContainsKey('runtime')) { continue }
            foreach ($item in $entry.runtime.Keys | Where-Object { (Split-Path $_ -Leaf) -ne '_._' }) {
                [pscustomobject]@{ Name = Split-Path $item -Leaf; Path = Join-Path $packages (Join-Path $assets.libraries[$library].path $item) }
            }
        })
    $referencePackage = @($assets.libraries.Keys | Where-Object { $_ -like 'Microsoft.NETFramework.ReferenceAssemblies.net472/*' })[0]
    $framework = Join-Path $packages (Join-Path $assets.libraries[$referencePackage].path 'build/.NETFramework/v4.7.2')
    $script:FrameworkAssemblies = @{}
    foreach ($file in Get-ChildItem -LiteralPath $framework, (Join-Path $framework 'Facades') -Filter '*.dll') {
        # A few files of the targeting pack are native (no metadata): not assemblies anyone references.
        try { $name = [System.Reflection.AssemblyName]::GetAssemblyName($file.FullName) } catch { continue }
        $FrameworkAssemblies[$name.Name] = $name
    }

    function script:Get-AssemblyReference {
        # The assemblies a file references, read from its metadata without loading it.
        param([string] $Path)
        $stream = [System.IO.File]::OpenRead($Path)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            foreach ($handle in $metadata.AssemblyReferences) { $metadata.GetAssemblyReference($handle).GetAssemblyName() }
        }
        finally { $stream.Dispose() }
    }

    function script:Get-Token([System.Reflection.AssemblyName] $Name) {
        $token = $Name.GetPublicKeyToken()
        if ($token) { [System.BitConverter]::ToString($token) } else { '' }
    }

    $script:Staged = @{}
    foreach ($file in Get-ChildItem -LiteralPath $StagedModule -Filter '*.dll') {
        $Staged[$file.BaseName] = [pscustomobject]@{ Path = $file.FullName; Name = [System.Reflection.AssemblyName]::GetAssemblyName($file.FullName) }
    }
    $script:ResolverType = (Get-Module Librato).ImplementingAssembly.GetType('Librato.PowerShell.DependencyResolver', $true)
}

AfterAll {
    Disconnect-Librato -ErrorAction SilentlyContinue
    $Emulator | Stop-LibratoEmulator
}

Describe 'Windows PowerShell 5.1 and PowerShell 7 from one module' {
    It 'declares both editions and PowerShell 5.1 in the manifest' {
        $manifest = Test-ModuleManifest -Path (Join-Path $StagedModule 'Librato.psd1')
        $manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.RootModule | Should -Be 'Librato.PowerShell.dll'
        $manifest.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.Tags | Should -Contain 'PSEdition_Core'
    }

    It 'ships one netstandard2.0 binary over a netstandard2.0 core' {
        $module = (Get-Module Librato).ImplementingAssembly
        $module.Location | Should -Be (Join-Path $StagedModule 'Librato.PowerShell.dll')
        foreach ($assembly in $module, [Librato.Api.LibratoClient].Assembly) {
            $assembly.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false).FrameworkName |
                Should -Be '.NETStandard,Version=v2.0'
        }
        (Get-AssemblyReference (Join-Path $StagedModule 'Librato.PowerShell.dll')).Name | Should -Contain 'netstandard'
    }

    It 'stages every runtime assembly of the .NET Framework 4.7.2 package graph, unchanged' {
        $DesktopRuntime.Name | Should -Contain 'System.Text.Json.dll'
        $DesktopRuntime.Name | Should -Contain 'System.Runtime.CompilerServices.Unsafe.dll'
        foreach ($dependency in $DesktopRuntime) {
            $copy = Join-Path $StagedModule $dependency.Name
            $copy | Should -Exist
            (Get-FileHash -LiteralPath $copy).Hash | Should -Be (Get-FileHash -LiteralPath $dependency.Path).Hash -Because "$($dependency.Name) is the net472 asset"
        }
    }

    It 'finds every assembly the staged module references in .NET Framework 4.7.2, Windows PowerShell or the module folder' {
        $missing = foreach ($file in $Staged.Values) {
            foreach ($reference in Get-AssemblyReference $file.Path) {
                $shipped = $Staged[$reference.Name]
                $inBox = $FrameworkAssemblies[$reference.Name]
                $found = ($shipped -and (Get-Token $shipped.Name) -eq (Get-Token $reference) -and $shipped.Name.Version -ge $reference.Version) -or
                    ($inBox -and $inBox.Version -ge $reference.Version) -or
                    ($reference.Name -eq 'System.Management.Automation' -and $reference.Version -le [version]'3.0.0.0')
                if (-not $found) { "$($file.Name.Name) -> $($reference.FullName)" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'answers, on .NET Framework, every reference that needs a newer shipped file than the one it names' {
        $readName = [Delegate]::CreateDelegate([Func[string, System.Reflection.AssemblyName]], $ResolverType.GetMethod('ReadName'))
        $desktop = [Activator]::CreateInstance($ResolverType, @([string]$StagedModule, $false, [Func[string, bool]] { $false }, $readName))
        $resolve = $ResolverType.GetMethod('Resolve')
        $redirects = @(foreach ($file in $Staged.Values) {
                foreach ($reference in Get-AssemblyReference $file.Path) {
                    $shipped = $Staged[$reference.Name]
                    if ($shipped -and -not $FrameworkAssemblies.ContainsKey($reference.Name)) {
                        [pscustomobject]@{ From = $file.Path; Reference = $reference; Shipped = $shipped; Mismatch = $shipped.Name.Version -ne $reference.Version }
                    }
                }
            })
        # System.Memory and System.Threading.Tasks.Extensions ask for Unsafe 4.0.4.1 where 6.0.0.0 ships.
        @($redirects | Where-Object Mismatch).Count | Should -BeGreaterThan 0
        foreach ($redirect in $redirects) {
            $resolve.Invoke($desktop, @([System.Reflection.AssemblyName]$redirect.Reference, [string]$redirect.From)) | Should -Be $redirect.Shipped.Path -Because "$($redirect.Reference.FullName) from $(Split-Path $redirect.From -Leaf)"
        }
        # Not for a request from outside the module folder.
        $outside = Join-Path $PSHOME 'System.Management.Automation.dll'
        $resolve.Invoke($desktop, @([System.Reflection.AssemblyName]$redirects[0].Reference, [string]$outside)) | Should -BeNullOrEmpty
    }

    It 'uses the in-box System.Text.Json on PowerShell 7 and loads no shipped dependency' {
        Connect-TestEmulator $Emulator | Out-Null
        Send-LibratoMetric -Name desktop.check -Value 7
        (Get-LibratoMetric desktop.check -StartTime (Get-Date).AddMinutes(-10) -Resolution 1).Measurements.Value | Should -Be 7

        $json = [System.Text.Json.JsonSerializer].Assembly
        $json.GetName().Version | Should -BeGreaterOrEqual ([version]'8.0.0.0')
        (Split-Path $json.Location) | Should -Not -Be $StagedModule
        $fromModule = [AppDomain]::CurrentDomain.GetAssemblies() |
            Where-Object { -not $_.IsDynamic -and $_.Location -and (Split-Path $_.Location) -eq $StagedModule } |
            ForEach-Object { Split-Path $_.Location -Leaf } | Sort-Object
        # Microsoft.Bcl.TimeProvider (the clock abstraction the sender uses) is the one dependency PowerShell 7 lacks.
        $fromModule | Should -Be @('Librato.Api.dll', 'Librato.PowerShell.dll', 'Microsoft.Bcl.TimeProvider.dll')
    }

    It 'leaves every shipped dependency PowerShell 7 has to the runtime, and answers the others from the module' {
        $core = $ResolverType.GetMethod('ForCurrentProcess').Invoke($null, @())
        $resolve = $ResolverType.GetMethod('Resolve')
        $inBox = $ResolverType.GetMethod('TrustedPlatformAssemblies').Invoke($null, @())
        $from = Join-Path $StagedModule 'Librato.Api.dll'
        $notInBox = foreach ($dependency in $DesktopRuntime) {
            $name = $Staged[[System.IO.Path]::GetFileNameWithoutExtension($dependency.Name)].Name
            $answer = $resolve.Invoke($core, @([System.Reflection.AssemblyName]$name, [string]$from))
            if ($inBox.Contains($name.Name)) {
                $answer | Should -BeNullOrEmpty -Because "$($name.Name) is in the box"
            }
            else {
                $answer | Should -Be (Join-Path $StagedModule $dependency.Name)
                $name.Name
            }
        }
        $notInBox | Should -Be @('Microsoft.Bcl.TimeProvider')
    }
}
