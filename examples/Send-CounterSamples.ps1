<#
.SYNOPSIS
Samples performance counters on a schedule and sends them to Librato, keeping what cannot be sent in an outbox.

.DESCRIPTION
Takes one Get-Counter sample of each counter every -IntervalSec seconds and sends the sample set with
Send-LibratoMetric, which turns each counter sample into a tagged gauge (for example
'\\WEB01\processor(_total)\% processor time' becomes processor.pct_processor_time with the tags host=web01 and
instance=_total).

The session is connected with an outbox (-OutboxPath): every sample is written to that folder before it is sent
and taken off once Librato has it, so a sample that still fails after the few retries a once-a-minute job can
afford waits there instead of being lost, and so does one in memory when the task is stopped or killed. Every
later send (of this run or of the next one) delivers what waits there first, oldest first, with the original
times. A network or Librato outage, or a stopped task, therefore leaves a gap in nothing but the time the data
arrives.

The script runs until -Count samples were taken or -Duration has passed; with neither it runs until it is
stopped, which suits a scheduled task started at boot. Each sample is taken on a fixed schedule from the start,
so a slow send does not make the samples drift; a tick that is missed entirely is skipped, not made up.

Get-Counter is a Windows cmdlet (Windows PowerShell 5.1, and PowerShell 7 on Windows). Where it does not exist the
script stops at once with an error rather than sending made-up data; define a Get-Counter function returning
sample sets to feed it from another source.

Credentials come from -Credential (the account email as the user name, the API token as the password) or, when
it is omitted, from the LIBRATO_USER and LIBRATO_TOKEN environment variables, as Connect-Librato reads them. The
token is never written in the script or its output.

.PARAMETER Counter
The counter paths to sample, as Get-Counter takes them. Wildcard instances such as '\Processor(*)\% Processor
Time' give one gauge per instance.

.PARAMETER IntervalSec
Seconds between two samples. The default is 60.

.PARAMETER Count
How many samples to take; 0 (the default) means no limit.

.PARAMETER Duration
How long to keep sampling; unlimited when omitted.

.PARAMETER OutboxPath
The folder of the outbox. The default is Librato\outbox under the local application data folder of the account
the script runs as. Give each Librato account its own folder.

.PARAMETER Tags
Tags added to every measurement, such as @{ role = 'web' }.

.PARAMETER Credential
The Librato account email (user name) and API token (password). Without it, LIBRATO_USER and LIBRATO_TOKEN are
read.

.PARAMETER Endpoint
The API endpoint; the default is Librato's. Give a local emulator's address to try the script out.

.PARAMETER MaxRetries
How many times a failed request is retried before its batch goes to the outbox. The default, 2, keeps a failing
send well inside one interval.

.EXAMPLE
PS C:\> .\Send-CounterSamples.ps1 -Count 5 -IntervalSec 10 -Verbose

Takes five samples of the default counters ten seconds apart, with the account from LIBRATO_USER and
LIBRATO_TOKEN, and writes a summary.

.EXAMPLE
PS C:\> $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File C:\Scripts\Send-CounterSamples.ps1 -Tags @{ role = ''web'' }'
PS C:\> $trigger = New-ScheduledTaskTrigger -AtStartup
PS C:\> $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([timespan]::Zero) -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1)
PS C:\> Register-ScheduledTask -TaskName 'Librato counters' -Action $action -Trigger $trigger -Settings $settings -User 'NT AUTHORITY\NETWORK SERVICE'

Registers a task that starts the script at boot and keeps it sampling every minute, restarting it a minute after
it stops for any reason. Set LIBRATO_USER and LIBRATO_TOKEN as machine environment variables (or use a
credential stored for the task's account) so the token stays out of the task definition.

.EXAMPLE
PS C:\> $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date) -RepetitionInterval (New-TimeSpan -Minutes 1)
PS C:\> $action = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -File C:\Scripts\Send-CounterSamples.ps1 -Count 1'
PS C:\> Register-ScheduledTask -TaskName 'Librato counters (each minute)' -Action $action -Trigger $trigger

