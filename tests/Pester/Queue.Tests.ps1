BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'New-LibratoQueue and Submit-LibratoQueue' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'queues gauges, counters, sources, tags and times, and sends them only when submitted' {
        $q = New-LibratoQueue
        $q | Should -BeOfType ([Librato.PowerShell.LibratoQueue])
        $q.Add('temperature', 22.1, 'upstairs')
        $q.Add('temperature', 23.1, 'downstairs')
        $q.AddCounter('num_requests', 100, 'server1')
        $q.AddCounter('num_requests', 102, 'server2')
        $q.Add('weather', 12, @{ city = 'sf'; station = '12' })
        $q.Add('late', 1, [datetime]::UtcNow.AddMinutes(-30))
        $q.Count | Should -Be 6
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0

        $result = Submit-LibratoQueue $q -PassThru
        $result.Sent | Should -Be 6
        $result.Pending | Should -Be 0
        $q.Count | Should -Be 0
        $stats = Get-EmulatorStats $Emulator
        $stats.measurements | Should -Be 6
        $stats.per_metric.temperature.series | Should -Be 2
        $stats.per_metric.num_requests.series | Should -Be 2
        (Read-EmulatorSeries $Emulator num_requests -StartTime 0).type | Should -Be 'counter'
    }

    It 'adds with Send-LibratoMetric -Queue instead of sending' {
        $q = New-LibratoQueue
        1..5 | ForEach-Object { [pscustomobject]@{ Name = 'queued.metric'; Value = $_; Source = "s$_" } } | Send-LibratoMetric -Queue $q
        Send-LibratoMetric -Name queued.counter -Value 7 -Type counter -Source lb -Queue $q
        $q.Count | Should -Be 6
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0
        $q | Submit-LibratoQueue
        (Get-EmulatorStats $Emulator).measurements | Should -Be 6
    }

    It 'submits by itself when the count is reached' {
        $q = New-LibratoQueue -AutoSubmitCount 400
        1..399 | ForEach-Object { $q.Add('auto.count', $_, "s$_") }
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0
        $q.Add('auto.count', 400, 's400')
        (Get-EmulatorStats $Emulator).measurements | Should -Be 400
        $q.Count | Should -Be 0
    }

    It 'submits from a timer while the script does nothing' {
        $q = New-LibratoQueue -AutoSubmitInterval 0.2
        $q.Add('auto.timer', 1)
        $deadline = [datetime]::UtcNow.AddSeconds(5)
        while ($q.Count -gt 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $q.Count | Should -Be 0
        (Get-EmulatorStats $Emulator).per_metric.'auto.timer'.measurements | Should -Be 1
        $q.Dispose()
    }

    It 'takes adds from parallel runspaces without losing or repeating any' {
        $q = New-LibratoQueue -AutoSubmitCount 500
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            $queue = $using:q
            for ($i = 0; $i -lt 1000; $i++) { $queue.Add('parallel.metric', $i, "w$($_)-$i") }
        }
        Submit-LibratoQueue $q
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'parallel.metric'.measurements | Should -Be 4000
        $stats.per_metric.'parallel.metric'.series | Should -Be 4000
    }

    It 'reports a refused measurement with itself as target, keeps it in Failed, and stores the rest of its batch' {
        Send-LibratoMetric -Name typed.q -Value 1 -Type counter
        $q = New-LibratoQueue
        $q.Add('typed.q', 2)
        $q.Add('other.q', 3)
        Submit-LibratoQueue $q -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MeasurementRejected*'
        @($errs[0].TargetObject).Name | Should -Be 'typed.q'
        $errs[0].ErrorDetails.Message | Should -Match "refused 1 measurement\(s\) of typed.q: .*counter"
        $q.Failed | Should -HaveCount 1
        $q.Failed[0].Measurements.Count | Should -Be 1
        $q.Count | Should -Be 0
        (Get-EmulatorStats $Emulator).per_metric.'other.q'.measurements | Should -Be 1
    }

    It 'refuses an invalid measurement when it is added, with the validation id' {
        $q = New-LibratoQueue
        $err = { $q.Add('bad name', 1) } | Should -Throw -PassThru
        $err.Exception.InnerException | Should -BeOfType ([Librato.Api.MeasurementValidationException])
        Send-LibratoMetric -Name 'bad name' -Value 1 -Queue $q -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName*'
        $q.Count | Should -Be 0
    }

    It 'shows nothing with -WhatIf and keeps the queue' {
        $q = New-LibratoQueue
        $q.Add('whatif.q', 1)
        Submit-LibratoQueue $q -WhatIf
        $q.Count | Should -Be 1
        (Get-EmulatorStats $Emulator).measurements | Should -Be 0

        # Kept, and sent by the next submit.
        Submit-LibratoQueue $q | Out-Null
        (Get-EmulatorStats $Emulator).measurements | Should -Be 1
    }
}

