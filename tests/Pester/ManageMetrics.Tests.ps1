BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-LibratoEmulator -Path $EmulatorPath
    Connect-TestEmulator $Emulator | Out-Null

    function script:Get-StoredMetric([string] $Name) {
        $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Emulator.Email):$($Emulator.Token)"))
        Invoke-RestMethod -Uri "$($Emulator.Url)/v1/metrics/$Name" -Headers @{ Authorization = "Basic $pair" }
    }
}

AfterAll {
    Disconnect-Librato
    $Emulator | Stop-LibratoEmulator
}

Describe 'Set-LibratoMetric' {
    BeforeEach {
        Reset-Emulator $Emulator
        'api.latency', 'api.errors', 'db.latency' | ForEach-Object { Send-LibratoMetric -Name $_ -Value 1 }
    }

    It 'sets description, display name, period and attributes of one metric' {
        Set-LibratoMetric api.latency -Description 'API latency' -DisplayName 'API latency (ms)' -Period 60 `
            -DisplayUnitsLong milliseconds -DisplayUnitsShort ms -DisplayMin 0 -Color '#52D74C' -SummarizeFunction max
        $m = Get-StoredMetric api.latency
        $m.description | Should -Be 'API latency'
        $m.display_name | Should -Be 'API latency (ms)'
        $m.period | Should -Be 60
        $m.attributes.display_units_long | Should -Be 'milliseconds'
        $m.attributes.display_units_short | Should -Be 'ms'
        $m.attributes.display_min | Should -Be 0
        $m.attributes.color | Should -Be '#52D74C'
        $m.attributes.summarize_function | Should -Be 'max'
    }

    It 'supports the read-modify-write of attributes' {
        foreach ($metric in Get-LibratoMetric 'api.*') {
            $attributes = (Get-LibratoMetric $metric.Name).Attributes
            $attributes['display_units_long'] = 'ms'
            Set-LibratoMetric -Name $metric.Name -Attributes $attributes
        }
        (Get-StoredMetric api.latency).attributes.display_units_long | Should -Be 'ms'
        (Get-StoredMetric api.errors).attributes.display_units_long | Should -Be 'ms'
        (Get-StoredMetric db.latency).attributes.PSObject.Properties.Name | Should -Not -Contain 'display_units_long'
    }

    It 'updates every piped metric in one batch request' {
        Get-LibratoMetric '*latency' | Set-LibratoMetric -DisplayUnitsShort ms
        (Get-StoredMetric api.latency).attributes.display_units_short | Should -Be 'ms'
        (Get-StoredMetric db.latency).attributes.display_units_short | Should -Be 'ms'
        $puts = Get-EmulatorRequests $Emulator | Where-Object method -EQ 'PUT'
        $puts | Should -HaveCount 1
        $puts[0].path | Should -Be '/v1/metrics'
    }

    It 'updates by pattern with exclusions' {
        Set-LibratoMetric -Pattern 'api.*' -Exclude api.errors -Description 'api'
        (Get-StoredMetric api.latency).description | Should -Be 'api'
        (Get-StoredMetric api.errors).description | Should -BeNullOrEmpty
    }

    It 'returns the metric with -PassThru and changes nothing with -WhatIf' {
        (Set-LibratoMetric api.latency -Description x -PassThru).Description | Should -Be 'x'
        Set-LibratoMetric api.latency -Description y -WhatIf
        (Get-StoredMetric api.latency).description | Should -Be 'x'
    }

    It 'fails with Librato.NothingToUpdate when no property is given' {
        $err = { Set-LibratoMetric api.latency } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Librato.NothingToUpdate*'
    }

    It 'reports an unknown metric with Librato.MetricNotFound or the API error, and creates one given -Type' {
        Set-LibratoMetric brand.new -Description 'made before data' -Type gauge
        (Get-StoredMetric brand.new).description | Should -Be 'made before data'
        Set-LibratoMetric not.there -Description x -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].TargetObject | Should -Be 'not.there'
    }
}

Describe 'Remove-LibratoMetric' {
    BeforeEach {
        Reset-Emulator $Emulator
        'temperature', 'cpu.a.90', 'cpu.b.90', 'cpu.keep.90', 'mem.free' | ForEach-Object { Send-LibratoMetric -Name $_ -Value 1 }
    }

    It 'deletes one metric and its data with -Force' {
        Remove-LibratoMetric temperature -Force
        (Get-LibratoMetric).Name | Should -Not -Contain 'temperature'
        (Get-EmulatorStats $Emulator).per_metric.PSObject.Properties.Name | Should -Not -Contain 'temperature'
    }

    It 'deletes what Get-LibratoMetric pipes in, in one request' {
        Get-LibratoMetric 'cpu.*' | Remove-LibratoMetric -Confirm:$false
        (Get-LibratoMetric).Name | Sort-Object | Should -Be @('mem.free', 'temperature')
        (Get-EmulatorRequests $Emulator | Where-Object method -EQ 'DELETE') | Should -HaveCount 1
    }

    It 'deletes by pattern with exclusions' {
        Remove-LibratoMetric -Pattern 'cpu*.90' -Exclude cpu.keep.90 -Force
        (Get-LibratoMetric).Name | Sort-Object | Should -Be @('cpu.keep.90', 'mem.free', 'temperature')
    }

    It 'asks for confirmation by default (ConfirmImpact High) and deletes nothing with -WhatIf' {
        $command = Get-Command Remove-LibratoMetric
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Remove-LibratoMetric temperature -WhatIf
        Remove-LibratoMetric temperature -WhatIf -Force
        (Get-LibratoMetric).Name | Should -Contain 'temperature'
    }

    It 'reports a metric that does not exist with Librato.MetricNotFound' {
        Remove-LibratoMetric no.such -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.MetricNotFound*'
    }
}

Describe 'New-LibratoCompositeMetric' {
    BeforeEach { Reset-Emulator $Emulator }

    It 'saves a composite with description and attributes' {
        $m = New-LibratoCompositeMetric humidity 'sum(s("all.*", "*"))' -Description 'a test composite' -Attributes @{ display_units_short = '%' }
        $m.Type | Should -Be 'composite'
        $m.Composite | Should -Be 'sum(s("all.*", "*"))'
        $stored = Get-StoredMetric humidity
        $stored.composite | Should -Be 'sum(s("all.*", "*"))'
        $stored.description | Should -Be 'a test composite'
        $stored.attributes.display_units_short | Should -Be '%'
    }

    It 'reports a composite the API cannot parse with Librato.InvalidComposite' {
        New-LibratoCompositeMetric broken 'sum(s("x"' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidComposite*'
    }
}

Describe 'Metric name sanitizing' {
    It 'ConvertTo-LibratoMetricName applies the original rule' {
        ConvertTo-LibratoMetricName 'my metric name!' | Should -Be 'my-metric-name-'
        'a b', 'ok.name' | ConvertTo-LibratoMetricName | Should -Be @('a-b', 'ok.name')
        (ConvertTo-LibratoMetricName ('x' * 300)).Length | Should -Be 255
    }

    It 'is off by default and applies to every name once asked for' {
        Reset-Emulator $Emulator
        Send-LibratoMetric -Name 'not valid' -Value 1 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Librato.InvalidMetricName*'

        $session = Connect-Librato -Email $Emulator.Email -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) -Endpoint $Emulator.Url -SanitizeMetricNames -PassThru
        try {
            Send-LibratoMetric -Name 'disk usage %' -Value 1
            [pscustomobject]@{ Name = 'piped name'; Value = 2 } | Send-LibratoMetric
            (Get-LibratoMetric 'disk usage %').Name | Should -Be 'disk-usage-'
            (Get-EmulatorStats $Emulator).per_metric.PSObject.Properties.Name | Sort-Object | Should -Be @('disk-usage-', 'piped-name')
            Set-LibratoMetric 'disk usage %' -Description sanitized
            (Get-StoredMetric 'disk-usage-').description | Should -Be 'sanitized'
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}

Describe 'Argument completion' {
    It 'completes metric names from the account' {
        Reset-Emulator $Emulator
        'complete.alpha', 'complete.beta', 'other.gamma' | ForEach-Object { Send-LibratoMetric -Name $_ -Value 1 }
        $line = 'Get-LibratoMetric -Name complete.'
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Be @('complete.alpha', 'complete.beta')
    }

    It 'asks the API once for a text, then answers from the session''s cache' {
        Reset-Emulator $Emulator
        'cache.alpha', 'cache.beta' | ForEach-Object { Send-LibratoMetric -Name $_ -Value 1 }
        $line = 'Get-LibratoMetric -Name cache.'
        $listings = { @(Get-EmulatorRequests $Emulator | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/metrics' }).Count }
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('cache.alpha', 'cache.beta')
        $asked = & $listings
        $asked | Should -BeGreaterThan 0
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('cache.alpha', 'cache.beta')
        & $listings | Should -Be $asked
    }

    It 'is silent when not connected, even for names completed before' {
        Reset-Emulator $Emulator
        Send-LibratoMetric -Name comp.silent -Value 1
        $line = 'Get-LibratoMetric -Name comp.'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'comp.silent'
        Disconnect-Librato
        try {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        }
        finally {
            Connect-TestEmulator $Emulator | Out-Null
        }
    }
}
