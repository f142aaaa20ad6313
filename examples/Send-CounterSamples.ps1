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

The credentials are the account email (the user name) and the API token (the password). The token is never
written in the script, the task's command line or the output. They come from one of these sources, which cannot
be combined:

- -Credential, a PSCredential object, for a run by hand or from another script.

For a scheduled task, in order of preference:

1. -SecretName: a secret read with Get-Secret (Microsoft.PowerShell.SecretManagement) from a vault of the account
   the script runs as, such as a Microsoft.PowerShell.SecretStore vault. Recommended on every platform: the vault
   belongs to that one account, so other accounts (administrators aside) cannot read it, and the token is read
   only when the script connects, never handed down to the processes it starts. Store it once, as the task's account, with
   Set-Secret -Name Librato -Secret (Get-Credential ops@example.com).
2. -CredentialPath, on Windows: a file written with Get-Credential ops@example.com | Export-Clixml. Windows
   encrypts the token in it with DPAPI for the account that wrote it, so only that account on that machine can
   read it: write it while logged on as (or running as) the task's account. On Linux and macOS Export-Clixml does
   not encrypt, so the script refuses such a file there: use -SecretName instead.
3. Last resort, with none of the parameters above: the LIBRATO_USER and LIBRATO_TOKEN environment variables, as
   Connect-Librato reads them. Set them as user variables of the task's account only, never machine-wide, where
   every local user can read them. Even user variables are weaker than a vault or a DPAPI file: they are stored
   in clear text, every process of that account and every administrator can read them, every child process
   inherits them, and diagnostics tools and crash reports often record them. The script warns when it finds
   LIBRATO_TOKEN set machine-wide.

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
The Librato account email (user name) and API token (password). Without it, -SecretName, -CredentialPath or, as
a last resort, LIBRATO_USER and LIBRATO_TOKEN give them.

.PARAMETER Endpoint
The API endpoint; the default is Librato's. Give a local emulator's address to try the script out.

.PARAMETER MaxRetries
How many times a failed request is retried before its batch goes to the outbox. The default, 2, keeps a failing
send well inside one interval.