Describe 'Use-LibratoQueue' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'submits what the block added and passes its output through' {
        $out = Use-LibratoQueue {
            param($queue)
            $_.Add('ctx.temperature', 22.1, 'upstairs')
            $queue.AddCounter('ctx.requests', 100, 'server1')
            'done'
        }
        $out | Should -Be 'done'
        (Get-EmulatorStats $Emulator).measurements | Should -Be 2
    }

    It 'still submits what was added before the block threw, and rethrows' {
        { Use-LibratoQueue { $_.Add('ctx.first', 22.1, 'upstairs'); throw 'dangerous operation failed'; $_.Add('ctx.second', 1) } } |
            Should -Throw '*dangerous operation failed*'
        $stats = Get-EmulatorStats $Emulator
        $stats.per_metric.'ctx.first'.measurements | Should -Be 1
        $stats.per_metric.PSObject.Properties.Name | Should -Not -Contain 'ctx.second'
    }
}

Describe 'Tags: session, queue, command and measurement' {
    BeforeAll {
        $script:Tagged = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) `
            -Endpoint $Emulator.Url -DefaultTags @{ region = 'us-east'; env = 'prod' } -PassThru
        function script:Get-LastTags {
            $request = Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements' | Select-Object -Last 1
            ($request.body | ConvertFrom-Json).measurements | ForEach-Object { $_.tags }
        }
    }

    AfterAll { Connect-TestEmulator $Emulator | Out-Null }

    BeforeEach { Reset-Emulator $Emulator }

    It 'gives session default tags to gauges without tags of their own' {
        Send-LibratoMetric -Name tags.plain -Value 1 -Session $Tagged
        $tags = Get-LastTags
        $tags.region | Should -Be 'us-east'
        $tags.env | Should -Be 'prod'
    }

    It 'lets the most specific tags replace inherited ones' {
        Send-LibratoMetric -Name tags.own -Value 1 -Tags @{ city = 'austin' } -Session $Tagged
        $tags = Get-LastTags
        $tags.PSObject.Properties.Name | Should -Be 'city'
    }

    It 'merges with -InheritTags, the more specific level winning' {
        Send-LibratoMetric -Name tags.merged -Value 1 -Tags @{ city = 'austin'; env = 'staging' } -InheritTags -Session $Tagged
        $tags = Get-LastTags
        $tags.city | Should -Be 'austin'
        $tags.env | Should -Be 'staging'
        $tags.region | Should -Be 'us-east'
    }

    It 'puts queue tags between the session and the measurement' {
        $q = New-LibratoQueue -Tags @{ team = 'ops' } -Session $Tagged
        $q.Add('tags.queue', 1)
        $q.Add('tags.queue.own', 1, @{ city = 'sf' })
        Submit-LibratoQueue $q
        $all = Get-LastTags
        $all[0].PSObject.Properties.Name | Should -Be 'team'
        $all[1].PSObject.Properties.Name | Should -Be 'city'

        $merging = New-LibratoQueue -Tags @{ team = 'ops' } -InheritTags -Session $Tagged
        $merging.Add('tags.queue.merged', 1, @{ city = 'sf' })
        Submit-LibratoQueue $merging
        $tags = Get-LastTags
        ($tags.PSObject.Properties.Name | Sort-Object) | Should -Be @('city', 'env', 'region', 'team')
    }

    It 'keeps counters on the legacy route whatever the inherited tags' {
        Send-LibratoMetric -Name tags.counter -Value 5 -Type counter -Source lb -Session $Tagged
        (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics') | Should -HaveCount 1
    }

    It 'sends a source on a tagged measurement as the tag source' {
        Send-LibratoMetric -Name tags.source -Value 1 -Source web-1 -Session $Tagged
        (Get-LastTags).source | Should -Be 'web-1'
    }
}
