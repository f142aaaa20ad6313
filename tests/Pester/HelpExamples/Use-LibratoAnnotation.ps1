# Setup of the examples of docs/cmdlets/Use-LibratoAnnotation.md.
$deployScript = {
    $version = '2.15.0'
    @'
param([string] $Version)
'Stopping api pool'
'Copying 214 files'
'Starting api pool'
'@ | Set-Content .\deploy.ps1
}
@{
    1 = $deployScript
    4 = [scriptblock]::Create("New-ExampleAnnotations`n$deployScript`n`$null = Use-LibratoAnnotation deploys ""Deploy api `$version"" -Source api { .\deploy.ps1 -Version `$version }")
}