.PARAMETER SecretName
The name of a SecretManagement secret that holds the account as a PSCredential (the email as the user name, the
API token as the password), read with Get-Secret from the vaults of the account the script runs as. It needs the
Microsoft.PowerShell.SecretManagement module and a vault, such as Microsoft.PowerShell.SecretStore, registered
for that account. In a scheduled task the vault must open without a prompt: for SecretStore, either
Set-SecretStoreConfiguration -Authentication None -Interaction None (the store is then protected by the
account's profile and its file permissions), or a store with a password that the task unlocks with
Unlock-SecretStore before it runs the script.

.PARAMETER CredentialPath
The path of a PSCredential saved with Export-Clixml by the account the script runs as, on Windows, where DPAPI
encrypts the token for that account on that machine. Create it while logged on as (or running as) the task's
account, for example in a window started with runas /user:CORP\svc-librato powershell.exe. Refused on Linux and
macOS, where Export-Clixml does not encrypt: use -SecretName there.

.EXAMPLE
PS C:\> .\Send-CounterSamples.ps1 -Count 5 -IntervalSec 10 -Verbose

Takes five samples of the default counters ten seconds apart and writes a summary. No credential parameter is
given, so the account comes from LIBRATO_USER and LIBRATO_TOKEN, which suits a quick try on a workstation better
than a scheduled task.

.EXAMPLE
PS C:\> # Once, in a PowerShell window of the task's account (runas /user:CORP\svc-librato powershell.exe):
PS C:\> Install-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore -Scope CurrentUser
PS C:\> Register-SecretVault -Name LocalStore -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault
PS C:\> Set-SecretStoreConfiguration -Authentication None -Interaction None -Confirm:$false
PS C:\> Set-Secret -Name Librato -Secret (Get-Credential ops@example.com)
PS C:\> # Then, as an administrator, register the task to run as that account:
PS C:\> $run = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File C:\Scripts\Send-CounterSamples.ps1'
PS C:\> $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "$run -SecretName Librato"
PS C:\> $trigger = New-ScheduledTaskTrigger -AtStartup
PS C:\> $restart = @{ RestartCount = 999; RestartInterval = New-TimeSpan -Minutes 1 }
PS C:\> $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([timespan]::Zero) @restart
PS C:\> $task = @{ TaskName = 'Librato counters'; Action = $action; Trigger = $trigger; Settings = $settings }
PS C:\> $account = Get-Credential CORP\svc-librato
PS C:\> Register-ScheduledTask @task -User $account.UserName -Password $account.GetNetworkCredential().Password

Stores the Librato account once in a SecretStore vault of the task's own account, then registers a task that
starts the script at boot as that account and keeps it sampling every minute, restarting it a minute after it
stops for any reason. The script reads the token with Get-Secret when it starts, so the token is in neither the
task definition nor the environment, and other accounts (administrators aside) cannot read it. The vault is set to open
without a password or prompt, as a task cannot answer one; it is then protected by the account's profile and
its file permissions. Run the task as an account of its own rather than NETWORK SERVICE or SYSTEM, which many
services share and which cannot log on to create the vault.

.EXAMPLE
PS C:\> # Once, in a PowerShell window of the task's account (runas /user:CORP\svc-librato powershell.exe):
PS C:\> Get-Credential ops@example.com | Export-Clixml C:\Ops\librato.xml
PS C:\> # The task's arguments, in the example above: "$run -CredentialPath C:\Ops\librato.xml"

The Windows way without any extra module. Export-Clixml encrypts the token with DPAPI for the account that runs
it, so the file must be written by the task's own account, and only that account on that machine can read it;
a copy on another machine, or read by another account, cannot be decrypted. Register the task with that
account's password (as in the example above), not with "Do not store password" (S4U), whose logon cannot open
the account's DPAPI keys.

.EXAMPLE
PS C:\> # Last resort, as the task's account: user (never machine) environment variables.
PS C:\> [Environment]::SetEnvironmentVariable('LIBRATO_USER', 'ops@example.com', 'User')
PS C:\> $token = (Get-Credential ops@example.com).GetNetworkCredential().Password
PS C:\> [Environment]::SetEnvironmentVariable('LIBRATO_TOKEN', $token, 'User')

With no credential parameter the script connects with LIBRATO_USER and LIBRATO_TOKEN. Use them only where
neither a vault nor a DPAPI file can be had: the token is stored in clear text, readable by every process of the
account and by administrators, inherited by every process the script starts, and often recorded by diagnostics
tools. Machine variables are worse still, as every local user can read them.

.EXAMPLE
PS C:\> $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date) -RepetitionInterval (New-TimeSpan -Minutes 1)
PS C:\> $run = '-NoProfile -File C:\Scripts\Send-CounterSamples.ps1 -Count 1 -SecretName Librato'
PS C:\> $action = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument $run
PS C:\> Register-ScheduledTask -TaskName 'Librato counters (each minute)' -Action $action -Trigger $trigger

The other way to run it: a task repeated every minute that takes one sample per run. Spooled batches are sent by
the next run. Without -User the task runs as the account that registers it, so register it as the account whose
vault holds the secret.

.EXAMPLE
PS C:\> $credential = Get-Credential ops@example.com
PS C:\> .\Send-CounterSamples.ps1 -Credential $credential -Counter '\Memory\Available MBytes' -Duration (New-TimeSpan -Hours 1)

Samples free memory every minute for an hour with an account typed in at the prompt.

.NOTES
The outbox holds measurements until they are sent; protect its folder like the data of the task. A vault, a
DPAPI file or user environment variables all belong to one account: create them as the account the task runs
as, or the task stops with an error that names the missing credentials.
#>
#Requires -Modules Librato

