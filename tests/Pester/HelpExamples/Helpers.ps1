# Loaded once into the runspace the help examples run in: what the setup entries of tests/Pester/HelpExamples/*.ps1
# use to put data into the emulator before an example runs. Each example starts with $ExampleEmulator (its addresses),
# $ExampleNow (the start of the current minute, UTC), $credential (ops@example.com, connected as the default session)
# and that account in LIBRATO_USER and LIBRATO_TOKEN.

function Get-ExampleCredential {
    # The credential of one of the emulator's accounts, as Get-Credential would return it.
    param([Parameter(Mandatory)] [string] $Email)
    [pscredential]::new($Email, (ConvertTo-SecureString $ExampleEmulator.Accounts[$Email] -AsPlainText -Force))
}

function Connect-ExampleAccount {
    # A session of another account of the emulator; the default session stays the one of ops@example.com.
    param([Parameter(Mandatory)] [string] $Email)
    Connect-Librato -Credential (Get-ExampleCredential $Email)
    $null = Connect-Librato -Credential (Get-ExampleCredential 'ops@example.com')
}

function Get-ExampleTime {
    # Epoch seconds of a whole minute before the example's minute: -Minutes 0 is the current minute's start.
    param([int] $Minutes = 0)
    $ExampleNow.ToUnixTimeSeconds() - 60 * $Minutes
}

function Get-ExampleWave {
    # Count values that rise and fall around Base by up to Swing, the same every run; -Decimals rounds them.
    param([Parameter(Mandatory)] [int] $Count, [double] $Base = 50, [double] $Swing = 10, [int] $Seed = 1, [int] $Decimals = 0, [double] $Period = 17)
    $random = [Random]::new($Seed)
    for ($i = 0; $i -lt $Count; $i++) {
        $value = $Base + $Swing * [math]::Sin(2 * [math]::PI * ($i + $Seed) / $Period) + $Swing * 0.3 * ($random.NextDouble() - 0.5)
        [math]::Round($value, $Decimals)
    }
}

function Send-ExampleSeries {
    # One point a minute (or every -Every seconds) of one series, oldest first, the last one at -EndMinutes before the
    # example's minute; -Source or -Tags name the series.
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [double[]] $Values,
        [string] $Source,
        [hashtable] $Tags,
        [int] $EndMinutes = 0,
        [int] $Every = 60,
        [string] $Type,
        [string] $Description,
        $Session
    )
    $end = Get-ExampleTime $EndMinutes
    $points = for ($i = 0; $i -lt $Values.Count; $i++) {
        $point = [ordered]@{ Name = $Name; Value = $Values[$i]; Time = $end - $Every * ($Values.Count - 1 - $i) }
        if ($Source) { $point.Source = $Source }
        if ($Tags) { $point.Tags = $Tags }
        [pscustomobject]$point
    }
    $parameters = @{}
    if ($Type) { $parameters.Type = $Type }
    if ($Description) { $parameters.Description = $Description }
    if ($Session) { $parameters.Session = $Session }
    $points | Send-LibratoMetric @parameters
}

function Invoke-ExampleControl {
    # The emulator's control API (/_emulator/...), for what no client can do, such as making an alert fire.
    param([Parameter(Mandatory)] [string] $Path, [string] $Method = 'Get', [string] $Url = $ExampleEmulator.Url)
    Invoke-RestMethod -Method $Method -Uri "$Url/_emulator/$($Path.TrimStart('/'))"
}

function Invoke-ExampleApi {
    # The emulator's /v1 API as ops@example.com, for what the module does not do itself.
    param([Parameter(Mandatory)] [string] $Path, [string] $Method = 'Get', $Body, [string] $Email = 'ops@example.com')
    $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Email):$($ExampleEmulator.Accounts[$Email])"))
    $request = @{ Uri = "$($ExampleEmulator.Url)/v1/$($Path.TrimStart('/'))"; Method = $Method; Headers = @{ Authorization = "Basic $pair" } }
    if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 10 -Compress; $request.ContentType = 'application/json' }
    Invoke-RestMethod @request
}

function New-ExampleDashboard {
    # The spaces most chart and space examples show: Production (cpu, memory, Requests and Error rate), Databases
    # (Connections) and Production EU (cpu), made in that order, so their ids are the same in every example.
    $production = New-LibratoSpace Production
    $null = Add-LibratoChart cpu -Space $production.Id -Stream @{ metric = 'cpu.idle'; source = '*' } -Min 0 -Max 100 -Label '%'
    $databases = New-LibratoSpace Databases
    $null = Add-LibratoChart memory -Space $production.Id -RelatedSpace $databases.Id -UseLogYAxis -Stream @(
        @{ metric = 'memory.free'; source = '*' }
        @{ metric = 'memory.used'; source = '*'; group_function = 'breakout'; summary_function = 'average' }
    )
    $null = Add-LibratoChart Requests -Space $production.Id -Type stacked -Stream @{ metric = 'http.requests'; source = 'web-*' }
    $null = Add-LibratoChart 'Error rate' -Space $production.Id -Type bignumber -Stream @{ metric = 'app.errors'; source = '*' }
    $null = Add-LibratoChart Connections -Space $databases.Id -Stream @{ metric = 'db.connections'; source = '*' }
    $eu = New-LibratoSpace 'Production EU'
    $null = Add-LibratoChart cpu -Space $eu.Id -Stream @{ metric = 'cpu.idle'; source = 'eu-*' }
}

