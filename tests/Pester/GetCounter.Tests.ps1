BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:New-Sample([string] $Path, [double] $Value, [datetime] $Time, [int] $Status = 0) {
        [pscustomobject]@{
            PSTypeName   = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample'
            Path         = $Path
            InstanceName = ''
            CookedValue  = $Value
            RawValue     = [long]$Value
            Timestamp    = $Time
            Status       = $Status
        }
    }

    function script:New-SampleSet([datetime] $Time, [object[]] $Samples) {
        [pscustomobject]@{
            PSTypeName     = 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSampleSet'
            Timestamp      = $Time
            CounterSamples = $Samples
        }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Send-LibratoMetric with Get-Counter output' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'maps each sample of a set to a tagged gauge with host and instance' {
        $time = (Get-Date).AddMinutes(-1)
        $set = New-SampleSet $time @(
            New-Sample '\\WEB01\processor(_total)\% processor time' 12.5 $time
            New-Sample '\\WEB01\memory\available mbytes' 2048 $time
            New-Sample '\\WEB01\network interface(intel[r] ethernet #2)\bytes total/sec' 1000 $time
        )
        $set | Send-LibratoMetric
        $body = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements').body | ConvertFrom-Json
        $items = $body.measurements
        $items.name | Should -Be @('processor.pct_processor_time', 'memory.available_mbytes', 'network_interface.bytes_total_per_sec')
        $items[0].tags.host | Should -Be 'web01'
        $items[0].tags.instance | Should -Be '_total'
        $items[1].tags.PSObject.Properties.Name | Should -Be 'host'
        $items[2].tags.instance | Should -Be 'intel_r_ ethernet _2'
        $items[0].value | Should -Be 12.5
        $items[0].time | Should -Be ([DateTimeOffset]$time).ToUnixTimeSeconds()
        (Get-EmulatorStats $Emulator).measurements | Should -Be 3
    }

    It 'takes CounterSamples piped one by one, and a source for legacy accounts' {
        $time = (Get-Date).AddMinutes(-1)
        (New-SampleSet $time @(New-Sample '\\web01\processor(0)\% idle time' 90 $time)).CounterSamples | Send-LibratoMetric -Source web01
        $gauge = ((Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').body | ConvertFrom-Json).gauges[0]
        $gauge.name | Should -Be 'processor.pct_idle_time'
        $gauge.source | Should -Be 'web01:0'
    }

    It 'reports a sample that could not be read, and sends the others' {
        $time = (Get-Date).AddMinutes(-1)
        $bad = New-Sample '\\web01\disk(c:)\% free space' 0 $time -Status 3
        New-SampleSet $time @((New-Sample '\\web01\memory\committed bytes' 5 $time), $bad) |
            Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidCounterSample*'
        $errs[0].TargetObject.Path | Should -Be $bad.Path
        (Get-EmulatorStats $Emulator).measurements | Should -Be 1
    }

    It 'accepts samples that crossed a remoting boundary' {
        $time = (Get-Date).AddMinutes(-1)
        $sample = New-Sample '\\web02\memory\available mbytes' 10 $time
        $sample.PSObject.TypeNames.Insert(0, 'Deserialized.Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample')
        $sample.PSObject.TypeNames.Remove('Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample') | Out-Null
        $sample | Send-LibratoMetric
        (Get-EmulatorStats $Emulator).per_metric.'memory.available_mbytes'.measurements | Should -Be 1
    }
}