[CmdletBinding(DefaultParameterSetName = 'Environment')]
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

    [Parameter(ParameterSetName = 'Credential')]
    [pscredential] $Credential,

    [uri] $Endpoint,

    [ValidateRange(0, 100)]
    [int] $MaxRetries = 2,

    [Parameter(ParameterSetName = 'SecretName', Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $SecretName,

    [Parameter(ParameterSetName = 'CredentialPath', Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $CredentialPath
)

$ErrorActionPreference = 'Stop'

function Get-SpooledCount {
    # Outbox files that hold measurements not yet delivered (a run's own file is removed once all of it is).
    @(Get-ChildItem -LiteralPath $OutboxPath -Filter '*.outbox.jsonl' -File -ErrorAction SilentlyContinue).Count
}

if (-not (Get-Command Get-Counter -ErrorAction SilentlyContinue)) {
    throw 'Get-Counter is not available here: it is part of PowerShell on Windows. Run this script on Windows, or define a Get-Counter function that returns counter sample sets.'
}

function Get-AccountCredential([string] $Source) {
    # The credential from -Credential, -SecretName or -CredentialPath; $null leaves it to LIBRATO_USER/LIBRATO_TOKEN.
    $account = [Environment]::UserName
    $onWindows = [Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT
    $store = "Set-Secret -Name $SecretName -Secret (Get-Credential)"
    $save = "Get-Credential | Export-Clixml '$CredentialPath'"
    switch ($Source) {
        'Credential' { return $Credential }
        'SecretName' {
            if (-not (Get-Command Get-Secret -ErrorAction SilentlyContinue)) {
                throw ("-SecretName needs Get-Secret: install Microsoft.PowerShell.SecretManagement and a vault such " +
                    "as Microsoft.PowerShell.SecretStore for the account '$account', then run $store as that account.")
            }
            try { $secret = Get-Secret -Name $SecretName -ErrorAction Stop }
            catch {
                throw ("The secret '$SecretName' could not be read as '$account': $($_.Exception.Message) " +
                    "Run $store as this account, in a vault that opens without a prompt.")
            }
            if ($secret -isnot [pscredential]) {
                throw ("The secret '$SecretName' is not a PSCredential: store the account email as the user name " +
                    "and the API token as the password, with $store.")
            }
            return $secret
        }
        'CredentialPath' {
            if (-not $onWindows) {
                throw ('-CredentialPath is for Windows, where Export-Clixml encrypts the token for one account; ' +
                    'here the file would hold it unencrypted. Use -SecretName with a SecretManagement vault instead.')
            }
            if (-not (Test-Path -LiteralPath $CredentialPath -PathType Leaf)) {
                throw "No credential file at '$CredentialPath'. Create it as the account '$account' with: $save"
            }
            try { $saved = Import-Clixml -LiteralPath $CredentialPath -ErrorAction Stop }
            catch {
                throw ("'$CredentialPath' could not be read as '$account' ($($_.Exception.Message)). Only the " +
                    "account that wrote it, on this machine, can decrypt it: write it again as '$account' with: $save")
            }
            if ($saved -isnot [pscredential]) {
                throw "'$CredentialPath' holds no PSCredential. Write it as the account '$account' with: $save"
            }
            return $saved
        }
    }
    # Last resort: Connect-Librato reads LIBRATO_USER and LIBRATO_TOKEN.
    if ($onWindows -and [Environment]::GetEnvironmentVariable('LIBRATO_TOKEN', 'Machine')) {
        Write-Warning ('LIBRATO_TOKEN is a machine environment variable, which every local user can read. ' +
            'Remove it, and use -SecretName (or -CredentialPath) or a user variable of the task''s account instead.')
    }
    Write-Verbose 'No -Credential, -SecretName or -CredentialPath: Connect-Librato reads LIBRATO_USER, LIBRATO_TOKEN.'
    $null
}

$connect = @{ OutboxPath = $OutboxPath; MaxRetries = $MaxRetries; MaxRetryDelaySec = 5; PassThru = $true }
$accountCredential = Get-AccountCredential $PSCmdlet.ParameterSetName
if ($accountCredential) { $connect.Credential = $accountCredential }
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
