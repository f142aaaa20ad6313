# Setup of the examples of docs/cmdlets/Send-LibratoMetric.md.
@{
    1 = @{}
    2 = @{}
    3 = {
        # Get-Counter, which only Windows has, writing one sample set of the three counters.
        function Get-Counter([string[]] $Counter) {
            New-ExampleCounterSet -Samples @(
                @{ Path = '\\web01\processor(_total)\% processor time'; Instance = '_total'; Value = 12.5 }
                @{ Path = '\\web01\memory\available mbytes'; Value = 2048 }
                @{ Path = '\\web01\logicaldisk(c:)\% free space'; Instance = 'c:'; Value = 41.27 }
            )
        }
    }
    4 = {
        $null = New-Item -ItemType Directory C:\Ops
        @'
Import-Module Librato
$null = Connect-Librato -DefaultTags @{ role = 'web'; env = 'prod' }
$queue = New-LibratoQueue -AutoSubmitInterval 60 -InheritTags
try {
    Get-Counter -Counter '\Processor(*)\% Processor Time', '\Web Service(_Total)\Current Connections' -SampleInterval 15 -Continuous |
        Send-LibratoMetric -Queue $queue -Period 15
}
finally {
    Submit-LibratoQueue $queue
    $queue.Dispose()
}
'@ | Set-Content C:\Ops\Send-Counters.ps1
    }
    5 = {
        $null = New-Item -ItemType Directory C:\Ops
        @'
Import-Module Librato
$null = Connect-Librato    # LIBRATO_USER and LIBRATO_TOKEN come from the task account's environment
Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType = 3' |
    ForEach-Object {
        [pscustomobject]@{
            Name  = 'windows.disk.free_percent'
            Value = [math]::Round(100 * $_.FreeSpace / $_.Size, 2)
            Tags  = @{ host = $env:COMPUTERNAME.ToLower(); drive = $_.DeviceID.TrimEnd(':').ToLower() }
        }
    } |
    Send-LibratoMetric -ErrorAction Stop
Disconnect-Librato
'@ | Set-Content C:\Ops\Send-DiskFree.ps1
        # The ScheduledTasks module of Windows; the task is registered with the password of its account.
        function New-ScheduledTaskAction([string] $Execute, [string] $Argument) { [pscustomobject]@{ Execute = $Execute; Arguments = $Argument } }
        function New-ScheduledTaskTrigger([switch] $Once, [datetime] $At, [timespan] $RepetitionInterval) { [pscustomobject]@{ StartBoundary = $At; Interval = $RepetitionInterval } }
        function Register-ScheduledTask([string] $TaskName, $Action, $Trigger, [string] $User, [string] $Password) { [pscustomobject]@{ TaskPath = '\'; TaskName = $TaskName; State = 'Ready' } }
        $password = 'Task-Passw0rd'
    }
    6 = {
        function Invoke-WebRequest { [pscustomobject]@{ StatusCode = 200; RawContentLength = 2 } }
        Set-ExampleDuration 88.1, 91.4, 85.2, 102.7, 95.9, 87.3, 90.1, 99.8, 86.4, 93.2, 121.5, 89.9, 92.6, 88.8, 97.3, 94.1, 90.7, 86.9, 101.2, 90.3
    }
    7 = {
        # A day of load balancer requests: three a second from each backend, yesterday.
        $start = [DateTimeOffset]::new($ExampleNow.UtcDateTime.Date.AddDays(-1))
        $random = [Random]::new(7)
        $rows = for ($second = 1; $second -lt 120; $second++) {
            $time = $start.AddSeconds(86400 - 120 + $second).ToString('yyyy-MM-ddTHH:mm:ssZ')
            switch ($second) {
                1 { "$time,web-01,200,87"; "$time,web-02,200,112" }
                2 { "$time,web-01,500,1504" }
                default { foreach ($backend in 'web-01', 'web-02') { "$time,$backend,200,$(80 + $random.Next(0, 40))" } }
            }
        }
        @('timestamp,backend,status,ms') + @($rows) | Set-Content ".\lb-requests-2025-06-02.csv"
    }
    8 = @{
        Setup  = {
            $time = [DateTimeOffset]::new($ExampleNow.UtcDateTime.Date.AddDays(-1).AddHours(23)).ToString('yyyy-MM-ddTHH:mm:ssZ')
            @(
                'Name,Value,Source,Time'
                "backup.duration_seconds,312,nas-01,$time"
                "backup.size_gb,48.2,,$time"
                "backup duration,298,nas-02,$time"
            ) | Set-Content .\backup-report.csv
        }
        Errors = $true
    }
    9 = @{}
    10 = @{
        Setup  = {
            # A feed of boiler readings: twelve from a year before the API's reach, and four that cannot be sent.
            $readings = @(
                foreach ($hour in 0..11) {
                    [pscustomobject]@{ Name = 'boiler.temp_c'; Value = @(71.2, 71.6, 70.9, 70.4, 69.8, 69.5, 69.9, 70.6, 71.3, 72, 72.4, 72.1)[$hour]; Source = 'plant-03'; Time = ([datetime]'2024-05-31 22:00').AddHours($hour) }
                }
                foreach ($minute in 1..20) {
                    [pscustomobject]@{ Name = 'boiler.temp_c'; Value = 70 + $minute / 10; Source = 'plant-03'; Time = $ExampleNow.AddMinutes(-$minute).LocalDateTime }
                }
                [pscustomobject]@{ Name = 'boiler temp'; Value = 70.1; Source = 'plant-04'; Time = $ExampleNow.AddMinutes(-1).LocalDateTime }
                [pscustomobject]@{ Name = 'boiler/pressure'; Value = 2.1; Source = 'plant-03'; Time = $ExampleNow.AddMinutes(-1).LocalDateTime }
                [pscustomobject]@{ Name = 'Boiler Pressure (bar)'; Value = 2.2; Source = 'plant-03'; Time = $ExampleNow.AddMinutes(-1).LocalDateTime }
                [pscustomobject]@{ Name = 'boiler.pressure_bar'; Value = 'n/a'; Source = 'plant-03'; Time = $ExampleNow.AddMinutes(-1).LocalDateTime }
            )
        }
        Errors = $true
    }
    11 = { $null = Get-Random -SetSeed 11 }
    # The health checks reach the emulator instead of the web servers.
    12 = @{ Setup = { Add-ExampleModulePath }; Substitute = @{ 'https://$_.corp.example.com/health' = '{emulator}/_emulator/stats' } }
    13 = @{ Errors = $true }
}
