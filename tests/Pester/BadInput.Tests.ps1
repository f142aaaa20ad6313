# A table of bad inputs across the cmdlets, each with the error id it must give; in a pipeline the good items
# around a bad one still land.
BeforeDiscovery {
    $old = [DateTimeOffset]::UtcNow.AddDays(-400).ToUnixTimeSeconds()
    $ahead = [DateTimeOffset]::UtcNow.AddDays(1).ToUnixTimeSeconds()
    $manyTags = @{}; 1..51 | ForEach-Object { $manyTags["t$_"] = 'v' }
    $script:PipelineCases = @(
        @{ Case = 'a name with a space'; Item = @{ Name = 'bad name'; Value = 1 }; Id = 'Librato.InvalidMetricName' }
        @{ Case = 'a name of 256 characters'; Item = @{ Name = 'n' * 256; Value = 1 }; Id = 'Librato.InvalidMetricName' }
        @{ Case = 'a name with non-ASCII letters'; Item = @{ Name = 'größe'; Value = 1 }; Id = 'Librato.InvalidMetricName' }
        @{ Case = 'a name with a slash'; Item = @{ Name = 'a/b'; Value = 1 }; Id = 'Librato.InvalidMetricName' }
        @{ Case = 'a name with a percent sign'; Item = @{ Name = 'cpu%'; Value = 1 }; Id = 'Librato.InvalidMetricName' }
        @{ Case = 'an empty name'; Item = @{ Name = ''; Value = 1 }; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'no name at all'; Item = @{ Value = 1 }; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'the reserved source all'; Item = @{ Name = 'm'; Value = 1; Source = 'all' }; Id = 'Librato.InvalidSource' }
        @{ Case = 'the reserved source ALL'; Item = @{ Name = 'm'; Value = 1; Source = 'ALL' }; Id = 'Librato.InvalidSource' }
        @{ Case = 'a source with a space'; Item = @{ Name = 'm'; Value = 1; Source = 'web 1' }; Id = 'Librato.InvalidSource' }
        @{ Case = 'a source of 256 characters'; Item = @{ Name = 'm'; Value = 1; Source = 's' * 256 }; Id = 'Librato.InvalidSource' }
        @{ Case = 'a tag name with a space'; Item = @{ Name = 'm'; Value = 1; Tags = @{ 'bad name' = 'v' } }; Id = 'Librato.InvalidTagName' }
        @{ Case = 'a tag name of 65 characters'; Item = @{ Name = 'm'; Value = 1; Tags = @{ ('t' * 65) = 'v' } }; Id = 'Librato.InvalidTagName' }
        @{ Case = 'a tag name with a star'; Item = @{ Name = 'm'; Value = 1; Tags = @{ 'a*' = 'v' } }; Id = 'Librato.InvalidTagName' }
        @{ Case = 'a tag value with a semicolon'; Item = @{ Name = 'm'; Value = 1; Tags = @{ k = 'a;b' } }; Id = 'Librato.InvalidTagValue' }
        @{ Case = 'a tag value of 256 characters'; Item = @{ Name = 'm'; Value = 1; Tags = @{ k = 'v' * 256 } }; Id = 'Librato.InvalidTagValue' }
        @{ Case = 'an empty tag value'; Item = @{ Name = 'm'; Value = 1; Tags = @{ k = '' } }; Id = 'Librato.InvalidTagValue' }
        @{ Case = 'a null tag value'; Item = @{ Name = 'm'; Value = 1; Tags = @{ k = $null } }; Id = 'Librato.InvalidTagValue' }
        @{ Case = '51 tags'; Item = @{ Name = 'm'; Value = 1; Tags = $manyTags }; Id = 'Librato.TooManyTags' }
        @{ Case = 'tags that are not a hashtable'; Item = @{ Name = 'm'; Value = 1; Tags = 'region=us' }; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'NaN'; Item = @{ Name = 'm'; Value = [double]::NaN }; Id = 'Librato.InvalidValue' }
        @{ Case = 'positive infinity'; Item = @{ Name = 'm'; Value = [double]::PositiveInfinity }; Id = 'Librato.InvalidValue' }
        @{ Case = 'negative infinity'; Item = @{ Name = 'm'; Value = [double]::NegativeInfinity }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a huge exponent'; Item = @{ Name = 'm'; Value = 1e200 }; Id = 'Librato.InvalidValue' }
        @{ Case = 'exponent 127'; Item = @{ Name = 'm'; Value = -1e127 }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a huge exponent as text'; Item = @{ Name = 'm'; Value = '1e300' }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a word as value'; Item = @{ Name = 'm'; Value = 'lots' }; Id = 'Librato.InvalidValue' }
        @{ Case = 'NaN as text'; Item = @{ Name = 'm'; Value = 'NaN' }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a boolean value'; Item = @{ Name = 'm'; Value = $true }; Id = 'Librato.InvalidValue' }
        @{ Case = 'an array value'; Item = @{ Name = 'm'; Value = @(1, 2) }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a hashtable value'; Item = @{ Name = 'm'; Value = @{ a = 1 } }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a null value'; Item = @{ Name = 'm'; Value = $null }; Id = 'Librato.MissingValue' }
        @{ Case = 'a count without a sum'; Item = @{ Name = 'm'; Count = 3 }; Id = 'Librato.CountWithoutSum' }
        @{ Case = 'a count of zero'; Item = @{ Name = 'm'; Count = 0; Sum = 1 }; Id = 'Librato.InvalidCount' }
        @{ Case = 'a fractional count'; Item = @{ Name = 'm'; Count = 1.5; Sum = 1 }; Id = 'Librato.InvalidCount' }
        @{ Case = 'a value with a count'; Item = @{ Name = 'm'; Value = 1; Count = 2; Sum = 3 }; Id = 'Librato.ValueWithCount' }
        @{ Case = 'a sum that is not a number'; Item = @{ Name = 'm'; Count = 2; Sum = 'x' }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a NaN minimum'; Item = @{ Name = 'm'; Count = 2; Sum = 3; Min = [double]::NaN }; Id = 'Librato.InvalidValue' }
        @{ Case = 'an infinite maximum'; Item = @{ Name = 'm'; Count = 2; Sum = 3; Max = [double]::PositiveInfinity }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a standard deviation that is not a number'; Item = @{ Name = 'm'; Count = 2; Sum = 3; StdDev = 'x'; Tags = @{ k = 'v' } }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a time too old'; Item = @{ Name = 'm'; Value = 1; Time = $old }; Id = 'Librato.TimeTooOld' }
        @{ Case = 'a time too far ahead'; Item = @{ Name = 'm'; Value = 1; Time = $ahead }; Id = 'Librato.TimeTooFarAhead' }
        @{ Case = 'a time that is not a date'; Item = @{ Name = 'm'; Value = 1; Time = 'yesterday-ish' }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a time in epoch milliseconds'; Item = @{ Name = 'm'; Value = 1; Time = [long]1796641736000 }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a time in epoch milliseconds as a string'; Item = @{ Name = 'm'; Value = 1; Time = '1796641736000' }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a time of [datetime]::MaxValue'; Item = @{ Name = 'm'; Value = 1; Time = [datetime]::MaxValue }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a time of [datetime]::MinValue'; Item = @{ Name = 'm'; Value = 1; Time = [datetime]::MinValue }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a negative time'; Item = @{ Name = 'm'; Value = 1; Time = -5 }; Id = 'Librato.InvalidTime' }
        @{ Case = 'a value too large for a number'; Item = @{ Name = 'm'; Value = [bigint]::Pow(10, 400) }; Id = 'Librato.InvalidValue' }
        @{ Case = 'an unknown type'; Item = @{ Name = 'm'; Value = 1; Type = 'histogram' }; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'a counter with tags'; Item = @{ Name = 'm'; Value = 1; Type = 'counter'; Tags = @{ k = 'v' } }; Id = 'Librato.CounterWithTags' }
        @{ Case = 'a zero period'; Item = @{ Name = 'm'; Value = 1; Period = 0 }; Id = 'Librato.InvalidPeriod' }
        @{ Case = 'a period that is not a number'; Item = @{ Name = 'm'; Value = 1; Period = 'minute' }; Id = 'Librato.InvalidPeriod' }
        @{ Case = 'a null in the pipeline'; Item = $null; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'a value with a decimal comma'; Item = @{ Name = 'm'; Value = '1,5' }; Id = 'Librato.InvalidValue' }
        @{ Case = 'a tag whose value is a table'; Item = @{ Name = 'm'; Value = 1; Tags = @{ a = @{ b = 1 } } }; Id = 'Librato.InvalidTag' }
        @{ Case = 'a plain number without -Name'; Item = 42; Id = 'Librato.InvalidInputObject' }
        @{ Case = 'a counter sample with a bad path'; Item = 'sample:bad-path'; Id = 'Librato.InvalidCounterSample' }
        @{ Case = 'a counter sample that failed'; Item = 'sample:status'; Id = 'Librato.InvalidCounterSample' }
        @{ Case = 'a counter sample without a value'; Item = 'sample:novalue'; Id = 'Librato.InvalidValue' }
    )
    $script:ParameterCases = @(
        @{ Case = 'Send -Value not a number'; Script = { Send-LibratoMetric -Name m -Value 'abc' }; Id = 'Librato.InvalidValue,*' }
        @{ Case = 'Send -Value with a decimal comma'; Script = { Send-LibratoMetric -Name m -Value '1,5' }; Id = 'Librato.InvalidValue,*' }
        @{ Case = 'Send -Value $null'; Script = { Send-LibratoMetric -Name m -Value $null }; Id = 'Librato.MissingValue,*' }
        @{ Case = 'Send -Tags with a table as a value'; Script = { Send-LibratoMetric -Name m -Value 1 -Tags @{ a = @{ b = 1 } } }; Id = 'Librato.InvalidTag,*' }
        @{ Case = 'New-LibratoQueue -Tags with a list as a value'; Script = { New-LibratoQueue -Tags @{ a = 1, 2 } }; Id = 'Librato.InvalidTag,*' }
        @{ Case = 'Connect-Librato -DefaultTags with a table as a value'; Script = { Connect-Librato -Email a@b.c -Token (ConvertTo-SecureString t -AsPlainText -Force) -DefaultTags @{ a = @{ b = 1 } } }; Id = 'Librato.InvalidTag,*' }
        @{ Case = 'Send -BatchSize 0'; Script = { Send-LibratoMetric -Name m -Value 1 -BatchSize 0 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Send -BatchSize 1001'; Script = { Send-LibratoMetric -Name m -Value 1 -BatchSize 1001 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Send -Type histogram'; Script = { Send-LibratoMetric -Name m -Value 1 -Type histogram }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Send -Tags neither a hashtable nor name=value'; Script = { Send-LibratoMetric -Name m -Value 1 -Tags 'a' }; Id = 'ParameterArgumentTransformationError*' }
        @{ Case = 'Send -Time not a date'; Script = { Send-LibratoMetric -Name m -Value 1 -Time 'soon' }; Id = 'CannotConvertArgument*' }
        @{ Case = 'Send -Time in epoch milliseconds'; Script = { Send-LibratoMetric -Name m -Value 1 -Time 1796641736000 }; Id = 'ParameterArgumentTransformationError*' }
        @{ Case = 'Get-LibratoMeasurement -Duration 5x'; Script = { Get-LibratoMeasurement m -Duration 5x }; Id = 'ParameterArgumentTransformationError*' }
        @{ Case = 'Get-LibratoMetric -Resolution 0'; Script = { Get-LibratoMetric m -Resolution 0 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Get-LibratoMetric -Count 0'; Script = { Get-LibratoMetric m -Count 0 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Get-LibratoMeasurement -SummaryFunction median'; Script = { Get-LibratoMeasurement m -SummaryFunction median }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Get-LibratoMeasurement -Resolution 604801'; Script = { Get-LibratoMeasurement m -Resolution 604801 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Set-LibratoMetric -Color red'; Script = { Set-LibratoMetric m -Color red }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'Set-LibratoMetric without a property'; Script = { Set-LibratoMetric m }; Id = 'Librato.NothingToUpdate*' }
        @{ Case = 'New-LibratoQueue -BatchSize 5000'; Script = { New-LibratoQueue -BatchSize 5000 }; Id = 'ParameterArgumentValidationError*' }
        @{ Case = 'New-LibratoQueue -AutoSubmitInterval 0'; Script = { New-LibratoQueue -AutoSubmitInterval 0 }; Id = 'Librato.InvalidInterval*' }
        @{ Case = 'Connect-Librato -DefaultTags with a bad name'; Script = { Connect-Librato -Email a@b.c -Token (ConvertTo-SecureString t -AsPlainText -Force) -DefaultTags @{ 'bad name' = 'x' } }; Id = 'Librato.InvalidTagName*' }
        @{ Case = 'Connect-Librato -TimeoutSec 0'; Script = { Connect-Librato -Email a@b.c -Token (ConvertTo-SecureString t -AsPlainText -Force) -TimeoutSec 0 }; Id = 'ParameterArgumentValidationError*' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    $script:Session = Connect-TestEmulator $Emulator

    function script:New-BadSample([string] $Kind) {
        $sample = [pscustomobject]@{ Path = '\\web1\memory\available mbytes'; CookedValue = 1; Timestamp = (Get-Date); Status = 0 }
        switch ($Kind) {
            'sample:bad-path' { $sample.Path = 'not a counter path' }
            'sample:status' { $sample.Status = 3 }
            'sample:novalue' { $sample.CookedValue = $null }
        }
        $sample.PSObject.TypeNames.Insert(0, 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample')
        $sample
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Bad pipeline input' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'reports <Case> as <Id> with the item as target, and the good items land' -ForEach $PipelineCases {
        $bad = if ($Item -is [hashtable]) { [pscustomobject]$Item } elseif ($Item -is [string] -and $Item -like 'sample:*') { New-BadSample $Item } else { $Item }
        $before = [pscustomobject]@{ Name = 'good.before'; Value = 1 }
        $after = [pscustomobject]@{ Name = 'good.after'; Value = 2 }
        $before, $bad, $after | Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        if ($null -ne $bad) { $errs[0].TargetObject | Should -Be $bad }
        $errs[0].Exception.Message | Should -Not -BeNullOrEmpty
        $stats = Get-EmulatorStats $Emulator
        ($stats.per_metric.PSObject.Properties.Name | Sort-Object) | Should -Be @('good.after', 'good.before')
    }

    It 'says what a time out of range was taken for: <Case>' -ForEach @(
        @{ Case = 'epoch milliseconds'; Time = [long]1796641736000; Says = 'epoch milliseconds \(2026-12-07 11:08:56Z\): divide it by 1,000' }
        @{ Case = 'epoch microseconds'; Time = [decimal]1796641736000000; Says = 'epoch microseconds .*divide it by 1,000,000' }
        @{ Case = 'DateTime.MaxValue'; Time = [datetime]::MaxValue; Says = 'DateTime.MaxValue, which stands for no time at all' }
        @{ Case = 'a time before 1970'; Time = [datetime]'1969-07-20'; Says = 'before 1970' }
    ) {
        [pscustomobject]@{ Name = 'm'; Value = 1; Time = $Time } | Send-LibratoMetric -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].Exception.Message | Should -Match "Time .* of 'm' is not a time a measurement can have: .*$Says"
    }

    It 'keeps sending after an out-of-range time, with -ErrorAction SilentlyContinue as with Stop caught per item' {
        $now = [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds()
        $items = @(
            [pscustomobject]@{ Name = 'time.good'; Value = 1; Source = 'a'; Time = $now }
            [pscustomobject]@{ Name = 'time.bad'; Value = 2; Source = 'b'; Time = [long]$now * 1000 }
            [pscustomobject]@{ Name = 'time.good'; Value = 3; Source = 'c'; Time = $now }
        )
        $items | Send-LibratoMetric -ErrorAction SilentlyContinue -ErrorVariable errs
        $errs | Should -HaveCount 1
        (Get-EmulatorStats $Emulator).per_metric.'time.good'.measurements | Should -Be 2
    }

    It 'reads every numeric type a script passes as the number it is: <Type>' -ForEach @(
        @{ Type = 'decimal'; Convert = { param($n) [decimal]$n } }
        @{ Type = 'single'; Convert = { param($n) [single]$n } }
        @{ Type = 'double'; Convert = { param($n) [double]$n } }
        @{ Type = 'uint32'; Convert = { param($n) [uint32]$n } }
        @{ Type = 'uint64'; Convert = { param($n) [uint64]$n } }
        @{ Type = 'int64'; Convert = { param($n) [long]$n } }
        @{ Type = 'bigint'; Convert = { param($n) [bigint]$n } }
        @{ Type = 'string'; Convert = { param($n) "$n" } }
    ) {
        # A time that a [single] holds exactly (a multiple of 128), a minute or so ago, and a value it holds exactly.
        $time = [long]([math]::Floor([DateTimeOffset]::UtcNow.AddMinutes(-2).ToUnixTimeSeconds() / 128) * 128)
        [pscustomobject]@{ Name = "numbers.$Type"; Value = (& $Convert 42); Time = (& $Convert $time); Source = 'x' } | Send-LibratoMetric
        $sent = (Get-EmulatorRequests $Emulator | Where-Object path -EQ '/v1/metrics').body | ConvertFrom-Json
        $sent.gauges[0].value | Should -Be 42
        $sent.gauges[0].measure_time | Should -Be $time
    }

    It 'sends nothing and reports nothing for an empty pipeline' {
        @() | Send-LibratoMetric -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        Get-EmulatorRequests $Emulator | Should -BeNullOrEmpty
    }
}

Describe 'Bad parameters' {
    It '<Case> fails with <Id>' -ForEach $ParameterCases {
        $err = { & $Script } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike $Id
        Connect-TestEmulator $Emulator | Out-Null
    }
}

Describe 'Malformed answers from a server' {
    BeforeEach { Reset-Emulator $Emulator; Send-LibratoMetric -Name answer.metric -Value 1 }

    It 'gives Librato.MalformedResponse for <Kind>' -ForEach @(
        @{ Kind = 'an HTML page with 200'; Fault = @{ kind = 'nonjson'; status = 200 } }
        @{ Kind = 'a truncated JSON body'; Fault = @{ kind = 'truncate'; bytes = 20 } }
        @{ Kind = 'an empty 200'; Fault = @{ kind = 'status'; status = 200; body = '' } }
        @{ Kind = 'JSON of the wrong content type'; Fault = @{ kind = 'status'; status = 200; body = 'metrics'; content_type = 'text/plain' } }
    ) {
        $Fault.match = @{ method = 'GET'; path = '/v1/metrics' }
        $Fault.count = 1
        Add-EmulatorFault $Emulator $Fault
        $err = { Get-LibratoMetric } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.MalformedResponse*'
        $err.Exception.Message | Should -Match 'GET'
    }

    It 'retries an HTML 502 page and then succeeds' {
        Add-EmulatorFault $Emulator @{ kind = 'nonjson'; status = 502; count = 1; match = @{ method = 'GET'; path = '/v1/metrics' } }
        (Get-LibratoMetric).Name | Should -Contain 'answer.metric'
    }

    It 'tolerates fields it does not know' {
        Add-EmulatorFault $Emulator @{
            kind = 'status'; status = 200; count = 1; match = @{ method = 'GET'; path = '/v1/metrics' }
            body = '{"query":{"found":1,"length":1,"offset":0,"total":1},"metrics":[{"name":"x","type":"gauge","brand_new_field":{"a":[1,2]}}],"extra":true}'
        }
        (Get-LibratoMetric).Name | Should -Be 'x'
    }
}

Describe 'One way to read a value' {
    It 'gives -Value "1,5" the message a piped "1,5" gets, and stores neither' {
        try { Send-LibratoMetric -Name one.parser -Value '1,5' } catch { $parameter = $_ }
        [pscustomobject]@{ Name = 'one.parser'; Value = '1,5' } | Send-LibratoMetric -ErrorVariable piped -ErrorAction SilentlyContinue
        $expected = "Value '1,5' is not a number: write numbers with a dot for the decimals and without thousands separators (1.5, 1500)."
        # The same error either way: the id, and the message but for the piped input's place.
        $parameter.FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue,*'
        $parameter.Exception.Message | Should -Be $expected
        $piped[0].Exception.Message | Should -Be ("Input 1 (metric 'one.parser'): " + $expected)
        $piped[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidValue,*'
        (Get-EmulatorStats $Emulator).per_metric.'one.parser' | Should -BeNullOrEmpty
    }

    It 'says how to write a duration it cannot read' {
        { Get-LibratoMeasurement m -Duration 5x } | Should -Throw "*'5x' is not a duration: write it as 90s, 5m, 2h30m or 1d, as a number of seconds (3600), or as hh:mm:ss (01:00:00).*"
        (Get-Command Get-LibratoMeasurement).Parameters['Duration'].Attributes | Where-Object { $_ -is [Librato.PowerShell.SecondsAttribute] } | Should -Not -BeNullOrEmpty
    }

    It 'says that an unquoted 1,5 is a list of two values, not a number' {
        { Send-LibratoMetric -Name one.parser -Value 1,5 } | Should -Throw '*Value is a list of 2 values (1, 5), not one number: in PowerShell a comma makes a list, so write 1.5, not 1,5.*'
    }

    It 'refuses $null from an undefined variable in a queue or an aggregator instead of storing 0' {
        $queue = New-LibratoQueue
        { $queue.Add('one.parser.queue', $undefinedTotal, 'nas-1') } | Should -Throw '*$null*never set*'
        { $queue.AddCounter('one.parser.queue', '1,5') } | Should -Throw "*Value '1,5' is not a number*"
        $queue.Add('one.parser.queue', '2.5', 'nas-1')
        $queue.Count | Should -Be 1
        $queue.Pending[0].Value | Should -Be 2.5
        $aggregator = New-LibratoAggregator
        { $aggregator.Add('one.parser.aggregate', $null) } | Should -Throw '*$null*'
        $aggregator.Count | Should -Be 0
        $queue.Dispose()
    }

    It 'names the tag whose value is not text or a number' {
        [pscustomobject]@{ Name = 'one.parser.tags'; Value = 1; Tags = @{ host = 'a'; role = @{ b = 1 } } } |
            Send-LibratoMetric -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidTag,*'
        $failed[0].Exception.Message | Should -Match "Tags of 'one.parser.tags': the tag 'role' has a hashtable as its value; a tag value is one piece of text or a number"
        (Get-EmulatorStats $Emulator).per_metric.'one.parser.tags' | Should -BeNullOrEmpty
    }
}

Describe 'Input errors say which input they are about' {
    It 'names the row of a CSV, its metric and its source' {
        $csv = "Name,Value,Source`nweb.cpu,12,web1`nweb.cpu,abc,web2`nweb.mem,7,web1"
        $csv | ConvertFrom-Csv | Send-LibratoMetric -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Be "Input 2 (metric 'web.cpu', source 'web2'): Value 'abc' is not a number: write numbers with a dot for the decimals and without thousands separators (1.5, 1500)."
        $failed[0].TargetObject.Source | Should -Be 'web2'
    }

    It 'counts the items of an -InputObject list one by one, as if they were piped' {
        Send-LibratoMetric -InputObject @([pscustomobject]@{ Name = 'ok.metric'; Value = 1 }, [pscustomobject]@{ Name = 'list.metric'; Value = 'x' }) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -BeLike "Input 2 (metric 'list.metric'): Value 'x' is not a number*"
    }

    It 'names the row of a measurement the rules refuse, and how to fix the name' {
        "Name,Value,Source`nok.metric,1,a`nbad name,2,b" | ConvertFrom-Csv | Send-LibratoMetric -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName,*'
        $failed[0].Exception.Message | Should -Match "^Input 2 \(metric 'bad name', source 'b'\): 'bad name' is not a valid metric name: it has a space.*ConvertTo-LibratoMetricName"
    }
}

Describe 'Refusals from the API say what was refused and what to do' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'refuses an invalid metric name to change before any request, with the rules and the commands that make a valid name' {
        Set-LibratoMetric 'bad name!' -Description x -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName,*'
        $failed[0].Exception.Message | Should -Be ("'bad name!' is not a valid metric name: it has a space, '!', " +
            "and a metric name takes only the characters A-Z a-z 0-9 . : - _. ConvertTo-LibratoMetricName gives a valid name, and Connect-Librato -SanitizeMetricNames makes every name valid.")
        @(Get-EmulatorRequests $Emulator | Where-Object method -EQ 'PUT') | Should -BeNullOrEmpty
    }

    It 'gives the length and the limit of a long name, shortened' {
        Set-LibratoMetric ('a' * 150 + 'b' * 150) -Description x -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -BeLike "The metric name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa…bbbbbbbbbbbbbbbbbbbbbbbbbbbbb' is 300 characters long; a metric name has at most 255.*ConvertTo-LibratoMetricName*"
        $failed[0].Exception.Message | Should -Not -Match 'a{40}'
    }

    It 'says what an annotation stream name takes, in words, with the route and status kept for -Verbose and the exception' {
        New-LibratoAnnotation -Stream 'bad stream!' -Title deploy -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1 | Set-Variable verbose
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidRequest,*'
        ($failed[0] | Out-String) | Should -Not -Match 'v1/|400'
        $failed[0].Exception.Message | Should -BeLike '*400 (invalid request) to POST v1/annotations/bad%20stream%21*'
        ($verbose.Message | Where-Object { $_ -like 'POST *v1/annotations/bad*-> 400*' }) | Should -Not -BeNullOrEmpty
        $failed[0].ErrorDetails.Message | Should -Be ("Librato refused to add an annotation to annotation stream 'bad stream!': the name is invalid. " +
            "An annotation stream's name is 1 to 255 of the characters A-Z a-z 0-9 . : - _; put other text in the annotation's -Title.")
    }

    It 'names the fix in a queue''s refusal too' {
        $queue = New-LibratoQueue
        { $queue.Add('bad name!', 1) } | Should -Throw "*'bad name!' is not a valid metric name*ConvertTo-LibratoMetricName gives a valid name*"
        $queue.Count | Should -Be 0
    }
}