function New-ExampleServices {
    # The notification services the alert examples name: Ops mail, ops-slack and PagerDuty web, made in that order.
    $null = New-LibratoService 'Ops mail' mail @{ addresses = 'ops@example.com,oncall@example.com' }
    $null = New-LibratoService ops-slack slack @{ url = 'https://hooks.slack.com/services/T000/B000/XXXX' }
    $null = New-LibratoService 'PagerDuty web' pagerduty ([ordered]@{ service_key = 'a1b2c3d4e5'; description = 'web tier' })
}

function New-ExampleAlerts {
    # The services, then the alerts most alert examples show: web.cpu.high (notifies ops-slack), web.cpu.high.staging
    # (disabled), ops.heartbeat.missing (notifies Ops mail) and web.disk.low (notifies no one).
    New-ExampleServices
    $null = New-LibratoAlert web.cpu.high -MetricName web.cpu.percent -Above 90 -SummaryFunction max -Duration 300 -Service ops-slack -RunbookUrl 'https://wiki.example.com/runbooks/web-cpu'
    $null = New-LibratoAlert web.cpu.high.staging -MetricName web.cpu.percent -Source 'staging*' -Above 95 -Active:$false
    $null = New-LibratoAlert ops.heartbeat.missing -MetricName ops.heartbeat -Absent -Duration 600 -Service 'Ops mail'
    $null = New-LibratoAlert web.disk.low -MetricName web.disk.free_percent -Below 10
}

function New-ExampleAnnotations {
    # The events most annotation examples show: three deploys (ids 1 to 3, the last one still open) and a database
    # failover (id 4), and the deploys stream's display name.
    $at = { param([int] $Minutes, [int] $Seconds = 0) $ExampleNow.AddMinutes(-$Minutes).AddSeconds($Seconds).LocalDateTime }
    $null = New-LibratoAnnotation deploys 'Deploy api 2.14.0' -Source api -StartTime (& $at 130 -9) -EndTime (& $at 128 -9) -Link @{ rel = 'ci'; href = 'https://ci.example.com/builds/812' }
    $null = New-LibratoAnnotation deploys 'Deploy web 5.3.1' -Source web -StartTime (& $at 70 -9) -EndTime (& $at 66 -9)
    $null = New-LibratoAnnotation deploys 'Deploy web 5.3.2' -Source web -StartTime (& $at 20 -9)
    $null = New-LibratoAnnotation outages 'Database failover' -StartTime (& $at 40 -9) -EndTime (& $at 35 -9)
    Set-LibratoAnnotationStream deploys -DisplayName 'Production deploys'
}

function Add-ExampleModulePath {
    # Lets Import-Module Librato find the module under test by name, as an installed module is found.
    $env:PSModulePath = $ExampleEmulator.ModuleFolder + [IO.Path]::PathSeparator + $env:PSModulePath
}

function New-ExampleCounterSet {
    # A sample set as Get-Counter writes it on Windows: Samples are @{ Path; Value; Instance }.
    param([datetime] $Time = $ExampleNow.LocalDateTime, [Parameter(Mandatory)] [hashtable[]] $Samples)
    [pscustomobject]@{
        PSTypeName     = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSampleSet'
        Timestamp      = $Time
        CounterSamples = @(foreach ($sample in $Samples) {
                [pscustomobject]@{
                    PSTypeName   = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample'
                    Path         = $sample.Path
                    InstanceName = [string]$sample.Instance
                    CookedValue  = [double]$sample.Value
                    RawValue     = [long]$sample.Value
                    Timestamp    = $Time
                    Status       = 0
                }
            })
    }
}

function Set-ExampleDuration {
    # Measure-Command for the examples: runs the block, and reports the next of the given durations (milliseconds)
    # instead of the time it took, so that timings print the same every run.
    param([Parameter(Mandatory)] [double[]] $Milliseconds)
    $global:ExampleDurations = [Collections.Generic.Queue[double]]::new($Milliseconds)
    function global:Measure-Command {
        param([Parameter(Mandatory, Position = 0)] [scriptblock] $Expression)
        $null = . $Expression
        [timespan]::FromMilliseconds($ExampleDurations.Dequeue())
    }
}

function Add-ExampleOutboxFile {
    # Leaves measurements in an outbox as a session does when the API cannot be reached: sends them through a session
    # whose endpoint nothing answers, which keeps them in the outbox. -Batches sends that many times.
    param([Parameter(Mandatory)] [string] $OutboxPath, [Parameter(Mandatory)] [object[]] $Measurements, [int] $Batches = 1)
    $offline = Connect-Librato -Credential (Get-ExampleCredential 'ops@example.com') -Endpoint $ExampleEmulator.Closed -OutboxPath $OutboxPath -SkipCredentialCheck -MaxRetries 0 -ConnectTimeoutSec 1
    $size = [math]::Ceiling($Measurements.Count / $Batches)
    for ($i = 0; $i -lt $Measurements.Count; $i += $size) {
        $Measurements[$i..([math]::Min($i + $size, $Measurements.Count) - 1)] | Send-LibratoMetric -Session $offline -WarningAction SilentlyContinue
    }
    Disconnect-Librato -Session $offline
    $null = Connect-Librato -Credential (Get-ExampleCredential 'ops@example.com')
}
