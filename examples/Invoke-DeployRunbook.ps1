<#
.SYNOPSIS
Runs a deployment inside a Librato annotation and records its duration and result as metrics.

.DESCRIPTION
Creates an annotation event "Deploy <Application> <Version>" in the -Stream stream (with Use-LibratoAnnotation),
runs the -Deploy script block, and gives the event its end time when the block finishes, so every chart that
shows the stream draws the deployment as a band from start to end. The block's output passes through as it is
written.

When the block succeeds, the script sends deploy.duration (seconds) and deploy.success = 1, tagged with app and
result, and writes a summary object. When the block throws, the event still gets its end time, its description
is set to the error message, deploy.duration and deploy.success = 0 are sent with result=failure, and the same
error is thrown again, so the calling pipeline or CI job fails as it would without the runbook.

Annotating must never stop a deployment: when the annotation cannot be created or updated, the deployment still
runs and the problem is reported as a warning or a non-terminating error.

Credentials come from -Credential (the account email as the user name, the API token as the password) or, when
it is omitted, from the LIBRATO_USER and LIBRATO_TOKEN environment variables.

.PARAMETER Application
The application deployed; it is part of the event title and the app tag of the metrics.

.PARAMETER Version
The version deployed; it is part of the event title.

.PARAMETER Deploy
The deployment itself. It receives the version as its first argument and the annotation event (or $null when
none could be created) as its second.

.PARAMETER Stream
The annotation stream; the default is deploys.

.PARAMETER Source
The source of the event, such as the environment or the host deployed to.

.PARAMETER LinkUrl
A link added to the event with the relation "build", such as the CI job's address. The default is the BUILD_URL
environment variable when it is set.

.PARAMETER MetricPrefix
The prefix of the metric names; the default is deploy (deploy.duration and deploy.success).

.PARAMETER Credential
The Librato account email (user name) and API token (password). Without it, LIBRATO_USER and LIBRATO_TOKEN are
read.

.PARAMETER Endpoint
The API endpoint; the default is Librato's. Give a local emulator's address to try the script out.

.EXAMPLE
PS C:\> .\Invoke-DeployRunbook.ps1 -Application api -Version 5.3.2 -Source production -Deploy {
>>     param($version)
>>     .\deploy.ps1 -Version $version -Environment production
>> }

Application  : api
Version      : 5.3.2
Result       : success
Duration     : 00:02:14.5120000
Stream       : deploys
AnnotationId : 1874

Runs deploy.ps1 between the start and the end of a "Deploy api 5.3.2" event and records how long it took.

.EXAMPLE
PS C:\> .\Invoke-DeployRunbook.ps1 api $env:BUILD_NUMBER -Deploy { Invoke-Migration } -ErrorAction Stop

In a CI job: a failing migration fails the job with its own error, after the event was closed and marked with
the error and deploy.success = 0 was recorded.
#>
#Requires -Modules Librato

[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0)]
    [ValidateNotNullOrEmpty()]
    [string] $Application,

    [Parameter(Mandatory, Position = 1)]
    [ValidateNotNullOrEmpty()]
    [string] $Version,

    [Parameter(Mandatory)]
    [scriptblock] $Deploy,

    [ValidateNotNullOrEmpty()]
    [string] $Stream = 'deploys',

    [string] $Source,

    [string] $LinkUrl = $env:BUILD_URL,

    [ValidateNotNullOrEmpty()]
    [string] $MetricPrefix = 'deploy',

    [pscredential] $Credential,

    [uri] $Endpoint
)

$connect = @{ PassThru = $true }
if ($Credential) { $connect.Credential = $Credential }
if ($Endpoint) { $connect.Endpoint = $Endpoint }
$session = Connect-Librato @connect

$annotate = @{ Stream = $Stream; Title = "Deploy $Application $Version"; Session = $session }
if ($Source) { $annotate.Source = $Source }
if ($LinkUrl) { $annotate.Link = @{ rel = 'build'; href = $LinkUrl; label = "Build of $Application $Version" } }

# The block runs in its own scope; the event it is given comes back through this table.
$state = @{ Annotation = $null }
$clock = [Diagnostics.Stopwatch]::StartNew()
$failure = $null
try {
    Use-LibratoAnnotation @annotate -ScriptBlock {
        param($annotation)
        $state.Annotation = $annotation
        & $Deploy $Version $annotation
    }
}
catch {
    $failure = $_
}
$clock.Stop()

$result = if ($failure) { 'failure' } else { 'success' }
$tags = @{ app = $Application; result = $result }
$metrics = @(
    [pscustomobject]@{ Name = "$MetricPrefix.duration"; Value = [math]::Round($clock.Elapsed.TotalSeconds, 3); Tags = $tags }
    [pscustomobject]@{ Name = "$MetricPrefix.success"; Value = [int](-not $failure); Tags = $tags }
)
# Recording the outcome must not hide it: a failure to send is reported, and the deploy's own error still wins.
$metrics | Send-LibratoMetric -Session $session -ErrorAction Continue

if ($failure) {
    if ($state.Annotation) {
        Set-LibratoAnnotation -Stream $state.Annotation.Stream -Id $state.Annotation.Id -Description "Failed: $($failure.Exception.Message)" -Session $session -ErrorAction Continue
    }

    throw $failure
}

[pscustomobject]@{
    Application  = $Application
    Version      = $Version
    Result       = $result
    Duration     = $clock.Elapsed
    Stream       = $Stream
    AnnotationId = if ($state.Annotation) { $state.Annotation.Id } else { $null }
}
