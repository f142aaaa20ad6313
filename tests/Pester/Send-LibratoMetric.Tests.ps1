BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Get-SentBodies {
        # The JSON bodies of the submissions the emulator received, oldest first.
        Get-EmulatorRequests $Emulator |
            Where-Object { $_.method -eq 'POST' -and $_.path -in '/v1/metrics', '/v1/measurements' } |
            ForEach-Object { $_.body | ConvertFrom-Json }
    }

    function script:Get-SentItems {
        # Every measurement the emulator received, whichever route carried it; with -Expect, wait (briefly) for that
        # many logged submissions.
        param([int] $Expect = 0)
        $bodies = @(Get-SentBodies)
        for ($i = 0; $i -lt 40 -and $bodies.Count -lt $Expect; $i++) {
            Start-Sleep -Milliseconds 50
            $bodies = @(Get-SentBodies)
        }
        foreach ($body in $bodies) {
            foreach ($list in 'gauges', 'counters', 'measurements') {
                if ($body.PSObject.Properties[$list]) { $body.$list }
            }
        }
    }

    function script:New-Point {
        # A measurement object placed by a source (Librato) or by the tag host (AppOptics, which has no sources).
        param([string] $Name, $Value, [string] $Where, $Time)
        $point = [ordered]@{ Name = $Name; Value = $Value }
        if ($Api -eq 'AppOptics') { $point.Tags = @{ host = $Where } } else { $point.Source = $Where }
        if ($null -ne $Time) { $point.Time = $Time }
        [pscustomobject]$point
    }

    function script:Assert-NoLegacyRequest {
        # AppOptics has no POST /v1/metrics: nothing may have been sent there.
        @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/metrics' }) | Should -HaveCount 0
    }
}

