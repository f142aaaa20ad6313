BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function script:Get-WhatIfText([scriptblock] $Run) {
        # What if: lines go to the host, not to a stream: a transcript catches them.
        $transcript = Join-Path $TestDrive ([guid]::NewGuid().ToString('n') + '.txt')
        Start-Transcript -Path $transcript | Out-Null
        try { & $Run | Out-Null } finally { Stop-Transcript | Out-Null }
        (Get-Content $transcript | Where-Object { $_ -like 'What if:*' }) -join "`n"
    }
}

Describe 'Previews and messages of changes name what they change' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator
        Connect-TestEmulator $Emulator | Out-Null
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        0..24 | ForEach-Object { [pscustomobject]@{ Name = 'bulk.m{0:d2}' -f $_; Value = 1; Source = 's'; Time = $now } } | Send-LibratoMetric
        Send-LibratoMetric -Name keep.me -Value 1 -Source s
    }

    AfterAll {
        Disconnect-Librato
        $Emulator | Stop-LibratoEmulator
    }

    It '-WhatIf on a pattern names the first 20 metrics and counts the rest, and removes nothing' {
        $text = Get-WhatIfText { Remove-LibratoMetric -Pattern 'bulk.*' -Exclude 'bulk.m00' -WhatIf }
        $text | Should -Match "24 metric\(s\) matching 'bulk\.\*' except bulk\.m00: bulk\.m01, bulk\.m02, .*bulk\.m20 and 4 more"
        $text | Should -Not -Match 'bulk\.m21'
        @(Get-LibratoMetric 'bulk.*') | Should -HaveCount 25
    }

    It '-Force -Verbose says which metrics were removed' {
        $verbose = Remove-LibratoMetric -Pattern 'bulk.m2*' -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "Removed 5 metric\(s\) matching 'bulk\.m2\*': bulk\.m20, bulk\.m21, bulk\.m22, bulk\.m23, bulk\.m24\."
        @(Get-LibratoMetric 'bulk.*') | Should -HaveCount 20
    }

    It 'warns and removes nothing when the pattern matches no metric' {
        Remove-LibratoMetric -Pattern 'nothing.here.*' -Force -Verbose -WarningVariable warned 3>$null 4>$null
        "$warned" | Should -Match "No metric matches 'nothing\.here\.\*'"
    }

    It 'points a wildcard given as -Name to -Pattern instead of saying there is no such metric' {
        Remove-LibratoMetric 'bulk.*' -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.WildcardInName,*'
        $failed[0].Exception.Message | Should -Match "use -Pattern 'bulk\.\*'"
        @(Get-LibratoMetric 'bulk.*') | Should -HaveCount 20
    }

    It 'previews a pattern update with the metrics it would change' {
        $text = Get-WhatIfText { Set-LibratoMetric -Pattern 'bulk.m0*' -DisplayUnitsShort ms -WhatIf }
        $text | Should -Match "10 metric\(s\) matching 'bulk\.m0\*': bulk\.m00, bulk\.m01"
        $text | Should -BeLike 'What if: Performing the operation "Set -DisplayUnitsShort" on target*'
    }

    It 'names in a preview of a Set what it would change, and of what' {
        $text = Get-WhatIfText { Set-LibratoMetric keep.me -Description 'kept' -Period 60 -WhatIf }
        $text | Should -Be 'What if: Performing the operation "Set -Description, -Period" on target "metric ''keep.me''".'
        $alert = New-LibratoAlert previewed -MetricName keep.me -Above 5
        $text = Get-WhatIfText { Set-LibratoAlert previewed -Description 'x' -RearmSeconds 900 -WhatIf }
        $text | Should -Be "What if: Performing the operation ""Set -Description, -RearmSeconds"" on target ""alert 'previewed' ($($alert.Id))""."
        (Get-LibratoAlert previewed).Description | Should -BeNullOrEmpty
        Remove-LibratoAlert previewed -Force
    }

    It 'refuses a second space or service of one name with Librato.AlreadyExists, unless -Force' {
        New-LibratoSpace Production | Out-Null
        New-LibratoSpace Production -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlreadyExists,*'
        $failed[0].Exception.Message | Should -Match "A space named 'Production' exists already \(id \d+\).*-Force"
        @(Get-LibratoSpace Production) | Should -HaveCount 1
        New-LibratoSpace Production -Force | Out-Null
        @(Get-LibratoSpace Production) | Should -HaveCount 2

        New-LibratoService ops -Type mail -Settings @{ addresses = 'ops@example.com' } | Out-Null
        New-LibratoService OPS -Type mail -Settings @{ addresses = 'b@example.com' } -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.AlreadyExists,*'
        @(Get-LibratoService | Where-Object Title -EQ 'ops') | Should -HaveCount 1
    }

    It 'says with -Verbose which alert it removed' {
        $alert = New-LibratoAlert preview.alert -Condition @{ type = 'above'; metric_name = 'keep.me'; threshold = 5 }
        $verbose = $alert | Remove-LibratoAlert -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "Removed alert 'preview\.alert' \($($alert.Id)\)\."
    }

    It 'says a metric to change does not exist, and how to create it, instead of the API''s demand for a type' {
        Set-LibratoMetric nosuch.metric -Description x -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound,*'
        $failed[0].Exception.Message | Should -Match "There is no metric named 'nosuch\.metric' to change\. Send a measurement to create it, or add -Type gauge"
        $failed[0].Exception.Message | Should -Not -Match '400|PUT'
    }

    It 'names the length of a long metric name, shortened, and the commands that make a name valid' {
        $name = 'payments.' + ('a' * 300)
        Send-LibratoMetric -Name $name -Value 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName,*'
        $failed[0].Exception.Message | Should -Match 'is 309 characters long; a metric name has at most 255\. ConvertTo-LibratoMetricName gives a valid name'
        $failed[0].Exception.Message.Length | Should -BeLessThan 250
        Send-LibratoMetric -Name 'disk free %' -Value 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -Match "'disk free %' is not a valid metric name: it has a space, '%'"
    }

    It 'gives the file, line and column of a JSON mistake in a space definition' {
        $file = Join-Path $TestDrive 'broken.json'
        Set-Content -Path $file -Value "{`n  name: 1 }"
        Import-LibratoSpace -Path $file -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidSpaceDefinition,*'
        "$($failed[0])" | Should -Match ([regex]::Escape($file) + ": The space definition is not valid JSON: line 2, column 3: 'n' is an invalid start of a property name")
        "$($failed[0])" | Should -Not -Match 'LineNumber|BytePositionInLine'
    }

    It 'refuses a resolution a composite over sources cannot have, naming the ones it can, before asking the API' {
        $before = @(Get-EmulatorRequests $Emulator).Count
        Get-LibratoMeasurement -Compose 's("keep.me", "*")' -Resolution 30 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidResolution,*'
        $failed[0].Exception.Message | Should -Match '-Resolution 30 is not one a composite over series by source can have: they offer 1, 60, 900, 3600, 86400 \(seconds\)\. Use -Resolution 60'
        @(Get-EmulatorRequests $Emulator).Count | Should -Be $before
    }
}