The other way to run it: a task repeated every minute that takes one sample per run. Spooled batches are sent by
the next run.

.EXAMPLE
PS C:\> $credential = Get-Credential ops@example.com
PS C:\> .\Send-CounterSamples.ps1 -Credential $credential -Counter '\Memory\Available MBytes' -Duration (New-TimeSpan -Hours 1)

Samples free memory every minute for an hour with an account typed in at the prompt.

.NOTES
The outbox holds measurements until they are sent; protect its folder like the data of the task.
#>
#Requires -Modules Librato

[CmdletBinding()]
param(
    [ValidateNotNullOrEmpty()]
    [string[]] $Counter = @(
        '\Processor(_Total)\% Processor Time'
        '\Memory\Available MBytes'
        '\PhysicalDisk(_Total)\% Disk Time'
        '\Network Interface(*)\Bytes Total/sec'
    ),

    [ValidateRange(0, 86400)]
    [double] $IntervalSec = 60,

    [ValidateRange(0, [int]::MaxValue)]
    [int] $Count = 0,

    [timespan] $Duration,

    [ValidateNotNullOrEmpty()]
    [string] $OutboxPath = (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'Librato/outbox'),

    [hashtable] $Tags,

    [pscredential] $Credential,

    [uri] $Endpoint,

    [ValidateRange(0, 100)]
    [int] $MaxRetries = 2
)

$ErrorActionPreference = 'Stop'

function Get-SpooledCount {
    # Outbox files that hold measurements not yet delivered (a run's own file is removed once all of it is).
    @(Get-ChildItem -LiteralPath $OutboxPath -Filter '*.outbox.jsonl' -File -ErrorAction SilentlyContinue).Count
}

if (-not (Get-Command Get-Counter -ErrorAction SilentlyContinue)) {
    throw 'Get-Counter is not available here: it is part of PowerShell on Windows. Run this script on Windows, or define a Get-Counter function that returns counter sample sets.'
}

$connect = @{ OutboxPath = $OutboxPath; MaxRetries = $MaxRetries; MaxRetryDelaySec = 5; PassThru = $true }
if ($Credential) { $connect.Credential = $Credential }
if ($Endpoint) { $connect.Endpoint = $Endpoint }
$session = Connect-Librato @connect

$send = @{ Session = $session }
if ($Tags) { $send.Tags = $Tags }

$clock = [Diagnostics.Stopwatch]::StartNew()
$samples = 0
$measurements = 0
$failures = 0
while ($true) {
    # A counter that cannot be read is reported, and the others are still sent.
    $set = Get-Counter -Counter $Counter -ErrorAction Continue
    if ($set) {
        $samples++
        $sent = @($set | Send-LibratoMetric @send -PassThru -ErrorAction Continue -ErrorVariable sendErrors)
        $measurements += $sent.Count
        $failures += $sendErrors.Count
        Write-Verbose "Sample $samples`: $($sent.Count) measurement(s) sent; $(Get-SpooledCount) file(s) wait in the outbox."
    }

    if ($Count -gt 0 -and $samples -ge $Count) { break }
    if ($PSBoundParameters.ContainsKey('Duration') -and $clock.Elapsed -ge $Duration) { break }

    # Sleep to the next tick of a fixed schedule, skipping ticks already missed.
    $elapsed = $clock.Elapsed.TotalSeconds
    $next = if ($IntervalSec -gt 0) { ([math]::Floor($elapsed / $IntervalSec) + 1) * $IntervalSec } else { $elapsed }
    if ($PSBoundParameters.ContainsKey('Duration')) { $next = [math]::Min($next, $Duration.TotalSeconds) }
    $wait = $next - $clock.Elapsed.TotalSeconds
    if ($wait -gt 0) { Start-Sleep -Milliseconds ([int][math]::Ceiling($wait * 1000)) }
}

[pscustomobject]@{
    Samples      = $samples
    Measurements = $measurements
    Failures     = $failures
    Spooled      = Get-SpooledCount
    OutboxPath   = $OutboxPath
    Elapsed      = $clock.Elapsed
}