Describe 'Send-LibratoMetric (<Api>)' -ForEach @(@{ Api = 'Librato' }, @{ Api = 'AppOptics' }) {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Api $Api
        Connect-TestEmulator $Emulator | Out-Null
        # Where sources are incidental to a test, AppOptics gets a tag instead.
        $script:Placed = if ($Api -eq 'AppOptics') { @{ Tags = @{ host = 'test' } } } else { @{} }
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    BeforeEach { Reset-Emulator $Emulator }

    Context 'one measurement from parameters' {
        It 'stores a gauge with its source, value and time (AppOptics: refuses the source, sends nothing)' {
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()
            Send-LibratoMetric -Name home.temperature -Value 21.5 -Source upstairs -Time $time -ErrorVariable errs -ErrorAction SilentlyContinue
            if ($Api -eq 'AppOptics') {
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsNoSources*'
                $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
                $errs[0].TargetObject.Name | Should -Be 'home.temperature'
                $errs[0].Exception.Message | Should -Match 'upstairs'
                Get-SentBodies | Should -BeNullOrEmpty
                return
            }

            $errs | Should -BeNullOrEmpty
            $read = Read-EmulatorSeries $Emulator home.temperature -StartTime ($time - 10)
            $read.measurements.upstairs.Count | Should -Be 1
            $read.measurements.upstairs[0].value | Should -Be 21.5
            $read.measurements.upstairs[0].measure_time | Should -Be $time
            $read.type | Should -Be 'gauge'
        }

        It 'stores a tagged gauge with its value and time' {
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToUnixTimeSeconds()
            Send-LibratoMetric -Name home.pressure -Value 1013.5 -Tags @{ room = 'upstairs' } -Time $time
            $item = @(Get-SentItems -Expect 1)
            $item | Should -HaveCount 1
            $item[0].value | Should -Be 1013.5
            $item[0].time | Should -Be $time
            $item[0].tags.room | Should -Be 'upstairs'
            (Get-EmulatorStats $Emulator).per_metric.'home.pressure'.measurements | Should -Be 1
        }

        It 'stamps the time when none is given' {
            $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            Send-LibratoMetric home.humidity 40 @Placed
            $after = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            $item = @(Get-SentItems -Expect 1)[0]
            $time = if ($Api -eq 'AppOptics') { $item.time } else { $item.measure_time }
            $time | Should -BeGreaterOrEqual $before
            $time | Should -BeLessOrEqual $after
        }

        It 'sends counters to the counters list (AppOptics: refuses counters, sends nothing)' {
            Send-LibratoMetric -Name net.connections -Value 20 -Type counter -Description 'server connections' -ErrorVariable errs -ErrorAction SilentlyContinue
            if ($Api -eq 'AppOptics') {
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsNoCounters*'
                $errs[0].TargetObject.Name | Should -Be 'net.connections'
                Get-SentBodies | Should -BeNullOrEmpty
                (Get-EmulatorStats $Emulator).measurements | Should -Be 0
                return
            }

            $body = @(Get-SentBodies)[0]
            $body.counters[0].name | Should -Be 'net.connections'
            $body.counters[0].value | Should -Be 20
            $body.PSObject.Properties.Name | Should -Not -Contain 'gauges'
            (Read-EmulatorSeries $Emulator net.connections -StartTime 0).type | Should -Be 'counter'
        }

        It 'refuses a measurement without tags in AppOptics and sends it legacy in Librato' {
            Send-LibratoMetric -Name bare.metric -Value 3 -ErrorVariable errs -ErrorAction SilentlyContinue
            if ($Api -eq 'AppOptics') {
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsTagsRequired*'
                $errs[0].TargetObject.Name | Should -Be 'bare.metric'
                Get-SentBodies | Should -BeNullOrEmpty
            }
            else {
                $errs | Should -BeNullOrEmpty
                (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics') | Should -HaveCount 1
            }
        }

        It 'sends tagged measurements to /v1/measurements with their tags' {
            Send-LibratoMetric -Name weather.temperature -Value 22 -Tags @{ city = 'austin'; station = '27' }
            $request = Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/measurements'
            $request | Should -HaveCount 1
            $body = $request.body | ConvertFrom-Json
            $body.measurements[0].tags.city | Should -Be 'austin'
            $body.measurements[0].tags.station | Should -Be '27'
            (Get-EmulatorStats $Emulator).per_metric.'weather.temperature'.series | Should -Be 1
        }

        It 'does not send anything with -WhatIf' {
            Send-LibratoMetric -Name whatif.metric -Value 1 -WhatIf @Placed
            Get-SentBodies | Should -BeNullOrEmpty
        }

        It 'names the metrics of each batch in the line ShouldProcess writes for -Verbose, and writes none for -Verbose:$false' {
            $points = 1..5 | ForEach-Object { New-Point -Name "described.$_" -Value $_ -Where 'web-1' }
            $expected = '*"5 * measurement(s) of described.1, described.2, described.3 and 2 more metrics at *'
            $lines = @($points | Send-LibratoMetric -Verbose 4>&1 | Where-Object { "$_" -like 'Performing the operation "Send"*' })
            $lines | Should -HaveCount 1
            "$($lines[0])" | Should -BeLike $expected

            $lines = @($points | Send-LibratoMetric -Verbose:$false 4>&1 | Where-Object { "$_" -like 'Performing the operation "Send"*' })
            $lines | Should -HaveCount 0
            @(Get-SentItems -Expect 2) | Should -HaveCount 10
        }

        It 'names the metrics of each batch in the What if line, for -WhatIf and for $WhatIfPreference' {
            $points = 1..5 | ForEach-Object { New-Point -Name "described.$_" -Value $_ -Where 'web-1' }
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript | Out-Null
            try {
                $points | Send-LibratoMetric -WhatIf
                & {
                    $WhatIfPreference = $true
                    $points | Send-LibratoMetric
                }
            }
            finally {
                Stop-Transcript | Out-Null
            }

            $lines = @(Get-Content $transcript | Where-Object { $_ -like 'What if: Performing the operation "Send"*' })
            $lines | Should -HaveCount 2
            $lines | ForEach-Object { $_ | Should -BeLike '*"5 * measurement(s) of described.1, described.2, described.3 and 2 more metrics at *' }
            Get-SentBodies | Should -BeNullOrEmpty
        }

        It 'outputs nothing, or the accepted measurements with -PassThru' {
            Send-LibratoMetric -Name quiet.metric -Value 1 @Placed | Should -BeNullOrEmpty
            $out = Send-LibratoMetric -Name loud.metric -Value 2 -PassThru @Placed
            $out | Should -BeOfType ([Librato.Api.Measurement])
            $out.Name | Should -Be 'loud.metric'
            $out.Time | Should -Not -BeNullOrEmpty
        }
    }

    Context 'pipeline input' {
        It 'binds objects with Name, Value and Source properties (AppOptics: refuses each, sends the tagged ones around them)' {
            $items = 1..25 | ForEach-Object { [pscustomobject]@{ Name = 'pipe.cpu'; Value = $_; Source = "web-$($_ % 5)" } }
            if ($Api -eq 'AppOptics') {
                $tagged = 1..25 | ForEach-Object { [pscustomobject]@{ Name = 'pipe.cpu'; Value = $_; Tags = @{ host = "web-$($_ % 5)" } } }
                $mixed = for ($i = 0; $i -lt 25; $i++) { $items[$i]; $tagged[$i] }
                $mixed | Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
                $errs | Should -HaveCount 25
                $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsNoSources*' }
                $errs[0].TargetObject | Should -Be $items[0]
                $errs[24].TargetObject | Should -Be $items[24]
                Assert-NoLegacyRequest
                (Get-EmulatorStats $Emulator).per_metric.'pipe.cpu'.series | Should -Be 5
                @(Get-SentItems -Expect 1) | Should -HaveCount 25
                return
            }

            $items | Send-LibratoMetric
            $stats = Get-EmulatorStats $Emulator
            $stats.per_metric.'pipe.cpu'.series | Should -Be 5
            # Same source and time replaces; these share times, so count what the API received instead.
            (@(Get-SentBodies).gauges).Count | Should -Be 25
        }

        It 'takes hashtables, Measurement objects and plain numbers with -Name' {
            if ($Api -eq 'AppOptics') {
                $tags = [System.Collections.Generic.Dictionary[string, string]]::new()
                $tags['h'] = 'o1'
                $object = [Librato.Api.Measurement]::new('pipe.object', 2)
                $object.Tags = $tags
                $untagged = [Librato.Api.Measurement]::new('pipe.untagged', 5)
                @{ Name = 'pipe.hash'; Value = 1; Tags = @{ h = 'h1' } } | Send-LibratoMetric
                $object, $untagged | Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
                '3.5', 4 | Send-LibratoMetric -Name pipe.scalar -Tags @{ h = 's1' }
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsTagsRequired*'
                $errs[0].TargetObject.Name | Should -Be 'pipe.untagged'
                $sent = @(Get-SentItems -Expect 3)
                ($sent | Where-Object name -EQ 'pipe.hash').tags.h | Should -Be 'h1'
                ($sent | Where-Object name -EQ 'pipe.object').value | Should -Be 2
                ($sent | Where-Object name -EQ 'pipe.object').tags.h | Should -Be 'o1'
                ($sent | Where-Object name -EQ 'pipe.scalar').value | Should -Be @(3.5, 4)
                $sent.name | Should -Not -Contain 'pipe.untagged'
                return
            }

            @{ Name = 'pipe.hash'; Value = 1; Source = 'h1' } | Send-LibratoMetric
            [Librato.Api.Measurement]::new('pipe.object', 2) | Send-LibratoMetric
            '3.5', 4 | Send-LibratoMetric -Name pipe.scalar -Source s1
            $gauges = @(Get-SentBodies).gauges
            ($gauges | Where-Object name -EQ 'pipe.hash').source | Should -Be 'h1'
            ($gauges | Where-Object name -EQ 'pipe.object').value | Should -Be 2
            ($gauges | Where-Object name -EQ 'pipe.scalar').value | Should -Be @(3.5, 4)
        }

        It 'reads every kind of property a custom object can carry' {
            # Note, script and alias properties added to the object, Select-Object output, ConvertFrom-Json and Import-Csv
            # objects, and a property that a type name's extended type data supplies.
            $typeName = "Librato.Test.Reading$([guid]::NewGuid().ToString('N'))"
            Update-TypeData -TypeName $typeName -MemberType ScriptProperty -MemberName Value -Value { $this.Raw * 10 }
            try {
                $time = [DateTimeOffset]::UtcNow.AddMinutes(-3).ToUnixTimeSeconds()
                function New-Base([string] $Name) {
                    $o = [pscustomobject]@{ Name = $Name; Time = $time }
                    if ($Api -eq 'AppOptics') { $o | Add-Member Tags @{ host = 'h' } } else { $o | Add-Member Source 'h' }
                    $o
                }
                $script = New-Base read.script | Add-Member -PassThru -MemberType ScriptProperty -Name Value -Value { 6 * 7 }
                $alias = New-Base read.alias | Add-Member -PassThru Reading 5 |
                    Add-Member -PassThru -MemberType AliasProperty -Name Value -Value Reading
                $typed = New-Base read.typed | Add-Member -PassThru Raw 3
                $typed.PSObject.TypeNames.Insert(0, $typeName)
                $selected = [pscustomobject]@{ Name = 'read.selected'; Value = 8; Extra = 1 } | Select-Object Name, Value
                $json = '{ "Name": "read.json", "Value": 9 }' | ConvertFrom-Json
                $csv = "Name,Value`nread.csv,11" | ConvertFrom-Csv
                $placed = @{ Time = $time } + $Placed
                if ($Api -ne 'AppOptics') { $placed.Source = 'h' }

                $script, $alias, $typed | Send-LibratoMetric
                $selected, $json, $csv | Send-LibratoMetric @placed

                $sent = @(Get-SentItems -Expect 2)
                ($sent | Where-Object name -EQ 'read.script').value | Should -Be 42
                ($sent | Where-Object name -EQ 'read.alias').value | Should -Be 5
                ($sent | Where-Object name -EQ 'read.typed').value | Should -Be 30
                ($sent | Where-Object name -EQ 'read.selected').value | Should -Be 8
                ($sent | Where-Object name -EQ 'read.json').value | Should -Be 9
                ($sent | Where-Object name -EQ 'read.csv').value | Should -Be 11
            }
            finally {
                Remove-TypeData -TypeName $typeName
            }
        }

        It 'gives each measurement only its own fields when a long send reads into ones already accepted, and leaves -PassThru output as it was' {
            # One batch on its way at a time, so each is accepted (and its measurements free to be read into) before the
            # next fills. The first hundred carry a period the rest lack: none may keep another's.
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-20).ToUnixTimeSeconds()
            $items = for ($i = 0; $i -lt 600; $i++) {
                $point = New-Point reuse.metric $i "s$i" ($time + $i)
                if ($i -lt 100) { $point | Add-Member Period 60 }
                $point
            }
            $items | Send-LibratoMetric -BatchSize 50 -ThrottleLimit 1
            $sent = @(Get-SentItems -Expect 12)
            $sent | Should -HaveCount 600
            ($sent.value | Sort-Object) | Should -Be (0..599)
            foreach ($item in $sent) {
                $at = if ($item.PSObject.Properties['measure_time']) { $item.measure_time } else { $item.time }
                $at | Should -Be ($time + $item.value)
                if ($item.value -lt 100) { $item.period | Should -Be 60 } else { $item.PSObject.Properties['period'] | Should -BeNullOrEmpty }
            }

            $out = @($items | Select-Object -First 300 | Send-LibratoMetric -BatchSize 50 -ThrottleLimit 1 -PassThru)
            $out.Value | Should -Be (0..299)
            $out.Time | Should -Be (0..299 | ForEach-Object { $time + $_ })
            @($out | Where-Object Period -EQ 60).Count | Should -Be 100
            @($out | Where-Object { $null -eq $_.Period }).Count | Should -Be 200
        }

        It 'sends full batches as they fill and the rest at the end' {
            $items = 1..25 | ForEach-Object { New-Point batch.metric $_ "s$_" }
            $items | Send-LibratoMetric -BatchSize 10
            # Two batches may be on their way at once, so the log holds them in the order they were answered.
            $batches = @(Get-SentBodies) | ForEach-Object { , @(if ($Api -eq 'AppOptics') { $_.measurements } else { $_.gauges }) }
            $batches | Should -HaveCount 3
            @($batches | ForEach-Object { $_.Count } | Sort-Object -Descending) | Should -Be @(10, 10, 5)
            ($batches | Where-Object { $_.Count -eq 5 }).value | Should -Be (21..25)
        }

        It 'sends the first batch before the pipeline ends' {
            $seenBeforeEnd = $null
            & {
                1..10 | ForEach-Object { New-Point stream.metric $_ "s$_" }
                $script:seenBeforeEnd = (Get-EmulatorStats $Emulator).measurements
                New-Point stream.metric 11 's11'
            } | Send-LibratoMetric -BatchSize 5 -ThrottleLimit 1
            # One batch in flight at a time: the second could start only once the first was accepted.
            $script:seenBeforeEnd | Should -BeGreaterOrEqual 5
            (Get-EmulatorStats $Emulator).measurements | Should -Be 11
        }

        It 'keeps several batches in flight with -ThrottleLimit, reporting them in order' {
            $items = 1..25 | ForEach-Object { New-Point throttle.metric $_ "s$_" }
            $out = $items | Send-LibratoMetric -BatchSize 5 -ThrottleLimit 3 -PassThru
            $out.Value | Should -Be (1..25)
            @(Get-SentBodies) | Should -HaveCount 5
            (Get-EmulatorStats $Emulator).per_metric.'throttle.metric'.measurements | Should -Be 25
        }

        It 'sends a later value of a point only after the batch with the earlier value is answered' {
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-3).ToUnixTimeSeconds()
            # The first two requests are held back (they go out side by side, in either order). The third batch holds a
            # new value of the first batch's point, so it waits for that batch instead of landing before it.
            Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 1500; count = 2; match = @{ method = 'POST' } }
            $items = @(
                New-Point order.metric 1 'a' $time
                New-Point order.metric 2 'b' $time
                New-Point order.metric 3 'a' $time
            )
            $items | Send-LibratoMetric -BatchSize 1 -ThrottleLimit 3
            $order = [int[]]@((Get-SentItems).value)
            $order | Should -HaveCount 3
            [array]::IndexOf($order, 3) | Should -BeGreaterThan ([array]::IndexOf($order, 1))
            (Get-EmulatorStats $Emulator).measurements | Should -Be 2
        }

        It 'splits legacy and tagged measurements to their own routes (AppOptics: refuses the legacy ones)' {
            $items = @(
                [pscustomobject]@{ Name = 'mixed.a'; Value = 1; Source = 'x' }
                [pscustomobject]@{ Name = 'mixed.b'; Value = 2; Tags = @{ region = 'us-east' } }
                [pscustomobject]@{ Name = 'mixed.a'; Value = 3; Source = 'y' }
            )
            $items | Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
            $requests = Get-EmulatorRequests $Emulator
            if ($Api -eq 'AppOptics') {
                $errs | Should -HaveCount 2
                $errs.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'Librato.AppOpticsNoSources*' }
                $errs[0].TargetObject | Should -Be $items[0]
                $errs[1].TargetObject | Should -Be $items[2]
                Assert-NoLegacyRequest
                @($requests | Where-Object path -EQ '/v1/measurements') | Should -HaveCount 1
                (Get-EmulatorStats $Emulator).per_metric.PSObject.Properties.Name | Should -Be 'mixed.b'
                return
            }

            $errs | Should -BeNullOrEmpty
            ($requests | Where-Object path -EQ '/v1/metrics').Count | Should -Be 1
            ($requests | Where-Object path -EQ '/v1/measurements').Count | Should -Be 1
            (Get-EmulatorStats $Emulator).measurements | Should -Be 3
        }

        It 'applies -Source, -Tags and -Time to objects that lack them' {
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds()
            if ($Api -eq 'AppOptics') {
                @(
                    [pscustomobject]@{ Name = 'defaults.a'; Value = 1 }
                    [pscustomobject]@{ Name = 'defaults.a'; Value = 2; Tags = @{ host = 'own' } }
                ) | Send-LibratoMetric -Tags @{ host = 'fallback' } -Time $time
                $sent = @(Get-SentItems -Expect 1)
                $sent.tags.host | Should -Be @('fallback', 'own')
                $sent.time | Should -Be @($time, $time)
                return
            }

            @(
                [pscustomobject]@{ Name = 'defaults.a'; Value = 1 }
                [pscustomobject]@{ Name = 'defaults.a'; Value = 2; Source = 'own' }
            ) | Send-LibratoMetric -Source fallback -Time $time
            $gauges = @(Get-SentBodies).gauges
            $gauges.source | Should -Be @('fallback', 'own')
            $gauges.measure_time | Should -Be @($time, $time)
        }
    }

    Context 'bad input' {
        It 'reports each bad item with a stable id and the item as target, and still sends the good ones' {
            # AppOptics needs a tag on each; without one every item would fail for that reason first.
            $t = if ($Api -eq 'AppOptics') { @{ host = 'h' } } else { $null }
            $good1 = [pscustomobject]@{ Name = 'good.one'; Value = 1; Tags = $t }
            $badName = [pscustomobject]@{ Name = 'bad name!'; Value = 1; Tags = $t }
            $nan = [pscustomobject]@{ Name = 'bad.nan'; Value = [double]::NaN; Tags = $t }
            $inf = [pscustomobject]@{ Name = 'bad.inf'; Value = [double]::PositiveInfinity; Tags = $t }
            $text = [pscustomobject]@{ Name = 'bad.text'; Value = 'lots'; Tags = $t }
            $noName = [pscustomobject]@{ Value = 1; Tags = $t }
            $badSource = [pscustomobject]@{ Name = 'bad.source'; Value = 1; Source = 'all' }
            $good2 = [pscustomobject]@{ Name = 'good.two'; Value = 2; Tags = $t }
            $good1, $badName, $nan, $inf, $text, $noName, $badSource, $good2 |
                Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue

            $errs | Should -HaveCount 6
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName*'
            $errs[0].TargetObject | Should -Be $badName
            $errs[1].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue*'
            $errs[1].TargetObject | Should -Be $nan
            $errs[2].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue*'
            $errs[3].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue*'
            $errs[3].TargetObject | Should -Be $text
            $errs[4].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidInputObject*'
            $errs[5].FullyQualifiedErrorId | Should -BeLike $(if ($Api -eq 'AppOptics') { 'Librato.AppOpticsNoSources*' } else { 'Librato.InvalidSource*' })
            $errs[5].TargetObject | Should -Be $badSource
            $errs | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidData' }

            $stats = Get-EmulatorStats $Emulator
            $stats.measurements | Should -Be 2
            $stats.per_metric.PSObject.Properties.Name | Sort-Object | Should -Be @('good.one', 'good.two')
        }

        It 'rejects a value given by parameter that the API would refuse' {
            Send-LibratoMetric -Name bad.param -Value ([double]::NaN) @Placed -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue*'
            $errs[0].TargetObject.Name | Should -Be 'bad.param'
            Get-SentBodies | Should -BeNullOrEmpty
        }

        It 'reports a batch the API refused with its measurements as target (AppOptics: the counter never leaves)' {
            if ($Api -eq 'AppOptics') {
                Send-LibratoMetric -Name typed.metric -Value 1 -Type counter -ErrorVariable errs -ErrorAction SilentlyContinue
                Send-LibratoMetric -Name typed.metric -Value 2 @Placed
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AppOpticsNoCounters*'
                Assert-NoLegacyRequest
                (Get-EmulatorStats $Emulator).per_metric.'typed.metric'.measurements | Should -Be 1
                return
            }

            Send-LibratoMetric -Name typed.metric -Value 1 -Type counter
            Send-LibratoMetric -Name typed.metric -Value 2 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MeasurementRejected*'
            $errs[0].TargetObject.Name | Should -Be 'typed.metric'
            $errs[0].TargetObject.Value | Should -Be 2
            $errs[0].Exception.Message | Should -Match 'counter'
            $errs[0].ErrorDetails.Message | Should -Match "The API refused 'typed.metric'"
        }
    }

    Context 'progress' {
        BeforeAll {
            function script:Invoke-Captured([scriptblock] $Script, [object[]] $Arguments) {
                # Progress cannot be redirected, so run the command in its own PowerShell and read the stream there.
                $ps = [powershell]::Create()
                try {
                    $ps.AddScript($Script) | Out-Null
                    foreach ($a in $Arguments) { $ps.AddArgument($a) | Out-Null }
                    $ps.Invoke() | Out-Null
                    , @($ps.Streams.Progress)
                }
                finally { $ps.Dispose() }
            }
        }

        It 'shows the count and rate of a long send, and completes the bar' {
            Add-EmulatorFault $Emulator @{ kind = 'delay'; delay_ms = 200; count = 20; match = @{ method = 'POST' } }
            $records = Invoke-Captured {
                param($module, $session, $items)
                Import-Module $module
                $items | Send-LibratoMetric -BatchSize 100 -Session $session
            } @((Join-Path $ModulePath 'Librato.psd1'), (Get-LibratoSession), @(1..2000 | ForEach-Object { New-Point progress.metric $_ "s$_" }))
            $records | Should -Not -BeNullOrEmpty
            $records[0].ActivityId | Should -Be 9401
            $records[0].StatusDescription | Should -Match 'measurements sent \(.* a second\)'
            $records[-1].RecordType | Should -Be 'Completed'
            (Get-EmulatorStats $Emulator).per_metric.'progress.metric'.measurements | Should -Be 2000
        }

        It 'shows nothing for short work' {
            $records = Invoke-Captured {
                param($module, $session)
                Import-Module $module
                Send-LibratoMetric -Name progress.short -Value 1 -Session $session -Tags @{ host = 'h' }
            } @((Join-Path $ModulePath 'Librato.psd1'), (Get-LibratoSession))
            $records | Should -BeNullOrEmpty
        }
    }

    Context 'volume' {
        It 'stores exactly 100,000 measurements piped with distinct sources' {
            $time = [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds()
            $list = [System.Collections.Generic.List[object]]::new(100000)
            for ($i = 0; $i -lt 100000; $i++) {
                $list.Add((New-Point volume.metric $i "host-$i" $time))
            }
            $list | Send-LibratoMetric
            $stats = Get-EmulatorStats $Emulator
            $stats.per_metric.'volume.metric'.measurements | Should -Be 100000
            $stats.per_metric.'volume.metric'.series | Should -Be 100000
        }
    }
}
